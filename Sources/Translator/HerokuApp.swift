/// What the frontends learned about the Heroku app, before any Convox rule is applied. Each frontend fills its
/// own part; `merging` combines the parts. The mapping rules (`AppTranslator`) turn this into an `AppIR`.
public struct HerokuApp: Sendable, Equatable {
    /// Procfile process types in file order; `nil` when there is no Procfile.
    public var processTypes: [ProcessType]?
    /// app.json, when there is one (issue: app.json, config vars and add-ons).
    public var appJSON: AppJSONManifest?
    /// The live app's config var names, in order, with empty values: recorded in `.translate.yml` (from the config
    /// vars file when one was read). Every rule shaping a committed output sees only these names.
    public var configVars: [ConfigVar]?
    /// The config vars' values by name, when a config vars file was read: they go to the git-ignored env file
    /// and nowhere else, so no guess about what is secret decides what reaches git.
    public var liveConfigValues: [String: String] = [:]
    /// Heroku Scheduler jobs from `--scheduler`, in file order.
    public var schedulerJobs: [SchedulerJob]?
    /// Language, version and package manager as Heroku's buildpacks would detect them.
    public var runtime: RuntimeDetection?
    /// Custom domains from `--domains`, in file order.
    public var domains: [HerokuDomain]?
    /// heroku.yml, when there is one (apps on Heroku's container stack).
    public var herokuYML: HerokuYMLManifest?
    /// Health check routes found in the app's own source files, in file order.
    public var healthRoutes: [HealthRoute]?
    /// What Heroku said the app is, from `heroku-snapshot.json` (`translate import`); applied by
    /// `AppTranslator.applyingSnapshot` before the mapping rules.
    public var snapshot: HerokuSnapshot?
    /// Paths of every input file that was read, in a fixed order.
    public var sourceFiles: [String]
    /// Top-level names in the app directory (for "is there a Dockerfile" style questions).
    public var directoryListing: [String]

    public init(processTypes: [ProcessType]? = nil, sourceFiles: [String] = [], directoryListing: [String] = []) {
        self.processTypes = processTypes
        self.sourceFiles = sourceFiles
        self.directoryListing = directoryListing
    }

    /// Combines two fragments; a part set in `other` replaces the same part here.
    public func merging(_ other: HerokuApp) -> HerokuApp {
        var merged = self
        if let processTypes = other.processTypes { merged.processTypes = processTypes }
        if let appJSON = other.appJSON { merged.appJSON = appJSON }
        if let configVars = other.configVars { merged.configVars = configVars }
        merged.liveConfigValues.merge(other.liveConfigValues) { _, new in new }
        if let schedulerJobs = other.schedulerJobs { merged.schedulerJobs = schedulerJobs }
        if let runtime = other.runtime { merged.runtime = runtime }
        if let domains = other.domains { merged.domains = domains }
        if let herokuYML = other.herokuYML { merged.herokuYML = herokuYML }
        if let healthRoutes = other.healthRoutes { merged.healthRoutes = healthRoutes }
        if let snapshot = other.snapshot { merged.snapshot = snapshot }
        merged.sourceFiles += other.sourceFiles.filter { !merged.sourceFiles.contains($0) }
        if !other.directoryListing.isEmpty { merged.directoryListing = other.directoryListing }
        return merged
    }
}

/// One Procfile line: `<name>: <command>`.
public struct ProcessType: Sendable, Equatable, Codable {
    /// The name as the user wrote it (`sidekiq_default`).
    public var name: String
    public var command: String
    /// Where the line starts.
    public var location: SourceLocation
    /// Where the command starts, for messages about the command itself.
    public var commandLocation: SourceLocation
    /// True when the process runs its image's own `CMD` (a heroku.yml Docker build without a `run` entry):
    /// `command` is empty and the service gets no `command:`.
    public var runsImageCommand: Bool
    /// The image's `CMD` as written in its Dockerfile, read only to find the port it listens on.
    public var imageCommand: String?

    public init(
        name: String, command: String, location: SourceLocation, commandLocation: SourceLocation,
        runsImageCommand: Bool = false, imageCommand: String? = nil
    ) {
        self.name = name
        self.command = command
        self.location = location
        self.commandLocation = commandLocation
        self.runsImageCommand = runsImageCommand
        self.imageCommand = imageCommand
    }
}
