/// The languages Heroku's official buildpacks build, in Heroku's auto-detection order (first match wins).
public enum Language: String, Sendable, Equatable, Codable, CaseIterable {
    case ruby
    case nodejs
    case clojure
    case python
    /// The `heroku/java` buildpack: Maven projects.
    case java
    case gradle
    case scala
    case php
    case go

    /// The name users know from Heroku's docs, for messages and the README.
    public var displayName: String {
        switch self {
        case .ruby: return "Ruby"
        case .nodejs: return "Node.js"
        case .clojure: return "Clojure"
        case .python: return "Python"
        case .java: return "Java (Maven)"
        case .gradle: return "Gradle"
        case .scala: return "Scala"
        case .php: return "PHP"
        case .go: return "Go"
        }
    }

    /// The official buildpack's shorthand (`heroku/ruby`), as app.json and `.buildpacks` name it.
    public var buildpackName: String { "heroku/\(rawValue)" }

    /// True for the buildpacks that run on a JVM and read `system.properties`.
    public var isJVM: Bool { [.clojure, .java, .gradle, .scala].contains(self) }
}

/// How dependencies are installed, chosen from lockfiles the way each buildpack chooses.
public enum PackageManager: String, Sendable, Equatable, Codable {
    case bundler
    case npm
    /// Yarn 1 (`yarn.lock` without `.yarnrc.yml` or a `packageManager` of yarn 2+).
    case yarn
    /// Yarn 2+ ("berry").
    case yarnBerry = "yarn-berry"
    case pnpm
    case pip
    case pipenv
    case poetry
    case uv
    case composer
    case maven
    case gradle
    case sbt
    case leiningen
    case goModules = "go-modules"
    /// Nothing to install from (no lockfile or manifest the buildpack reads).
    case none
}

/// One language the image needs, with the version and package manager its buildpack would use.
public struct LanguageRuntime: Sendable, Equatable, Codable {
    public var language: Language
    /// The version as resolved (`3.12`, `20`, `3.3.9`, `17`); nil means "the buildpack's default".
    public var version: String?
    /// Where the version was read (nil when it is the default).
    public var versionLocation: SourceLocation?
    public var packageManager: PackageManager
    /// The package manager's own version when a file pins it (`packageManager: pnpm@9.1.0`, sbt.version).
    public var packageManagerVersion: String?
    /// Dependency manifests and lockfiles present (files, or wrapper directories such as `gradle/wrapper`), copied
    /// before the source so Docker caches the install.
    public var manifests: [String]
    /// True when app.json or `.buildpacks` named this buildpack, false when it was detected.
    public var isDeclared: Bool
    /// The file that made the buildpack's detection pass (for messages).
    public var detectedBy: SourceLocation
    /// What the buildpack looks at to decide build steps and default commands.
    public var traits: RuntimeTraits
    /// The Debian release the image tag names explicitly (`bullseye`), set when the version's default tag is
    /// based on an archived release; nil for the tag's own default.
    public var debianRelease: String?

    public init(
        language: Language, version: String? = nil, versionLocation: SourceLocation? = nil,
        packageManager: PackageManager = .none, packageManagerVersion: String? = nil, manifests: [String] = [],
        isDeclared: Bool = false, detectedBy: SourceLocation, traits: RuntimeTraits = RuntimeTraits()
    ) {
        self.language = language
        self.version = version
        self.versionLocation = versionLocation
        self.packageManager = packageManager
        self.packageManagerVersion = packageManagerVersion
        self.manifests = manifests
        self.isDeclared = isDeclared
        self.detectedBy = detectedBy
        self.traits = traits
    }
}

