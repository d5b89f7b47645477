/// The Convox-side intermediate representation of one app. Backends render only this, never input files,
/// so any output can be fed from any input. Everything emitted is an ordered array: dictionaries would make
/// output order change from run to run.
public struct AppIR: Sendable, Equatable, Codable {
    /// The app's name when an input gave one (app.json `name`), used by the runbook and headers.
    public var name: String?
    /// Input files the app was built from, in a fixed order, named in generated-file headers.
    public var sourceFiles: [String]
    public var services: [Service]
    public var resources: [Resource]
    public var timers: [Timer]
    /// App-wide environment declarations (convox.yml top-level `environment:`).
    public var environment: [EnvironmentDeclaration]
    /// Real values for the git-ignored env file. Never rendered into convox.yml, the Dockerfile or the runbook.
    public var environmentValues: [EnvironmentValue]
    /// Names of every variable the env file carries, whether or not its value is at hand (`check` in a clean
    /// clone has no config vars file): what committed outputs (the runbook, .dockerignore) may depend on.
    public var envFileKeys: [String] = []
    public var buildPlan: BuildPlan
    /// Work Heroku ran around releases (release phase, postdeploy) that Convox has no phase for.
    public var releaseTasks: [ReleaseTask]
    /// How every command (services, timers, initContainer, `convox run`) is started to keep its Heroku meaning.
    public var commandLauncher = CommandLauncher.bash

    public init(
        name: String? = nil, sourceFiles: [String] = [], services: [Service] = [], resources: [Resource] = [],
        timers: [Timer] = [], environment: [EnvironmentDeclaration] = [],
        environmentValues: [EnvironmentValue] = [], buildPlan: BuildPlan = BuildPlan(),
        releaseTasks: [ReleaseTask] = []
    ) {
        self.name = name
        self.sourceFiles = sourceFiles
        self.services = services
        self.resources = resources
        self.timers = timers
        self.environment = environment
        self.environmentValues = environmentValues
        self.buildPlan = buildPlan
        self.releaseTasks = releaseTasks
    }

    /// The service that receives HTTP traffic, if any.
    public var webService: Service? { services.first { $0.role == .web } }
}

/// What a Heroku process type was for; decides port, scale and notes.
public enum ServiceRole: String, Sendable, Equatable, Codable {
    /// `web`: the only routed type on Heroku; gets `port:` on Convox.
    case web
    /// Any long-running type without a port (`worker`, `clock`, `sidekiq`).
    case worker
    /// `release`: Heroku's release phase. Convox has no such phase.
    case release
    /// A type that is only ever run by hand (`console`, `backup`): scale 0, used with `convox run`.
    case oneOff = "one-off"
    /// The scale-0 service that timers run on.
    case jobs
}

/// A command as it will run on Convox, with what we had to do to keep its Heroku meaning.
public struct Command: Sendable, Equatable, Codable {
    /// The command text after `${...}` rewriting, still in shell syntax as on Heroku.
    public var shellText: String
    /// True when the command uses shell syntax (or a builtin) and must be wrapped where no shell runs it.
    public var needsShell: Bool
    /// True when the command uses syntax only bash has (`source`, `[[`, `{a,b}`), so `sh` cannot run it.
    public var needsBash: Bool
    public var location: SourceLocation?

    public init(shellText: String, needsShell: Bool, needsBash: Bool = false, location: SourceLocation? = nil) {
        self.shellText = shellText
        self.needsShell = needsShell
        self.needsBash = needsBash
        self.location = location
    }
}

/// Declared scale for a service. `nil` fields mean "Convox's default".
public struct Scale: Sendable, Equatable, Codable {
    public var count: Int?
    /// Memory in MB (a dyno size's RAM).
    public var memory: Int?
    /// CPU in thousandths of a vCPU. Each generation renders `scale.cpu` in its own unit: generation 3 reads
    /// millicores (`cpu: "<N>m"`, convox/convox provider/k8s/template/app/service.yml.tmpl), generation 2 ECS CPU
    /// units, 1024 a vCPU (convox/rack provider/aws/formation/service.json.tmpl `Cpu`).
    public var cpuMillicores: Int?
    public var location: SourceLocation?

