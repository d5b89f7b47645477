/// What `.translate.yml` at the app's root records: the options a conversion used that shape committed outputs,
/// and the names (never the values) of the live app's config vars. `convert` writes it and `convert`, `check`
/// and `diff` read it, so a plain `translate check` in a clean clone (no flags, no config vars file) reproduces
/// the committed files. A flag given on the command line wins over what is recorded.
public struct RecordedOptions: Sendable, Equatable {
    public static let fileName = ".translate.yml"

    /// One recorded option, as the command-line flag it stands for (`--generation`, `--no-runbook` with an empty
    /// value). Paths are relative to the app's root.
    public struct Entry: Sendable, Equatable {
        public var flag: String
        public var value: String
        public var location: SourceLocation

        public init(flag: String, value: String, location: SourceLocation) {
            self.flag = flag
            self.value = value
            self.location = location
        }
    }

    /// The file's keys and the flags they record, in the order the file is written.
    public static let keys: [(key: String, flag: String)] = [
        ("generation", "--generation"), ("release_phase", "--release-phase"), ("resources", "--resources"),
        ("health_path", "--health-path"), ("domains", "--domains"), ("scheduler", "--scheduler"),
        ("heroku_app", "--heroku-app"), ("runbook", "--no-runbook"), ("env_file", "--env-file"), ("out", "--out"),
        ("config_vars_file", "--config-vars"),
    ]

    public var entries: [Entry] = []
    /// The live app's config var names, located in the file, with empty values; nil when the file has none.
    public var configVarKeys: [ConfigVar]?
    /// `database_url_scheme`: see `ConversionOptions.databaseURLScheme`.
    public var databaseURLScheme: Entry?

    public init(entries: [Entry] = [], configVarKeys: [ConfigVar]? = nil) {
        self.entries = entries
        self.configVarKeys = configVarKeys
    }

    public func entry(_ flag: String) -> Entry? { entries.last { $0.flag == flag } }
}