/// Facts about the app that change what a buildpack runs: build scripts, framework, wrapper scripts.
public struct RuntimeTraits: Sendable, Equatable, Codable {
    /// `scripts` names of package.json (Node.js) or composer.json (PHP), sorted.
    public var scripts: [String]
    /// Ruby: the Gemfile or Gemfile.lock names rails (assets:precompile, the rails default command).
    public var isRails: Bool
    /// Ruby: a `config.ru` exists (the rack default command).
    public var hasRackup: Bool
    /// Python: `manage.py` exists at the top of the app (a detection file of the Python buildpack).
    public var hasManagePy: Bool
    /// Maven `mvnw` / Gradle `gradlew` exists and is used instead of an installed tool.
    public var hasWrapper: Bool
    /// Gradle: the build file mentions a `stage` task, which Heroku runs instead of `build`.
    public var hasStageTask: Bool
    /// Clojure: `:uberjar-name` in project.clj, so Heroku builds an uberjar.
    public var uberjarName: String?
    /// Go: packages from `// +heroku install` in go.mod (default `.`).
    public var goInstallPackages: [String]
    /// The install reads files beyond the manifests (`-r other.txt`, `-e .`, Maven modules), so the whole source
    /// is copied first and the install layer is not cached apart from the code.
    public var installNeedsSource: Bool
    /// Ruby: the rails (or railties) version in Gemfile.lock, which decides SECRET_KEY_BASE handling.
    public var railsVersion: String?
    /// Ruby: Gemfile.lock has a gem that defines `assets:precompile` (sprockets, propshaft, jsbundling, ...).
    public var hasAssetPipeline = false
    /// Ruby: config/application.rb sets `config.api_only = true`.
    public var isRailsAPIOnly = false
    /// Python: Django is among the app's dependencies (the buildpack runs collectstatic only then).
    public var usesDjango = false
    /// Python: the shallowest manage.py within three levels, relative to the app (the buildpack's search).
    public var managePyPath: String?
    /// Node.js: Next.js is a dependency (it writes `.next/cache` at run time).
    public var usesNextJS = false
    /// PHP: Laravel is required (it writes `storage/` and `bootstrap/cache` at run time).
    public var usesLaravel = false
    /// PHP: the `ext-*` requirements of composer.json and composer.lock's packages, in first-seen order.
    public var phpExtensions: [PHPExtensionRequirement] = []

    public init(
        scripts: [String] = [], isRails: Bool = false, hasRackup: Bool = false, hasManagePy: Bool = false,
        hasWrapper: Bool = false, hasStageTask: Bool = false, uberjarName: String? = nil,
        goInstallPackages: [String] = [], installNeedsSource: Bool = false
    ) {
        self.installNeedsSource = installNeedsSource
        self.scripts = scripts
        self.isRails = isRails
        self.hasRackup = hasRackup
        self.hasManagePy = hasManagePy
        self.hasWrapper = hasWrapper
        self.hasStageTask = hasStageTask
        self.uberjarName = uberjarName
        self.goInstallPackages = goInstallPackages
    }
}

/// One `ext-<name>` a composer.json (or a package in composer.lock) requires, and where it was required first.
public struct PHPExtensionRequirement: Sendable, Equatable, Codable {
    /// The extension's name without `ext-`, lower-cased (`pdo_pgsql`, `intl`).
    public var name: String
    public var location: SourceLocation
    /// The composer.lock package that requires it, when it is not the app's own composer.json.
    public var requiredBy: String?

    public init(name: String, location: SourceLocation, requiredBy: String? = nil) {
        self.name = name
        self.location = location
        self.requiredBy = requiredBy
    }
}

/// One buildpack named in app.json `buildpacks` or `.buildpacks`, as written and as we understood it.
public struct BuildpackReference: Sendable, Equatable, Codable {
    /// The URL or shorthand exactly as the user wrote it.
    public var name: String
    /// The official language buildpack it names, if any.
    public var language: Language?
    /// A community buildpack translate knows how to replace (`apt`: the Aptfile), if any.
    public var knownHelper: String?
    public var location: SourceLocation

    public init(name: String, language: Language? = nil, knownHelper: String? = nil, location: SourceLocation) {
        self.name = name
        self.language = language
        self.knownHelper = knownHelper
        self.location = location
    }
}