    public init(count: Int? = nil, memory: Int? = nil, cpuMillicores: Int? = nil, location: SourceLocation? = nil) {
        self.count = count
        self.memory = memory
        self.cpuMillicores = cpuMillicores
        self.location = location
    }

    public var isDefault: Bool { count == nil && memory == nil && cpuMillicores == nil }

    /// `scale.cpu` as the generation reads it: millicores on 3, ECS units (1024 a vCPU) on 2.
    public func manifestCPU(for generation: ConversionOptions.Generation) -> Int? {
        guard let cpuMillicores else { return nil }
        return generation == .three ? cpuMillicores : cpuMillicores * 1024 / 1000
    }
}

/// A link from a service to a resource; `variable` set means the `name:VAR` form (only that variable injected).
public struct ResourceLink: Sendable, Equatable, Codable {
    public var resource: String
    public var variable: String?

    public init(resource: String, variable: String? = nil) {
        self.resource = resource
        self.variable = variable
    }
}

/// One Convox service (from a Procfile process type, app.json, or the jobs service we add for timers).
public struct Service: Sendable, Equatable, Codable {
    /// Convox name (`^[a-z][a-z0-9-]*$`).
    public var name: String
    /// The user's own name (Procfile process type) when it differs.
    public var herokuName: String
    public var role: ServiceRole
    public var command: Command?
    public var port: Int?
    public var scale: Scale
    public var environment: [EnvironmentDeclaration]
    public var resources: [ResourceLink]
    /// v3 `initContainer.command` (the `--release-phase init` mapping).
    public var initCommand: Command?
    /// `domain:` values for the web service.
    public var domains: [String]
    public var location: SourceLocation?
    /// The service's own build (heroku.yml `build.docker`); nil builds from the app's one image (`BuildPlan`).
    public var build: ServiceBuild?
    /// The image's own `CMD`, which the service runs when `command` is nil (heroku.yml without a `run` entry).
    public var imageCommand: String?
    /// `health:` for the web service: the path Convox probes before it sends a pod traffic; nil probes `/`.
    public var healthPath: String?

    public init(
        name: String, herokuName: String? = nil, role: ServiceRole, command: Command? = nil, port: Int? = nil,
        scale: Scale = Scale(), environment: [EnvironmentDeclaration] = [], resources: [ResourceLink] = [],
        initCommand: Command? = nil, domains: [String] = [], location: SourceLocation? = nil,
        build: ServiceBuild? = nil, imageCommand: String? = nil
    ) {
        self.name = name
        self.herokuName = herokuName ?? name
        self.role = role
        self.command = command
        self.port = port
        self.scale = scale
        self.environment = environment
        self.resources = resources
        self.initCommand = initCommand
        self.domains = domains
        self.location = location
        self.build = build
        self.imageCommand = imageCommand
    }
}

/// The resource types Convox can run itself (containerized on v3, AWS-managed on v2).
public enum ResourceType: String, Sendable, Equatable, Codable, CaseIterable {
    case postgres
    case mysql
    case mariadb
    case redis
    case memcached
    case postgis
}

/// One option of a resource, kept as an ordered pair because Convox reads every option as a string.
public struct ResourceOption: Sendable, Equatable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// A Convox resource (from a Heroku add-on).
public struct Resource: Sendable, Equatable, Codable {
    public var name: String
    public var type: ResourceType
    public var options: [ResourceOption]
    /// The add-on plan as the user wrote it (`heroku-postgresql:mini`), for messages and the runbook.
    public var herokuPlan: String?
    public var location: SourceLocation?
    /// True for an AWS-managed resource (RDS, ElastiCache). Generation 2 resources always are; on generation 3
    /// the type says it (`rds-postgres`), and a plain type is a container in the cluster.
    public var isManaged = false

    public init(
        name: String, type: ResourceType, options: [ResourceOption] = [], herokuPlan: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.type = type
        self.options = options
        self.herokuPlan = herokuPlan
        self.location = location
    }

    /// The convox.yml `type`: generation 3 names its AWS-managed types `rds-<engine>` and `elasticache-<engine>`
    /// (convox/convox provider/k8s/template/resource/), generation 2 has only the plain names.
    public func manifestType(for generation: ConversionOptions.Generation) -> String {
        guard generation == .three, isManaged else { return type.rawValue }
        switch type {
        // RDS Postgres runs PostGIS as an extension; there is no rds-postgis type.
        case .postgres, .postgis: return "rds-postgres"
        case .mysql, .mariadb: return "rds-\(type.rawValue)"
        case .redis, .memcached: return "elasticache-\(type.rawValue)"
        }
    }

