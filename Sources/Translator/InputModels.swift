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
    /// Where the command text starts, for messages about the command itself.
    public var commandLocation: SourceLocation?
    /// Where the dyno size was written, for messages about the size.
    public var dynoSizeLocation: SourceLocation?

    public init(
        command: String, schedule: TimerSchedule, dynoSize: String? = nil, location: SourceLocation,
        commandLocation: SourceLocation? = nil, dynoSizeLocation: SourceLocation? = nil
    ) {
        self.command = command
        self.schedule = schedule
        self.dynoSize = dynoSize
        self.location = location
        self.commandLocation = commandLocation
        self.dynoSizeLocation = dynoSizeLocation
    }
}

/// What Heroku's buildpack detection would find. Filled in by the runtime detection frontend.
public struct RuntimeDetection: Sendable, Equatable {
    public init() {}
}

/// One custom domain of the Heroku app (`heroku domains`), which moves to the web service's `domain:`.
public struct HerokuDomain: Sendable, Equatable {
    public var hostname: String
    public var location: SourceLocation

    public init(hostname: String, location: SourceLocation) {
        self.hostname = hostname
        self.location = location
    }
}
