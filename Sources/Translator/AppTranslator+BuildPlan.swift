extension DiagnosticID {
    static let buildDefaultVersion: DiagnosticID = "build.default-version"
    static let buildExistingDockerfile: DiagnosticID = "build.existing-dockerfile"
    static let buildExistingDockerignore: DiagnosticID = "build.existing-dockerignore"
    static let buildNoLanguage: DiagnosticID = "build.no-language"
    static let buildUnsupportedHelper: DiagnosticID = "build.unsupported-helper"
    static let buildCollectstatic: DiagnosticID = "build.collectstatic"
    static let buildPHPNginx: DiagnosticID = "build.php-nginx"
}

/// The image rules: which runtime versions, installs and build steps the buildpacks would have run, as a
/// `BuildPlan` the Dockerfile backend renders. Heroku's knowledge lives here; Docker syntax in the backend.
extension AppTranslator {
    /// Each buildpack's default version when no file names one (heroku.md section 7, buildpacks as of 2026-08).
    public static func defaultVersion(of language: Language) -> String {
        switch language {
        case .ruby: return "3.3.9"
        case .nodejs: return "24"
        case .python: return "3.14"
        case .php: return "8.5"
        case .go: return "1.25"
        case .clojure, .java, .gradle, .scala: return "21"
        }
    }

    /// The newest minor of a PHP major, which Heroku picks for `^8.1`-style constraints.
    static func newestPHP(major: String) -> String {
        switch major {
        case "5": return "5.6"
        case "7": return "7.4"
        default: return defaultVersion(of: .php)
        }
    }

    /// Fills `AppIR.buildPlan` from the detected runtime; `services` are final (for the port and PHP server).
    public func buildPlan(for heroku: HerokuApp, services: [Service], into diagnostics: inout Diagnostics)
        -> BuildPlan
    {
        let runtime = heroku.runtime ?? RuntimeDetection()
        var plan = BuildPlan(webPort: services.first { $0.role == .web }?.port)
        plan.writesDockerignore = !runtime.hasOwnDockerignore
        if !plan.writesDockerignore {
            diagnostics.note(
                .buildExistingDockerignore, "the app's own .dockerignore is kept; translate only appends the "
                    + "env-file lines it lacks, so no secrets reach the image",
                hint: "make sure it lists .git too, so the history stays out of the image")
        }
        if let manifest = heroku.herokuYML, let main = manifest.build(named: "web") ?? manifest.builds.first {
            plan.existingDockerfile = main.dockerfile
            var users: [String: [String]] = [:]
            for build in manifest.builds { users[build.dockerfile, default: []].append(build.processType) }
            var named: Set<String> = []
            for build in manifest.builds where named.insert(build.dockerfile).inserted {
                let users = users[build.dockerfile] ?? []
                diagnostics.note(
                    .buildExistingDockerfile,
                    "heroku.yml builds " + users.joined(separator: ", ") + " from \(build.dockerfile), so convox.yml "
                        + "builds from it too (with \(build.context == "." ? "the app's root" : build.context + "/") "
                        + "as the context, as on Heroku) and no Dockerfile is generated",
                    at: build.location)
            }
            return plan
        }
        if runtime.hasOwnDockerfile {
            plan.existingDockerfile = "Dockerfile"
            diagnostics.note(
                .buildExistingDockerfile,
                "the app already has a Dockerfile, so convox.yml builds from it and none is generated",
                hint: "check that it installs production dependencies and does not bake in secrets")
            return plan
        }
        let languages = runtime.languages
        guard let primaryIndex = languages.lastIndex(where: { $0.language != .nodejs }) ?? languages.indices.last
        else {
            diagnostics.warning(
                .buildNoLanguage,
                "no language that Heroku's official buildpacks build was found (no Gemfile, package.json, "
                    + "requirements.txt, pom.xml, go.mod, composer.json, ...), so no Dockerfile is written",
                hint: "write a Dockerfile for the app by hand; convox.yml builds from `Dockerfile`")
            return plan
        }
        var primary = resolvingVersion(languages[primaryIndex], into: &diagnostics)
        // Only the base image runs apt-get; a helper's files are copied out of its image, which still works.
        replacingArchivedImage(&primary, into: &diagnostics)
        var helpers: [LanguageRuntime] = []
        for (index, language) in languages.enumerated() where index != primaryIndex {
            guard language.language == .nodejs else {
                diagnostics.warning(
                    .buildUnsupportedHelper,
                    "buildpack \(language.language.buildpackName) runs before \(primary.language.buildpackName), "
                        + "but the image is built on \(primary.language.displayName) only, without "
                        + language.language.displayName,
                    at: language.detectedBy, hint: "install \(language.language.displayName) in the Dockerfile by hand")
                continue
            }
            helpers.append(resolvingVersion(language, into: &diagnostics))
        }
        plan.primary = primary
        plan.helpers = helpers
        plan.systemPackages = systemPackages(for: primary)
        plan.aptPackages = runtime.aptPackages
        plan.environment = environment(for: primary)
        for helper in helpers {
            // The node image's Yarn 1 lives outside what is copied from it, and old Node.js has no corepack.
            if helper.packageManager == .yarn { plan.installCommands.append("npm install --global yarn@1.22.22") }
            plan.installCommands += installCommands(for: helper, includesDevelopment: true)
            // Node.js the Ruby buildpack installs on its own runs no scripts; rake assets:precompile calls them.
            if helper.isDeclared { plan.buildCommands += nodeBuildCommands(for: helper, prunes: false) }
            plan.environment += environment(for: helper).filter { variable in
                !plan.environment.contains { $0.key == variable.key }
            }
        }
        plan.installCommands += installCommands(for: primary, includesDevelopment: needsDevelopment(primary))
        plan.buildCommands += buildCommands(for: primary, heroku: heroku, into: &diagnostics)
        plan.buildArguments = buildArguments(
            plan: plan, runtimes: [primary] + helpers, heroku: heroku, into: &diagnostics)
        if !plan.buildCommands.isEmpty, primary.language != .go, !primary.language.isJVM {
            plan.writableDirectories = writableDirectories(for: [primary] + helpers)
            if !plan.writableDirectories.isEmpty {
                diagnostics.note(
                    .buildWritableDirectories,
                    "the build steps run as root, so afterwards the image gives the app user (uid 10001) the folders "
                        + "the app writes at run time: " + plan.writableDirectories.joined(separator: ", "),
                    at: primary.detectedBy)
            }
        }
        if primary.language == .php { plan.php = phpSetup(for: primary, heroku: heroku, into: &diagnostics) }
        plan.ignoredPaths = ([primary] + helpers).flatMap { ignoredPaths(for: $0.language) }
            .reduce(into: []) { paths, path in if !paths.contains(path) { paths.append(path) } }
        if primary.language == .php,
            let web = services.first(where: { $0.role == .web }), let command = web.command,
            command.shellText.contains("heroku-php-nginx")
        {
            diagnostics.warning(
                .buildPHPNginx,
                "the web command runs heroku-php-nginx; the generated image serves PHP with Apache "
                    + "(php:\(primary.version ?? "")-apache), so an nginx config given with -C is not used",
                at: command.location, hint: "port the nginx rules to .htaccess, or switch the image to php-fpm "
                    + "and nginx by hand")
        }
        return plan
    }