    /// The value of option `key`, if set.
    public func option(_ key: String) -> String? { options.first { $0.key == key }?.value }
}

/// When a timer runs, kept structured so each generation renders its own cron dialect.
public enum TimerSchedule: Sendable, Equatable, Codable {
    /// Every N minutes (Heroku: 10).
    case everyMinutes(Int)
    /// Every hour at minute M.
    case hourly(minute: Int)
    /// Every day at HH:MM UTC.
    case daily(hour: Int, minute: Int)
    /// A cron expression given as is (5 fields).
    case cron(String)
}

/// What Convox does when a timer fires while its previous run is still going (Kubernetes `concurrencyPolicy`).
public enum TimerConcurrency: String, Sendable, Equatable, Codable {
    /// Convox's default: runs may overlap.
    case allow = "Allow"
    /// Skip the new run.
    case forbid = "Forbid"
    /// Stop the old run and start the new one (closest to Heroku killing a job after about its interval).
    case replace = "Replace"
}

/// A Convox timer (from a Heroku Scheduler job).
public struct Timer: Sendable, Equatable, Codable {
    public var name: String
    public var schedule: TimerSchedule
    public var command: Command
    public var service: String
    /// Heroku dyno size of the job, as written.
    public var dynoSize: String?
    public var location: SourceLocation?
    /// `concurrency:`; nil leaves Convox's default (generation 2 has no such key).
    public var concurrency: TimerConcurrency?

    public init(
        name: String, schedule: TimerSchedule, command: Command, service: String, dynoSize: String? = nil,
        location: SourceLocation? = nil, concurrency: TimerConcurrency? = nil
    ) {
        self.name = name
        self.schedule = schedule
        self.command = command
        self.service = service
        self.dynoSize = dynoSize
        self.location = location
        self.concurrency = concurrency
    }
}

/// One `environment:` entry. Rendered as `KEY` (required), `KEY=default`, or `KEY=` (optional, empty).
public struct EnvironmentDeclaration: Sendable, Equatable, Codable {
    public var key: String
    /// Default written into convox.yml. Never set for a secret.
    public var defaultValue: String?
    public var isRequired: Bool
    public var isSecret: Bool
    public var description: String?
    public var origin: SourceLocation?

    public init(
        key: String, defaultValue: String? = nil, isRequired: Bool = false, isSecret: Bool = false,
        description: String? = nil, origin: SourceLocation? = nil
    ) {
        self.key = key
        self.defaultValue = defaultValue
        self.isRequired = isRequired
        self.isSecret = isSecret
        self.description = description
        self.origin = origin
    }

    /// The convox.yml form of this declaration.
    public var manifestEntry: String {
        if let defaultValue, !isSecret { return "\(key)=\(defaultValue)" }
        return isRequired || isSecret ? key : "\(key)="
    }
}

/// A real value for the env file (`convox env set` input). Kept apart from declarations so no backend but the
/// env file can reach a secret by accident.
public struct EnvironmentValue: Sendable, Equatable, Codable {
    public var key: String
    public var value: String
    public var isSecret: Bool
    public var origin: SourceLocation?

    public init(key: String, value: String, isSecret: Bool, origin: SourceLocation? = nil) {
        self.key = key
        self.value = value
        self.isSecret = isSecret
        self.origin = origin
    }
}

/// Work that ran around a Heroku release and now needs a step of its own (runbook, release service).
public struct ReleaseTask: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable {
        /// Procfile `release`: before every release.
        case releasePhase = "release-phase"
        /// app.json `scripts.postdeploy`: once, after the first deploy.
        case postdeploy
    }

    public var kind: Kind
    public var command: Command
    /// The service whose image and environment the task runs with (`convox run <service> ...`).
    public var service: String
    public var location: SourceLocation?

    public init(kind: Kind, command: Command, service: String, location: SourceLocation? = nil) {
        self.kind = kind
        self.command = command
        self.service = service
        self.location = location
    }
}
