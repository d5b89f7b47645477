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
        OptionSpec(name: "--heroku-app", valueName: "NAME", help: "The Heroku app's name, for the runbook's commands."),
        OptionSpec(name: "--no-runbook", valueName: nil, help: "Do not write MIGRATION.md."),
        OptionSpec(name: "--scheduler", valueName: "FILE",
            help: "Heroku Scheduler jobs (dashboard JSON, JSON job list or text; - for stdin) to make timers."),
        OptionSpec(name: "--config-vars", valueName: "FILE",
            help: "Heroku config vars: `heroku config` output (--json, --shell or plain) or a .env file; - is stdin."),
        OptionSpec(name: "--env-file", valueName: "NAME",
            help: "The file config var values go to (default .env), e.g. when the app keeps its own .env.",
            validate: { name in
                name.isEmpty || name.contains("/") || name == "." || name == ".."
                    ? "takes a file name in the output directory, such as .env.convox, not '\(name)'" : nil
            }),
        OptionSpec(name: "--strict", valueName: nil, help: "Treat warnings as errors (exit 1, nothing written)."),
        OptionSpec(name: "--format", valueName: "text|json", allowedValues: ["text", "json"],
            help: "How diagnostics are printed on stderr (default text)."),
    ]

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

    /// The app directory positional (default `.`), or a usage error for extra positionals.
    static func appDirectory(from arguments: ParsedArguments, command: String) throws -> String {
        guard arguments.positionals.count <= 1 else {
            throw UsageError(message: "'translate \(command)' takes one app directory, got "
                + arguments.positionals.map { "'\($0)'" }.joined(separator: " "))
        }
        return arguments.positionals.first ?? "."
    }
}