    /// The runtime with a concrete version: the buildpack default (with a note) or the newest PHP minor.
    func resolvingVersion(_ runtime: LanguageRuntime, into diagnostics: inout Diagnostics) -> LanguageRuntime {
        var resolved = runtime
        if let version = runtime.version {
            if runtime.language == .php, !version.contains(".") { resolved.version = Self.newestPHP(major: version) }
            return resolved
        }
        resolved.version = Self.defaultVersion(of: runtime.language)
        diagnostics.note(
            .buildDefaultVersion,
            "no \(runtime.language.displayName) version is set, so the image uses \(resolved.version ?? ""), the "
                + "default of Heroku's \(runtime.language.displayName) buildpack",
            at: runtime.detectedBy, hint: Self.versionHint(runtime.language))
        return resolved
    }

    /// A version whose official image is based on an archived Debian release cannot run `apt-get update`: warn
    /// at the version file, and use the same release line on a live Debian release where such an image exists.
    func replacingArchivedImage(_ runtime: inout LanguageRuntime, into diagnostics: inout Diagnostics) {
        guard let version = runtime.version else { return }
        let name = runtime.language.displayName
        let oldest = RuntimeImageSupport.oldestSupported(runtime.language).map {
            "; the oldest \(name) its maintainers still support is \($0)"
        } ?? ""
        switch RuntimeImageSupport.status(of: runtime.language, version: version) {
        case .supported:
            return
        case .replaced(let archived, let replacement):
            runtime.version = replacement.version
            runtime.debianRelease = replacement.debianRelease
            let moved = replacement.version == version ? "" : " (\(name) \(replacement.version), newest of the line)"
            diagnostics.warning(
                .runtimeEndOfLife,
                "\(name) \(version) is past its end of life and its official image is based on Debian \(archived), "
                    + "which is archived, so `apt-get update` fails in it; the image uses the "
                    + "\(replacement.debianRelease) one instead\(moved)\(oldest)",
                at: runtime.versionLocation ?? runtime.detectedBy,
                hint: "upgrade \(name)"
                    + (moved.isEmpty ? "" : ", or pin \(replacement.version) where the version is set"))
        case .unbuildable(let archived):
            diagnostics.warning(
                .runtimeEndOfLife,
                "\(name) \(version) is past its end of life and every official image of it is based on Debian "
                    + "\(archived) or older, which is archived, so `apt-get update` fails and the image does not "
                    + "build\(oldest)",
                at: runtime.versionLocation ?? runtime.detectedBy, hint: "upgrade \(name) before moving the app")
        }
    }

