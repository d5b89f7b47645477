import Translator

/// Renders .dockerignore: the git history and every env-like file never go into the build context, and
/// neither do the caches the language's tools leave in a checkout (the image installs its own). When the app has
/// its own .dockerignore, only the env-file lines it lacks are appended (its own lines all stay), because a
/// generated Dockerfile's `COPY . .` would otherwise bake `.env` and its secrets into the image.
public struct DockerignoreBackend: Backend {
    public static let name = ".dockerignore"
    public var writtenFileNames: [String] { [".dockerignore"] }

    public init() {}

    /// Every env-like file, in Docker's pattern syntax (moby/patternmatcher: `**/` also matches at the root, the
    /// last matching line wins): `.env`, `.env.*` except the committed templates, the chosen env file (after the
    /// exceptions, so even `--env-file .env.example` stays out) and the `heroku config --json` export.
    public static func envFileLines(options: ConversionOptions) -> [String] {
        var lines = ["**/.env", "**/.env.*", "!**/.env.example", "!**/.env.sample", "!**/.env.template"]
        // `**/` as well: with --out DIR inside the app the env file is DIR/NAME, inside the build context.
        if options.envFileName != ".env" { lines.append("**/" + options.envFileName) }
        lines.append("heroku-config.json")
        if let configVars = options.configVarsPathInApp.flatMap(Self.literalPattern), !lines.contains(configVars) {
            lines.append(configVars)
        }
        return lines
    }

    /// `path` as a pattern that matches only itself, anchored at the root, in both .dockerignore and .gitignore:
    /// glob characters and the backslash are escaped. Nil when no line can hold it (a control character, or a
    /// blank at an end, which both formats drop).
    public static func literalPattern(_ path: String) -> String? {
        guard !path.unicodeScalars.contains(where: OneLineText.needsEscape),
            path.first?.isWhitespace != true, path.last?.isWhitespace != true
        else { return nil }
        var escaped = "/"
        for character in path {
            if "*?[]\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    public func render(_ app: AppIR, options: ConversionOptions, into diagnostics: inout Diagnostics) -> [OutputFile] {
        let plan = app.buildPlan
        // Without a Dockerfile to build there is still the upload: `convox deploy` sends the app's directory,
        // minus what .dockerignore lists, to the rack (convox/convox pkg/common/tar.go), env file included.
        guard plan.primary != nil || plan.existingDockerfile != nil || EnvFileBackend.isExpected(for: app)
        else { return [] }
        let envLines = Self.envFileLines(options: options)
        guard plan.writesDockerignore else {
            var file = OutputFile(path: ".dockerignore", contents: envLines.joined(separator: "\n") + "\n",
                headerStyle: nil, appendsMissingLines: true)
            file.isAtAppRoot = options.outputDirectoryInApp != nil
            return [file]
        }
        var lines = [".git"] + envLines
        // An existing Dockerfile may COPY build output on purpose, so only history and secrets are left out.
        if plan.existingDockerfile == nil, plan.primary != nil {
            lines.insert(
                "# Kept out of the image: git history, env files with secret values, and local caches.", at: 0)
            lines += plan.ignoredPaths.filter { !lines.contains($0) }
        } else {
            lines.insert("# Kept out of the image and the upload: git history and env files with secret values.", at: 0)
        }
        var file = OutputFile(path: ".dockerignore", contents: lines.joined(separator: "\n") + "\n")
        file.canBeAdopted = true
        file.isAtAppRoot = options.outputDirectoryInApp != nil
        return [file]
    }
}
