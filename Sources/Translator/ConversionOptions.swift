/// The choices that change what translate generates. Parsed by the CLI, read by every stage.
public struct ConversionOptions: Sendable, Equatable {
    /// Convox generation: 3 (Kubernetes racks, the default) or 2 (ECS racks).
    public enum Generation: Int, Sendable, Equatable, Codable {
        case two = 2
        case three = 3
    }

    /// Where Heroku's release phase goes.
    public enum ReleasePhaseMode: String, Sendable, Equatable {
        /// A scale-0 `release` service run with `convox run` before promoting each release.
        case service
        /// The web service's `initContainer` (runs before every pod starts).
        case initContainer = "init"
    }

    /// `--resources`: where databases and caches run, overriding the choice by Heroku plan.
    public enum ResourcePlacement: String, Sendable, Equatable {
        /// AWS-managed (RDS, ElastiCache) on generation 3.
        case managed
        /// Containers in the cluster with a pinned version.
        case container
    }

    public var generation: Generation
    public var releasePhase: ReleasePhaseMode
    /// `--config-vars FILE` as typed (`-` for stdin).
    public var configVarsPath: String?
    /// `--scheduler FILE` as typed.
    public var schedulerPath: String?
    /// `--heroku-app NAME`.
    public var herokuAppName: String?
    /// `--domains FILE` as typed.
    public var domainsPath: String?
    /// `--no-runbook`.
    public var writesRunbook: Bool
    /// `--env-file NAME`: the git-ignored file the real config var values go to (`.env` by default; another name
    /// when the app already keeps its own `.env` for local development).
    public var envFileName = ".env"
    /// `--resources managed|container`; nil chooses by each add-on's plan (production plans managed).
    public var resourcePlacement: ResourcePlacement?
    /// `--health-path PATH`: the web service's `health:`, in place of the one found in the app's routes.
    public var healthPath: String?
    /// `--out DIR` when DIR is inside the app, as a path relative to the app (`deploy/convox`). Convox uploads and
    /// builds the directory `convox deploy` runs in, reading `build.path` and `-m` relative to it (convox/convox
    /// pkg/build/build.go, pkg/cli/builds.go), so the app is deployed from its root with `-m DIR/convox.yml`:
    /// `build: .` stays the app's source, the Dockerfile is named as `DIR/Dockerfile`, and .dockerignore must
    /// sit at the app's root, the only one Convox reads (pkg/common/tar.go).
    public var outputDirectoryInApp: String?
    /// The `--config-vars` file relative to the app's root, when it lies inside the app: it holds every secret
    /// value, so .dockerignore keeps it out of the build context.
    public var configVarsPathInApp: String?
    /// The same file relative to the output directory, when it lies inside it: .gitignore keeps it out of commits.
    public var configVarsPathInOutputDirectory: String?
    /// The live app's config var names, as `.translate.yml` records them: from the config vars file when one was
    /// read, else from the recorded file. Committed outputs depend on these names, never on the values.
    public var configVarKeys: [String]?
    /// `postgres` or `mysql`: the scheme of the live DATABASE_URL, the one decision from a config var value that
    /// shapes a committed output (a PHP image's database driver). `convert` takes it from the config vars file and
    /// records it in `.translate.yml` (a scheme is no secret), so `check` makes the same choice without values.
    public var databaseURLScheme: String?

    public init(
        generation: Generation = .three, releasePhase: ReleasePhaseMode = .service, configVarsPath: String? = nil,
        schedulerPath: String? = nil, herokuAppName: String? = nil, domainsPath: String? = nil,
        writesRunbook: Bool = true
    ) {
        self.generation = generation
        self.releasePhase = releasePhase
        self.configVarsPath = configVarsPath
        self.schedulerPath = schedulerPath
        self.herokuAppName = herokuAppName
        self.domainsPath = domainsPath
        self.writesRunbook = writesRunbook
    }
}