    /// How to pin the version, for the default-version note.
    static func versionHint(_ language: Language) -> String {
        switch language {
        case .ruby: return "pin it with `ruby \"X.Y.Z\"` in the Gemfile and `bundle lock`"
        case .nodejs: return "pin it with \"engines\": {\"node\": \"22.x\"} in package.json"
        case .python: return "pin it in .python-version (for example 3.13)"
        case .php: return "pin it in composer.json (\"require\": {\"php\": \"~8.4.0\"})"
        case .go: return "pin it with a `go 1.X` line in go.mod"
        case .clojure, .java, .gradle, .scala: return "pin it with java.runtime.version in system.properties"
        }
    }

    /// Node.js apps with a build script install devDependencies, build, then prune, as Heroku's buildpack does.
    func needsDevelopment(_ runtime: LanguageRuntime) -> Bool {
        runtime.language == .nodejs && !nodeBuildScripts(runtime).isEmpty
    }

    /// The package.json scripts Heroku runs around the install, in order.
    func nodeBuildScripts(_ runtime: LanguageRuntime) -> [String] {
        let scripts = runtime.traits.scripts
        return ["heroku-prebuild"].filter(scripts.contains)
            + [scripts.contains("heroku-postbuild") ? "heroku-postbuild" : "build"].filter(scripts.contains)
    }

    /// Debian packages the Heroku stack image has and the language's native installs need.
    func systemPackages(for runtime: LanguageRuntime) -> [String] {
        switch runtime.language {
        case .ruby: return ["build-essential", "git", "libpq-dev", "libyaml-dev", "pkg-config"]
        case .python: return ["build-essential", "libpq-dev"]
        case .php: return runtime.packageManager == .composer ? ["git", "unzip"] : []
        case .go: return ["ca-certificates"]
        default: return []
        }
    }

    /// The production environment the buildpack sets.
    func environment(for runtime: LanguageRuntime) -> [BuildVariable] {
        switch runtime.language {
        case .ruby:
            var variables = [BuildVariable("RACK_ENV", "production"), BuildVariable("RAILS_ENV", "production")]
            if runtime.manifests.contains("Gemfile.lock") { variables.append(BuildVariable("BUNDLE_DEPLOYMENT", "1")) }
            variables.append(BuildVariable("BUNDLE_WITHOUT", "development:test"))
            // By Rails version, as heroku-buildpack-ruby lib/language_pack/helpers/default_env_vars.rb sets them
            // (an unknown version gets both).
            let rails = runtime.traits.railsVersion
            if runtime.traits.isRails, rails.map({ Self.isAtLeast($0, 5, 0) }) ?? true {
                variables.append(BuildVariable("RAILS_LOG_TO_STDOUT", "enabled"))
            }
            if runtime.traits.isRails, rails.map({ Self.isAtLeast($0, 4, 2) }) ?? true {
                variables.append(BuildVariable("RAILS_SERVE_STATIC_FILES", "enabled"))
            }
            return variables
        case .nodejs:
            return [BuildVariable("NODE_ENV", "production")]
        case .python:
            var variables = [
                BuildVariable("PYTHONUNBUFFERED", "1"), BuildVariable("PIP_DISABLE_PIP_VERSION_CHECK", "1"),
                BuildVariable("PIP_ROOT_USER_ACTION", "ignore"),
            ]
            if runtime.packageManager == .uv { variables.append(BuildVariable("UV_PROJECT_ENVIRONMENT", "/usr/local")) }
            return variables
        case .php:
            return [BuildVariable("COMPOSER_ALLOW_SUPERUSER", "1")]
        default:
            return []
        }
    }

