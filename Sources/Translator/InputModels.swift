/// app.json as Heroku reads it (devcenter app-json-schema). Filled in by the app.json frontend; every part keeps
/// where it was written so the mapping rules can point at the user's own key.
public struct AppJSONManifest: Sendable, Equatable {
    /// The file as shown in messages (`app.json`).
    public var path: String
    public var name: String?
    public var description: String?
    /// `env`, in file order.
    public var environment: [AppJSONEnvironmentVariable]
    /// `addons`, in file order.
    public var addons: [AppJSONAddon]
    /// `formation`, in file order (object or array form).
    public var formation: [AppJSONFormation]
    /// `scripts`, in file order (`postdeploy`, `pr-predeploy`, `pr-predestroy`, `test-setup`, `test`).
    public var scripts: [AppJSONScript]
    /// `environments` keys (`test`, `review`) with where each is; their contents only apply on Heroku.
    public var environments: [AppJSONNamedEntry]
    /// `buildpacks[].url`, in order (the last one sets the process types on Heroku).
    public var buildpacks: [AppJSONNamedEntry]
    public var stack: AppJSONNamedEntry?
    /// `image`, deprecated by Heroku.
    public var image: AppJSONNamedEntry?

    public init(
        path: String, name: String? = nil, description: String? = nil,
        environment: [AppJSONEnvironmentVariable] = [], addons: [AppJSONAddon] = [],
        formation: [AppJSONFormation] = [], scripts: [AppJSONScript] = [], environments: [AppJSONNamedEntry] = [],
        buildpacks: [AppJSONNamedEntry] = [], stack: AppJSONNamedEntry? = nil, image: AppJSONNamedEntry? = nil
    ) {
        self.path = path
        self.name = name
        self.description = description
        self.environment = environment
        self.addons = addons
        self.formation = formation
        self.scripts = scripts
        self.environments = environments
        self.buildpacks = buildpacks
        self.stack = stack
        self.image = image
    }
}

/// A string value of app.json with where it was written (`stack`, a buildpack URL, an `environments` key).
public struct AppJSONNamedEntry: Sendable, Equatable {
    public var value: String
    public var location: SourceLocation

    public init(value: String, location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// One app.json `env` entry: `"KEY": "value"` or `"KEY": {description, value, required, generator}`.
public struct AppJSONEnvironmentVariable: Sendable, Equatable {
    public var key: String
    /// `value` (or the string form): a default Heroku fills in when the app is created.
    public var value: String?
    public var description: String?
    /// Heroku's default is true: app creation fails without a value.
    public var isRequired: Bool
    /// `generator: "secret"`: Heroku makes up a random value at app creation.
    public var isGeneratedSecret: Bool
    public var location: SourceLocation

    public init(
        key: String, value: String? = nil, description: String? = nil, isRequired: Bool = true,
        isGeneratedSecret: Bool = false, location: SourceLocation
    ) {
        self.key = key
        self.value = value
        self.description = description
        self.isRequired = isRequired
        self.isGeneratedSecret = isGeneratedSecret
        self.location = location
    }
}

/// One app.json add-on: `"service"`, `"service:plan"` or `{plan, as, options}`.
public struct AppJSONAddon: Sendable, Equatable {
    /// The add-on service slug (`heroku-postgresql`).
    public var service: String
    /// The plan after `:` (`mini`), nil for the default plan.
    public var plan: String?
    /// `as`: the attachment name, which prefixes the config vars (`WP_DB` gives `WP_DB_URL`).
    public var attachmentName: String?
    /// `options`, in file order, values as text (`"version": 14` gives "14").
    public var options: [AppJSONAddonOption]
    public var location: SourceLocation

    public init(
        service: String, plan: String? = nil, attachmentName: String? = nil, options: [AppJSONAddonOption] = [],
        location: SourceLocation
    ) {
        self.service = service
        self.plan = plan
        self.attachmentName = attachmentName
        self.options = options
        self.location = location
    }

    /// The plan as the user wrote it (`heroku-postgresql:mini`).
    public var planText: String { plan.map { "\(service):\($0)" } ?? service }
}

/// One `options` entry of an app.json add-on.
public struct AppJSONAddonOption: Sendable, Equatable {
    public var key: String
    public var value: String
    public var location: SourceLocation

    public init(key: String, value: String, location: SourceLocation) {
        self.key = key
        self.value = value
        self.location = location
    }
}

/// One app.json `formation` entry: how many dynos of a process type, and how big.
public struct AppJSONFormation: Sendable, Equatable {
    /// The Procfile process type it applies to, as written.
    public var processType: String
    public var quantity: Int?
    /// The dyno size as written (`Standard-1X`, `Hobby`).
    public var size: String?
    public var location: SourceLocation
    public var sizeLocation: SourceLocation?

    public init(
        processType: String, quantity: Int? = nil, size: String? = nil, location: SourceLocation,
        sizeLocation: SourceLocation? = nil
    ) {
        self.processType = processType
        self.quantity = quantity
        self.size = size
        self.location = location
        self.sizeLocation = sizeLocation
    }
}

/// One app.json `scripts` entry: a string or `{command, size}`.
public struct AppJSONScript: Sendable, Equatable {
    /// `postdeploy`, `pr-predeploy`, `pr-predestroy`, `test-setup` or `test`.
    public var name: String
    public var command: String
    public var size: String?
    public var location: SourceLocation
    /// Where the command text starts, for messages about the command.
    public var commandLocation: SourceLocation

    public init(
        name: String, command: String, size: String? = nil, location: SourceLocation,
        commandLocation: SourceLocation
    ) {
        self.name = name
        self.command = command
        self.size = size
        self.location = location
        self.commandLocation = commandLocation
    }
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
    /// Languages in buildpack order (declared order, or the one auto-detected language).
    public var languages: [LanguageRuntime]
    /// Buildpacks named in app.json `buildpacks` or `.buildpacks`, in order.
    public var buildpacks: [BuildpackReference]
    /// Debian packages from the `Aptfile` (Heroku's apt buildpack), in file order.
    public var aptPackages: [String]
    /// The app has a Dockerfile of its own (one without translate's generated-file header).
    public var hasOwnDockerfile = false
    /// The app has a .dockerignore of its own (one without translate's generated-file header).
    public var hasOwnDockerignore = false

    public init(
        languages: [LanguageRuntime] = [], buildpacks: [BuildpackReference] = [], aptPackages: [String] = []
    ) {
        self.languages = languages
        self.buildpacks = buildpacks
        self.aptPackages = aptPackages
    }
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
