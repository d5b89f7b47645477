/// How the app's image is built: the Dockerfile backend renders it, convox.yml points at it.
public struct BuildPlan: Sendable, Equatable, Codable {
    /// A Dockerfile the user already has (relative path); we point convox.yml at it and write none.
    public var existingDockerfile: String?
    /// The language whose official image is the base; nil when no Dockerfile is generated.
    public var primary: LanguageRuntime?
    /// Runtimes copied into the primary image because a buildpack before it needs them (Node.js for assets).
    public var helpers: [LanguageRuntime]
    /// Commands the buildpacks run after copying the dependency manifests (`bundle install`, `npm ci`).
    public var installCommands: [String]
    /// Commands the buildpacks run after copying the source (`npm run build`, `rake assets:precompile`).
    public var buildCommands: [String]
    /// The buildpack's usual production environment (`RAILS_ENV=production`, `PYTHONUNBUFFERED=1`), in order.
    public var environment: [BuildVariable]
    /// Debian packages the buildpack's stack image has and the language's installs need (compilers, libpq).
    public var systemPackages: [String]
    /// Debian packages from the Aptfile.
    public var aptPackages: [String]
    /// The web service's port, for `EXPOSE`.
    public var webPort: Int?
    /// False when the app already has a `.dockerignore`, which we never replace.
    public var writesDockerignore: Bool
    /// Paths the language's tools create locally that must not reach the image (`node_modules`, `.venv`).
    public var ignoredPaths: [String]

    public init(
        existingDockerfile: String? = nil, primary: LanguageRuntime? = nil, helpers: [LanguageRuntime] = [],
        installCommands: [String] = [], buildCommands: [String] = [], environment: [BuildVariable] = [],
        systemPackages: [String] = [], aptPackages: [String] = [], webPort: Int? = nil,
        writesDockerignore: Bool = false, ignoredPaths: [String] = []
    ) {
        self.existingDockerfile = existingDockerfile
        self.primary = primary
        self.helpers = helpers
        self.installCommands = installCommands
        self.buildCommands = buildCommands
        self.environment = environment
        self.systemPackages = systemPackages
        self.aptPackages = aptPackages
        self.webPort = webPort
        self.writesDockerignore = writesDockerignore
        self.ignoredPaths = ignoredPaths
    }

    /// The manifests of every runtime, in copy order, without repeats.
    public var manifests: [String] {
        var seen: [String] = []
        for path in ([primary].compactMap { $0 } + helpers).flatMap(\.manifests) where !seen.contains(path) {
            seen.append(path)
        }
        return seen
    }
}

/// One build-time environment variable (`ENV KEY=value` in the Dockerfile). Never a secret.
public struct BuildVariable: Sendable, Equatable, Codable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}