    /// What the buildpack runs with only the manifests copied (the cached layer).
    func installCommands(for runtime: LanguageRuntime, includesDevelopment: Bool) -> [String] {
        let wrapper = runtime.traits.hasWrapper
        switch runtime.packageManager {
        case .bundler:
            return ["bundle install"]
        case .npm:
            let hasLock = runtime.manifests.contains("package-lock.json")
                || runtime.manifests.contains("npm-shrinkwrap.json")
            return ["npm \(hasLock ? "ci" : "install") \(includesDevelopment ? "--include=dev" : "--omit=dev")"]
        case .yarn:
            return ["yarn install --frozen-lockfile --production=\(includesDevelopment ? "false" : "true")",
                "yarn cache clean"]
        case .yarnBerry:
            return ["corepack enable", "yarn install --immutable"]
        case .pnpm:
            let production = includesDevelopment ? "false" : "true"
            return ["corepack enable", "pnpm install --frozen-lockfile --prod=\(production)"]
        case .pip:
            return ["pip install --no-cache-dir -r requirements.txt"]
        case .pipenv:
            let lock = runtime.manifests.contains("Pipfile.lock") ? "--deploy" : "--skip-lock"
            return ["pip install --no-cache-dir pipenv", "pipenv install \(lock) --system"]
        case .poetry:
            return ["pip install --no-cache-dir poetry", "poetry config virtualenvs.create false",
                "poetry install --only main --no-root --no-interaction"]
        case .uv:
            return ["pip install --no-cache-dir uv", "uv sync --locked --no-dev --no-install-project"]
        case .composer:
            return ["composer install --no-dev --no-interaction --prefer-dist --no-scripts --no-autoloader"]
        case .maven:
            return ["\(wrapper ? "./mvnw" : "mvn") -B dependency:go-offline"]
        case .gradle:
            return wrapper ? ["./gradlew --no-daemon --version"] : []
        case .sbt:
            return ["sbt update"]
        case .leiningen:
            return ["lein deps"]
        case .goModules:
            return ["go mod download"]
        case .none:
            return []
        }
    }

    /// What the buildpack runs with the whole source in place.
    func buildCommands(for runtime: LanguageRuntime, heroku: HerokuApp, into diagnostics: inout Diagnostics)
        -> [String]
    {
        let wrapper = runtime.traits.hasWrapper
        switch runtime.language {
        case .ruby:
            return railsBuildCommands(for: runtime, into: &diagnostics)
        case .nodejs:
            return nodeBuildCommands(for: runtime, prunes: true)
        case .python:
            return collectstaticCommands(for: runtime, heroku: heroku, into: &diagnostics)
        case .php:
            guard runtime.packageManager == .composer else { return [] }
            return ["composer dump-autoload --optimize --no-dev"]
                + (runtime.traits.scripts.contains("compile") ? ["composer compile --no-dev"] : [])
        case .go:
            let packages = runtime.traits.goInstallPackages.isEmpty ? ["."] : runtime.traits.goInstallPackages
            return ["CGO_ENABLED=0 go build -o bin/ " + packages.joined(separator: " ")]
        case .java:
            return ["\(wrapper ? "./mvnw" : "mvn") -B -DskipTests clean dependency:list install"]
        case .gradle:
            let tool = wrapper ? "./gradlew" : "gradle"
            return [runtime.traits.hasStageTask ? "\(tool) --no-daemon stage" : "\(tool) --no-daemon build -x check"]
        case .scala:
            return ["sbt compile stage"]
        case .clojure:
            return [runtime.traits.uberjarName == nil ? "lein with-profile production compile :all" : "lein uberjar"]
        }
    }

    /// `heroku-prebuild`, then `heroku-postbuild` (or `build`), then dropping devDependencies.
    func nodeBuildCommands(for runtime: LanguageRuntime, prunes: Bool) -> [String] {
        let scripts = nodeBuildScripts(runtime)
        guard !scripts.isEmpty else { return [] }
        let runner: String
        let prune: String?
        switch runtime.packageManager {
        case .yarn:
            runner = "yarn run"
            prune = "yarn install --frozen-lockfile --production=true --ignore-scripts --prefer-offline "
                + "&& yarn cache clean"
        case .yarnBerry:
            runner = "yarn run"
            prune = nil
        case .pnpm:
            runner = "pnpm run"
            prune = "pnpm prune --prod"
        default:
            runner = "npm run"
            prune = "npm prune --omit=dev"
        }
        var commands = scripts.map { "\(runner) \($0)" }
        if prunes, let prune { commands.append(prune) }
        if prunes, runtime.traits.scripts.contains("heroku-cleanup") { commands.append("\(runner) heroku-cleanup") }
        return commands
    }

    /// Caches and build output each language's tools leave in a checkout.
    func ignoredPaths(for language: Language) -> [String] {
        switch language {
        case .ruby: return [".bundle", "vendor/bundle", "log/*", "tmp/*"]
        case .nodejs: return ["node_modules", "npm-debug.log*", "yarn-error.log"]
        case .python: return ["__pycache__", "*.pyc", ".venv", "venv", ".pytest_cache", ".mypy_cache"]
        case .php: return ["vendor"]
        case .go: return []
        case .java, .scala: return ["target"]
        case .gradle: return [".gradle", "build"]
        case .clojure: return ["target", ".lein-*", ".nrepl-port"]
        }
    }
}
