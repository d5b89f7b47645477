import Translator

/// Options every command that runs the conversion shares (`convert`, `check`), so both read the same inputs.
enum ConversionArguments {
    static let options: [OptionSpec] = [
        OptionSpec(name: "--generation", valueName: "2|3", allowedValues: ["2", "3"],
            help: "Convox generation: 3 (Kubernetes racks, default) or 2 (ECS racks)."),
        OptionSpec(name: "--release-phase", valueName: "service|init", allowedValues: ["service", "init"],
            help: "Procfile release: a scale-0 service (default) or the web initContainer."),
        OptionSpec(name: "--resources", valueName: "managed|container", allowedValues: ["managed", "container"],
            help: "Databases and caches on AWS (RDS, ElastiCache) or as containers (default: by Heroku plan)."),
        OptionSpec(name: "--health-path", valueName: "PATH",
            help: "The path Convox probes on web before sending it traffic (default: the app's health route, or /).",
            validate: { path in
                path.hasPrefix("/") && !path.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "$" })
                    ? nil : "takes a URL path starting with /, such as /health, not '\(path)'"
            }),
        OptionSpec(name: "--domains", valueName: "FILE",
            help: "Custom domains: `heroku domains --json` output or one hostname per line."),
        OptionSpec(name: "--heroku-app", valueName: "NAME", help: "The Heroku app's name, for the runbook's commands.",
            validate: { herokuAppNameProblem($0) }),
        OptionSpec(name: "--no-runbook", valueName: nil, help: "Do not write MIGRATION.md."),
        OptionSpec(name: "--scheduler", valueName: "FILE",
            help: "Heroku Scheduler jobs (dashboard JSON, JSON job list or text; - for stdin) to make timers."),
        OptionSpec(name: "--config-vars", valueName: "FILE",
            help: "Heroku config vars: `heroku config` output (--json, --shell or plain) or a .env file; - is stdin."),
        OptionSpec(name: "--env-file", valueName: "NAME",
            help: "The file config var values go to (default .env), e.g. when the app keeps its own .env.",
            validate: { envFileNameProblem($0) }),
        OptionSpec(name: "--strict", valueName: nil, help: "Treat warnings as errors (exit 1, nothing written)."),
        OptionSpec(name: "--format", valueName: "text|json", allowedValues: ["text", "json"],
            help: "How diagnostics are printed on stderr (default text)."),
    ]

    /// Names translate writes itself; the env file may not take one of them, or the outputs overwrite each other.
    static let outputNames = ["convox.yml", "Dockerfile", ".dockerignore", ".gitignore", "MIGRATION.md"]

    /// What is wrong with an `--env-file` name, or nil. The name is written as a line of .gitignore and
    /// .dockerignore, so it must be a plain file name both read literally: no `/` or `..`, not a comment (`#`) or
    /// a negation (`!`), no blanks at either end (git drops trailing ones, Docker both), no glob or escape
    /// character (`* ? [ \\`), no control character (a newline would inject a line), and no `=` (the env file's
    /// header names it, and `convox env set` would read that comment as a variable).
    static func envFileNameProblem(_ name: String) -> String? {
        let shown = DiagnosticRenderer.oneLine(name)
        let plain = "takes a plain file name in the output directory, such as .env.convox"
        if name.isEmpty || name == "." || name == ".." || name.contains("/") { return "\(plain), not '\(shown)'" }
        if name.unicodeScalars.contains(where: DiagnosticRenderer.needsEscape) {
            return "\(plain); '\(shown)' has a control character or line break"
        }
        if let first = name.first, first == "#" || first == "!" {
            return "\(plain); '\(shown)' starts with '\(first)', which .gitignore reads as a "
                + (first == "#" ? "comment" : "negation")
        }
        if name.first?.isWhitespace == true || name.last?.isWhitespace == true {
            return "\(plain); '\(shown)' starts or ends with a blank, which .gitignore and .dockerignore drop"
        }
        if let special = name.first(where: { "*?[]\\=".contains($0) }) {
            return "\(plain); '\(shown)' has '\(special)', which "
                + (special == "=" ? "`convox env set` would read in the file's header as a variable"
                    : ".gitignore and .dockerignore read as a pattern")
        }
        if let output = outputNames.first(where: { $0.lowercased() == name.lowercased() }) {
            return "'\(shown)' is the name of another file translate writes (\(output)); pick another, "
                + "such as .env.convox"
        }
        return nil
    }

    /// Heroku app names are lower-case letters, digits and dashes, starting with a letter, at most 30 characters
    /// (what `heroku apps:create` accepts). The name is pasted into the runbook's shell commands, so nothing else
    /// (`$(...)`, quotes, blanks, line breaks) may get in.
    static func herokuAppNameProblem(_ name: String) -> String? {
        let isValid = name.count <= 30 && name.unicodeScalars.first.map { ("a"..."z").contains($0) } == true
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        return isValid ? nil : "'\(DiagnosticRenderer.oneLine(name))' is not a Heroku app name (lower-case letters, "
            + "digits and dashes, starting with a letter, at most 30 characters)"
    }

    static func conversionOptions(from arguments: ParsedArguments) -> ConversionOptions {
        var options = ConversionOptions()
        if arguments.value("--generation") == "2" { options.generation = .two }
        if arguments.value("--release-phase") == "init" { options.releasePhase = .initContainer }
        options.resourcePlacement = arguments.value("--resources").flatMap(ConversionOptions.ResourcePlacement.init)
        options.healthPath = arguments.value("--health-path")
        options.domainsPath = arguments.value("--domains")
        options.herokuAppName = arguments.value("--heroku-app")
        if arguments.has("--no-runbook") { options.writesRunbook = false }
        options.schedulerPath = arguments.value("--scheduler")
        options.configVarsPath = arguments.value("--config-vars")
        if let envFile = arguments.value("--env-file") { options.envFileName = envFile }
        return options
    }

    static func format(from arguments: ParsedArguments) -> DiagnosticRenderer.Format {
        arguments.value("--format") == "json" ? .json : .text
    }

    /// Names under which a file option reads standard input (see AppDirectory.read).
    static let standardInputNames: Set<String> = ["-", "/dev/stdin", "/dev/fd/0"]

    /// Standard input can be read once: a second option reading it would silently get nothing.
    static func checkStandardInputReadOnce(_ arguments: ParsedArguments) throws {
        let readers = ["--config-vars", "--scheduler", "--domains", "--against"].filter { name in
            arguments.value(name).map { standardInputNames.contains($0) } ?? false
        }
        guard readers.count > 1 else { return }
        throw UsageError(message: readers.joined(separator: " and ") + " both read standard input, which can be "
            + "read only once; give all but one of them a file")
    }

    /// The app directory positional (default `.`), or a usage error for extra positionals.
    static func appDirectory(from arguments: ParsedArguments, command: String) throws -> String {
        guard arguments.positionals.count <= 1 else {
            throw UsageError(message: "'translate \(command)' takes one app directory, got "
                + arguments.positionals.map { "'\($0)'" }.joined(separator: " "))
        }
        return arguments.positionals.first ?? "."
    }
}
