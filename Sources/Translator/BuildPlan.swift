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
    /// App environment variables the build steps read, declared as `ARG` (Convox passes each declared ARG from
    /// the app's environment to the build). Never a secret.
    public var buildArguments: [BuildArgument] = []
    /// Folders (relative to /app) the app writes at run time; the build steps ran as root, so they are given
    /// to the app user afterwards (`tmp`, `log`, `.next/cache`, `storage`).
    public var writableDirectories: [String] = []
    /// PHP extensions and php.ini settings the PHP buildpack gave the app; nil for other languages.
    public var php: PHPSetup?

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

/// One `ARG` the Dockerfile declares so Convox passes the app's value of it to the build.
public struct BuildArgument: Sendable, Equatable, Codable {
    public var key: String
    /// Used when the app's environment has no value: app.json's value (Convox passes only the app's environment,
    /// not convox.yml defaults, to the build), or the buildpack's for a variable the `ENV` block also sets.
    public var defaultValue: String?
    /// The Dockerfile's `ENV` sets this variable too: `ARG KEY=<default>` comes before it and the `ENV` takes
    /// `${KEY}`, so the app's value wins over the buildpack's during the build.
    public var overridesEnvironment: Bool

    public init(key: String, defaultValue: String? = nil, overridesEnvironment: Bool = false) {
        self.key = key
        self.defaultValue = defaultValue
        self.overridesEnvironment = overridesEnvironment
    }
}

/// What the PHP image needs beyond the official image: extensions and Heroku's production php.ini.
public struct PHPSetup: Sendable, Equatable, Codable {
    /// Debian packages the extensions build against (`libicu-dev`, `libpq-dev`).
    public var libraries: [String]
    /// Extensions PHP's source ships, built with `docker-php-ext-install`.
    public var bundledExtensions: [String]
    /// Extensions from PECL, built with `pecl install` and enabled with `docker-php-ext-enable`.
    public var peclExtensions: [String]
    /// `docker-php-ext-configure` lines needed first (`gd --with-freetype --with-jpeg --with-webp`).
    public var configureCommands: [String]
    /// Lines of the php.ini overrides Heroku's PHP build adds to php.ini-production.
    public var iniSettings: [String]

    public init(
        libraries: [String] = [], bundledExtensions: [String] = [], peclExtensions: [String] = [],
        configureCommands: [String] = [], iniSettings: [String] = []
    ) {
        self.libraries = libraries
        self.bundledExtensions = bundledExtensions
        self.peclExtensions = peclExtensions
        self.configureCommands = configureCommands
        self.iniSettings = iniSettings
    }
}
