import Translator

/// Renders `.translate.yml`: the options this conversion used that shape committed outputs, and the live app's
/// config var names (never a value), so `translate check` with no flags, no config vars file and no network
/// reproduces every committed output. It has no hash header: it is meant to be edited, and each run rewrites
/// it from what it read (the file itself, then the flags, which win).
public struct RecordedOptionsBackend: Backend {
    public static let name = RecordedOptions.fileName

    public init() {}

    public var writtenFileNames: [String] { [RecordedOptions.fileName] }

    public static let comment = "# The options `translate convert` used; `translate check`, `convert` and `diff` read "
        + "them, and a flag\n# given on the command line wins and is recorded. Config vars appear by name only, "
        + "never by value.\n"

    /// The file's text for `options`. Defaults are left out, so the file says only what was chosen.
    public static func render(_ options: ConversionOptions) -> String {
        var text = comment + "generation: \(options.generation.rawValue)\n"
        func line(_ key: String, _ value: String?) {
            guard let value else { return }
            text += "\(key): \(YAMLWriter.scalar(value))\n"
        }
        if options.releasePhase != .service { line("release_phase", options.releasePhase.rawValue) }
        line("resources", options.resourcePlacement?.rawValue)
        line("health_path", options.healthPath)
        // Standard input and pipes (`<(...)` names /dev/fd/63) cannot be read again: not recorded (a warning).
        let isStream = { (path: String) in path == "-" || path.hasPrefix("/dev/") }
        line("domains", options.domainsPath.flatMap { isStream($0) ? nil : $0 })
        line("scheduler", options.schedulerPath.flatMap { isStream($0) ? nil : $0 })
        line("heroku_app", options.herokuAppName)
        if !options.writesRunbook { text += "runbook: false\n" }
        if options.envFileName != ".env" { line("env_file", options.envFileName) }
        line("out", options.outputDirectoryInApp)
        line("config_vars_file", options.configVarsPathInApp)
        line("database_url_scheme", options.databaseURLScheme)
        if let keys = options.configVarKeys {
            text += keys.isEmpty ? "config_vars: []\n" : "config_vars:\n"
            for key in keys { text += "  - \(YAMLWriter.scalar(key))\n" }
        }
        return text
    }

    public func render(_ app: AppIR, options: ConversionOptions, into diagnostics: inout Diagnostics) -> [OutputFile] {
        var file = OutputFile(path: RecordedOptions.fileName, contents: Self.render(options), headerStyle: nil)
        file.isRecord = true
        file.isAtAppRoot = true
        return [file]
    }
}
