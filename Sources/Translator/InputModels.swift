/// app.json as Heroku reads it. Filled in by the app.json frontend.
public struct AppJSONManifest: Sendable, Equatable {
    public init() {}
}

/// One Heroku config var (`heroku config`), with where it was read.
public struct ConfigVar: Sendable, Equatable {
    public var key: String
    public var value: String
    public var location: SourceLocation

    public init(key: String, value: String, location: SourceLocation) {
        self.key = key
        self.value = value
        self.location = location
    }
}

/// One Heroku Scheduler job.
public struct SchedulerJob: Sendable, Equatable {
    public var command: String
    public var schedule: TimerSchedule
    /// Dyno size as written (`Standard-1X`).
    public var dynoSize: String?
    public var location: SourceLocation

    public init(command: String, schedule: TimerSchedule, dynoSize: String? = nil, location: SourceLocation) {
        self.command = command
        self.schedule = schedule
        self.dynoSize = dynoSize
        self.location = location
    }
}

/// What Heroku's buildpack detection would find. Filled in by the runtime detection frontend.
public struct RuntimeDetection: Sendable, Equatable {
    /// Languages in buildpack order (declared order, or the one auto-detected language).
    public var languages: [LanguageRuntime]
    /// Buildpacks named in app.json `buildpacks` or `.buildpacks`, in order.
    public var buildpacks: [BuildpackReference]
    /// Debian packages from the `Aptfile` (Heroku's apt buildpack), in file order.
    public var aptPackages: [String]
    /// The Dockerfile `heroku.yml` builds the web process from (`build.docker.web`), with where it was named.
    public var herokuYMLDockerfile: String?
    public var herokuYMLLocation: SourceLocation?

    public init(
        languages: [LanguageRuntime] = [], buildpacks: [BuildpackReference] = [], aptPackages: [String] = [],
        herokuYMLDockerfile: String? = nil, herokuYMLLocation: SourceLocation? = nil
    ) {
        self.languages = languages
        self.buildpacks = buildpacks
        self.aptPackages = aptPackages
        self.herokuYMLDockerfile = herokuYMLDockerfile
        self.herokuYMLLocation = herokuYMLLocation
    }
}
