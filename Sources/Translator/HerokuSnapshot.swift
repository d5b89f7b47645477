/// What Heroku says the app is today (`translate import`): the live app, buildpacks, formation, the current slug's
/// process types, add-ons and their attachments, config var names, domains, features, log drains, SNI endpoints
/// and Scheduler jobs. It never holds a secret: no config var value, drain URL, token or certificate, so it can be
/// committed (`heroku-snapshot.json`); the values go to the git-ignored `heroku-config.json`.
public struct HerokuSnapshot: Sendable, Equatable {
    /// The committed snapshot, in the app directory.
    public static let fileName = "heroku-snapshot.json"
    /// The config var values, `heroku config --json` form, mode 0600 and git-ignored.
    public static let valuesFileName = "heroku-config.json"

    /// The file as shown in messages.
    public var path: String
    public var app: SnapshotApp
    /// Buildpack installations, in Heroku's order (the last one sets the default process types).
    public var buildpacks: [SnapshotEntry]
    /// The current release's slug `process_types`: the Procfile merged with the buildpack's defaults.
    public var processTypes: [SnapshotProcessType]
    public var formation: [SnapshotFormation]
    public var addons: [SnapshotAddon]
    /// Names only: the values are never in the snapshot.
    public var configVarNames: [SnapshotEntry]
    public var domains: [SnapshotDomain]
    /// Enabled app features (`preboot`, `runtime-dyno-metadata`).
    public var features: [SnapshotEntry]
    public var logDrains: [SnapshotLogDrain]
    /// SNI endpoint names: certificates and keys stay on Heroku.
    public var sniEndpoints: [SnapshotEntry]
    public var schedulerJobs: [SnapshotSchedulerJob]

    public init(
        path: String = HerokuSnapshot.fileName, app: SnapshotApp, buildpacks: [SnapshotEntry] = [],
        processTypes: [SnapshotProcessType] = [], formation: [SnapshotFormation] = [], addons: [SnapshotAddon] = [],
        configVarNames: [SnapshotEntry] = [], domains: [SnapshotDomain] = [], features: [SnapshotEntry] = [],
        logDrains: [SnapshotLogDrain] = [], sniEndpoints: [SnapshotEntry] = [],
        schedulerJobs: [SnapshotSchedulerJob] = []
    ) {
        self.path = path
        self.app = app
        self.buildpacks = buildpacks
        self.processTypes = processTypes
        self.formation = formation
        self.addons = addons
        self.configVarNames = configVarNames
        self.domains = domains
        self.features = features
        self.logDrains = logDrains
        self.sniEndpoints = sniEndpoints
        self.schedulerJobs = schedulerJobs
    }
}

/// A located string of the snapshot (a buildpack URL, a config var name, a feature).
public struct SnapshotEntry: Sendable, Equatable {
    public var value: String
    public var location: SourceLocation

    public init(_ value: String, location: SourceLocation = SourceLocation(file: "")) {
        self.value = value
        self.location = location
    }
}

/// The app object: name, region, stack and the buildpack's description of it.
public struct SnapshotApp: Sendable, Equatable {
    public var name: String
    public var region: String?
    public var stack: String?
    public var buildStack: String?
    public var buildpackDescription: String?
    public var location: SourceLocation

    public init(
        name: String, region: String? = nil, stack: String? = nil, buildStack: String? = nil,
        buildpackDescription: String? = nil, location: SourceLocation = SourceLocation(file: "")
    ) {
        self.name = name
        self.region = region
        self.stack = stack
        self.buildStack = buildStack
        self.buildpackDescription = buildpackDescription
        self.location = location
    }
}

/// One slug process type: what Heroku really runs for `name`.
public struct SnapshotProcessType: Sendable, Equatable {
    public var name: String
    public var command: String
    public var location: SourceLocation

    public init(name: String, command: String, location: SourceLocation = SourceLocation(file: "")) {
        self.name = name
        self.command = command
        self.location = location
    }
}

/// One formation entry: how many dynos of a type run today, and how big.
public struct SnapshotFormation: Sendable, Equatable {
    public var type: String
    public var quantity: Int
    public var size: String
    public var command: String?
    public var location: SourceLocation

    public init(
        type: String, quantity: Int, size: String, command: String? = nil,
        location: SourceLocation = SourceLocation(file: "")
    ) {
        self.type = type
        self.quantity = quantity
        self.size = size
        self.command = command
        self.location = location
    }
}

/// One add-on: its service and plan, and the names it is attached to this app as (the config var prefixes).
public struct SnapshotAddon: Sendable, Equatable {
    /// Heroku's name for the add-on (`postgresql-curved-12345`).
    public var name: String
    /// The add-on service slug (`heroku-postgresql`).
    public var service: String
    /// The plan as Heroku names it (`heroku-postgresql:standard-0`).
    public var plan: String
    /// Attachment names to this app (`DATABASE`, `HEROKU_POSTGRESQL_COBALT`), sorted.
    public var attachments: [String]
    /// The config var names the add-on set (names only).
    public var configVars: [String]
    /// The app that owns the add-on, when it is not this one (an add-on shared from another app).
    public var ownerApp: String?
    public var location: SourceLocation

    public init(
        name: String, service: String, plan: String, attachments: [String] = [], configVars: [String] = [],
        ownerApp: String? = nil, location: SourceLocation = SourceLocation(file: "")
    ) {
        self.name = name
        self.service = service
        self.plan = plan
        self.attachments = attachments
        self.configVars = configVars
        self.ownerApp = ownerApp
        self.location = location
    }

    /// The plan without the service prefix (`standard-0`), nil when Heroku gave none.
    public var planName: String? {
        guard !plan.isEmpty else { return nil }
        if plan.hasPrefix(service + ":") { return String(plan.dropFirst(service.count + 1)) }
        return plan
    }
}

/// One domain of the app: Heroku's own (`kind: heroku`) or a custom one.
public struct SnapshotDomain: Sendable, Equatable {
    public var hostname: String
    public var kind: String
    public var location: SourceLocation

    public init(hostname: String, kind: String, location: SourceLocation = SourceLocation(file: "")) {
        self.hostname = hostname
        self.kind = kind
        self.location = location
    }
}

/// One log drain, by the add-on that made it (nil for a drain added by hand). Its URL carries a token and is
/// never recorded.
public struct SnapshotLogDrain: Sendable, Equatable {
    public var addon: String?
    public var location: SourceLocation

    public init(addon: String?, location: SourceLocation = SourceLocation(file: "")) {
        self.addon = addon
        self.location = location
    }
}

/// One Heroku Scheduler job, in the dashboard's own terms (`every` 10, 60 or 1440 minutes, `at` the offset).
public struct SnapshotSchedulerJob: Sendable, Equatable {
    public var command: String
    public var every: Int
    public var at: Int
    public var dynoSize: String?
    public var location: SourceLocation

    public init(
        command: String, every: Int, at: Int, dynoSize: String? = nil,
        location: SourceLocation = SourceLocation(file: "")
    ) {
        self.command = command
        self.every = every
        self.at = at
        self.dynoSize = dynoSize
        self.location = location
    }

    /// The schedule the dashboard means, nil when `every`/`at` are not values the Scheduler offers.
    public var schedule: TimerSchedule? {
        switch every {
        case 10: return at == 0 ? .everyMinutes(10) : nil
        case 60: return (0...59).contains(at) ? .hourly(minute: at) : nil
        case 1440: return (0...1439).contains(at) ? .daily(hour: at / 60, minute: at % 60) : nil
        default: return nil
        }
    }
}
