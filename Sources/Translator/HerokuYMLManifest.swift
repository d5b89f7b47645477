/// heroku.yml as Heroku's container stack reads it (devcenter "build-docker-images-heroku-yml"): which Dockerfile
/// builds each process type, build-time config, the release and run commands, and the add-ons and config vars
/// `heroku apps:create --manifest` sets up. Filled in by the heroku.yml frontend, every part located.
public struct HerokuYMLManifest: Sendable, Equatable {
    /// The file as shown in messages (`heroku.yml`).
    public var path: String
    /// `build.docker`, in file order.
    public var builds: [HerokuYMLBuild]
    /// `build.config`, in file order: Docker build arguments on Heroku.
    public var buildConfig: [HerokuYMLConfigEntry]
    /// `release`, when there is one.
    public var release: HerokuYMLProcess?
    /// `run`, in file order.
    public var processes: [HerokuYMLProcess]
    /// `setup.addons`, in file order, read like app.json `addons`.
    public var setupAddons: [AppJSONAddon]
    /// `setup.config`, in file order.
    public var setupConfig: [HerokuYMLConfigEntry]

    public init(
        path: String, builds: [HerokuYMLBuild] = [], buildConfig: [HerokuYMLConfigEntry] = [],
        release: HerokuYMLProcess? = nil, processes: [HerokuYMLProcess] = [], setupAddons: [AppJSONAddon] = [],
        setupConfig: [HerokuYMLConfigEntry] = []
    ) {
        self.path = path
        self.builds = builds
        self.buildConfig = buildConfig
        self.release = release
        self.processes = processes
        self.setupAddons = setupAddons
        self.setupConfig = setupConfig
    }

    /// True when heroku.yml says how the app's processes run (a Docker build or a `run` section): then Heroku
    /// ignores the Procfile.
    public var definesProcesses: Bool { !builds.isEmpty || !processes.isEmpty }

    /// The build a process type's image comes from: its own `build.docker` entry, else `web`'s.
    public func build(named processType: String) -> HerokuYMLBuild? {
        builds.first { $0.processType == processType }
    }
}

/// One `build.docker` entry: `web: Dockerfile` or `web: {dockerfile: app/Dockerfile}`.
public struct HerokuYMLBuild: Sendable, Equatable {
    public var processType: String
    /// The Dockerfile's path inside the app, as written without a leading `./`.
    public var dockerfile: String
    public var location: SourceLocation
    /// What the Dockerfile says about running the image; nil when the file could not be read.
    public var image: DockerfileFacts?

    public init(processType: String, dockerfile: String, location: SourceLocation, image: DockerfileFacts? = nil) {
        self.processType = processType
        self.dockerfile = dockerfile
        self.location = location
        self.image = image
    }

    /// Heroku builds with the Dockerfile's own directory as the context ("Known issues and limitations" of the
    /// heroku.yml article), so `docker/Dockerfile.web` is Convox's `build: {path: docker, manifest: Dockerfile.web}`.
    public var context: String {
        guard let slash = dockerfile.lastIndex(of: "/") else { return "." }
        return String(dockerfile[..<slash])
    }

    /// The Dockerfile's name inside `context`.
    public var manifest: String {
        guard let slash = dockerfile.lastIndex(of: "/") else { return dockerfile }
        return String(dockerfile[dockerfile.index(after: slash)...])
    }
}

/// The parts of a Dockerfile that decide how its image runs and what Convox passes to its build.
public struct DockerfileFacts: Sendable, Equatable {
    /// The final stage's `CMD` as shell text (exec form joined with spaces); nil when the base image's is used.
    public var command: String?
    public var commandLocation: SourceLocation?
    /// The final stage's `ENTRYPOINT` as text; nil when there is none in the file.
    public var entrypoint: String?
    public var entrypointLocation: SourceLocation?
    /// Every `ARG` name, in file order: Convox fills exactly these from the app's environment at build time.
    public var arguments: [String]

    public init(
        command: String? = nil, commandLocation: SourceLocation? = nil, entrypoint: String? = nil,
        entrypointLocation: SourceLocation? = nil, arguments: [String] = []
    ) {
        self.command = command
        self.commandLocation = commandLocation
        self.entrypoint = entrypoint
        self.entrypointLocation = entrypointLocation
        self.arguments = arguments
    }
}

/// One `run` entry or the `release` section: a command, and the process type whose image it runs in.
public struct HerokuYMLProcess: Sendable, Equatable {
    /// The process type (`release` for the release section).
    public var processType: String
    /// The command as one shell line (a `command:` list is joined with spaces, as Heroku's examples write whole
    /// command lines in one element).
    public var command: String
    /// `image:`, the process type whose built image runs the command.
    public var image: String?
    public var location: SourceLocation
    public var commandLocation: SourceLocation
    public var imageLocation: SourceLocation?

    public init(
        processType: String, command: String, image: String? = nil, location: SourceLocation,
        commandLocation: SourceLocation, imageLocation: SourceLocation? = nil
    ) {
        self.processType = processType
        self.command = command
        self.image = image
        self.location = location
        self.commandLocation = commandLocation
        self.imageLocation = imageLocation
    }
}

/// One `KEY: value` of `build.config` or `setup.config`.
public struct HerokuYMLConfigEntry: Sendable, Equatable {
    public var key: String
    public var value: String
    public var location: SourceLocation

    public init(key: String, value: String, location: SourceLocation) {
        self.key = key
        self.value = value
        self.location = location
    }
}
