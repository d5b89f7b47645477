import Foundation
import Translator

extension DiagnosticID {
    static let runtimeConflictingVersions: DiagnosticID = "runtime.conflicting-versions"
    static let runtimeConflictingLockfiles: DiagnosticID = "runtime.conflicting-lockfiles"
    static let runtimeMissingLockfile: DiagnosticID = "runtime.missing-lockfile"
    static let runtimeCommunityBuildpack: DiagnosticID = "runtime.community-buildpack"
    static let runtimeBuildpackNotDetected: DiagnosticID = "runtime.buildpack-not-detected"
    static let runtimeOtherLanguages: DiagnosticID = "runtime.other-languages"
    static let runtimeInvalidFile: DiagnosticID = "runtime.invalid-file"
    static let runtimeAptfileLine: DiagnosticID = "runtime.aptfile-unsupported-line"
    static let runtimeStack: DiagnosticID = "runtime.stack"
    static let runtimeImage: DiagnosticID = "runtime.image-ignored"
}

/// Detects the language, runtime version and package manager the way Heroku's official buildpacks do
/// (research: heroku.md section 7): app.json `buildpacks` or `.buildpacks` when they name official buildpacks,
/// else the first language in Heroku's detection order. Also reads the Aptfile. heroku.yml has its own frontend.
public struct RuntimeDetectionFrontend: Frontend {
    public static let name = "runtime"

    /// Top-level files the buildpacks look at, in a fixed order (the order they are read and named in headers).
    static let candidateFiles = [
        "app.json", "heroku-snapshot.json", ".buildpacks", "heroku.yml", "Aptfile", ".tool-versions", "Dockerfile",
        ".dockerignore", "Gemfile", "Gemfile.lock", ".ruby-version", "config.ru", "config/application.rb",
        "package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", ".yarnrc.yml",
        ".npmrc", ".nvmrc", ".node-version",
        "project.clj",
        "runtime.txt", ".python-version", "requirements.txt", "Pipfile", "Pipfile.lock", "poetry.lock", "uv.lock",
        "pdm.lock", "pyproject.toml", "setup.py", "setup.cfg", "manage.py", "app.py", "main.py", "server.py",
        "__init__.py",
        "pom.xml", "pom.atom", "pom.clj", "pom.groovy", "pom.rb", "pom.scala", "pom.yaml", "pom.yml", "mvnw",
        ".mvn/wrapper/maven-wrapper.properties", "system.properties",
        "gradlew", "gradle/wrapper/gradle-wrapper.properties", "build.gradle", "build.gradle.kts", "settings.gradle",
        "settings.gradle.kts", "gradle.properties",
        ".sbtrc", "project/build.properties", "project/plugins.sbt",
        "composer.json", "composer.lock", "index.php",
        "go.mod", "go.sum", "Gopkg.lock", "glide.yaml", "Godeps/Godeps.json", "vendor/vendor.json",
    ]

    /// Files only checked for presence: they never change a version, so they are not named as sources.
    static let presenceOnlyFiles: Set<String> = [
        "Dockerfile", ".dockerignore",
        "config.ru", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", ".yarnrc.yml", ".npmrc",
        ".mvn/wrapper/maven-wrapper.properties", "gradle/wrapper/gradle-wrapper.properties", "gradle.properties",
        "project/plugins.sbt",
        "poetry.lock", "uv.lock", "pdm.lock", "setup.py", "setup.cfg", "manage.py", "app.py", "main.py",
        "server.py", "__init__.py", "mvnw", "gradlew", "index.php", "go.sum", "Gopkg.lock",
        "glide.yaml", "Godeps/Godeps.json", "vendor/vendor.json", "requirements.txt", "pom.xml", "pom.atom",
        "pom.clj", "pom.groovy", "pom.rb", "pom.scala", "pom.yaml", "pom.yml", "settings.gradle",
        "settings.gradle.kts", ".sbtrc",
    ]

    public init() {}

    /// sbt reads every top-level `*.sbt` (build.sbt is only the usual name).
    static let sbtSuffix = ".sbt"

    /// The Python buildpack runs collectstatic with the shallowest manage.py up to three levels deep
    /// (heroku-buildpack-python bin/steps/collectstatic: `find . -maxdepth 3 -name manage.py`).
    static let managePySearch = (name: "manage.py", maximumDepth: 3)

    public var readableFiles: [AppFilePattern] {
        Self.candidateFiles.map { .path($0) } + [
            .topLevelSuffix(Self.sbtSuffix),
            .named(Self.managePySearch.name, maximumDepth: Self.managePySearch.maximumDepth),
        ]
    }

    public func requests(listing: [String], options: ConversionOptions) -> [InputRequest] {
        var names = Self.candidateFiles.filter { name in
            listing.contains(String(name.split(separator: "/").first ?? ""))
        }
        names += listing.filter { $0.hasSuffix(Self.sbtSuffix) }
        var requests = names.map { InputRequest.appFile($0) }
        let pythonMarkers = ["requirements.txt", "Pipfile", "Pipfile.lock", "pyproject.toml", "poetry.lock", "uv.lock",
            "runtime.txt", ".python-version", "setup.py"]
        if !listing.contains(Self.managePySearch.name), pythonMarkers.contains(where: listing.contains) {
            requests.append(
                .appFileSearch(name: Self.managePySearch.name, maximumDepth: Self.managePySearch.maximumDepth))
        }
        return requests
    }

    public func read(_ inputs: [InputFile], options: ConversionOptions, into diagnostics: inout Diagnostics)
        -> HerokuApp
    {
        let files = RuntimeFiles(inputs: inputs)
        var detection = RuntimeDetection()
        // With a Dockerfile of the app's own, findings about buildpacks and their files would only be noise.
        var runtimeDiagnostics = Diagnostics()
        // Parsed once for both readers below: a 1 MB app.json took as long to parse as the rest of the run.
        let appJSON = files.jsonObject("app.json", into: &runtimeDiagnostics)
        let snapshot = files.jsonObject(HerokuSnapshot.fileName, into: &runtimeDiagnostics)
        detection.buildpacks = files.buildpacks(appJSON: appJSON, snapshot: snapshot, into: &runtimeDiagnostics)
        detection.aptPackages = files.aptPackages(into: &runtimeDiagnostics)
        files.reportStackAndImage(appJSON: appJSON, into: &runtimeDiagnostics)

        let declared = detection.buildpacks.compactMap(\.language)
        let detected = Language.allCases.filter { files.detects($0) }
        var languages: [(Language, Bool)] = declared.map { ($0, true) }
        if declared.isEmpty, let first = detected.first {
            languages = [(first, false)]
            var others = detected.dropFirst()
            // The Ruby buildpack installs Node.js and Yarn itself when there is a package.json (webpacker, execjs).
            if first == .ruby, others.first == .nodejs {
                languages.insert((.nodejs, false), at: 0)
                others = others.dropFirst()
            }
            if !others.isEmpty {
                runtimeDiagnostics.warning(
                    .runtimeOtherLanguages,
                    "Heroku's detection picks \(first.displayName) first, so the files for "
                        + others.map(\.displayName).joined(separator: ", ") + " are not built",
                    at: files.detectionLocation(first),
                    hint: "if the app needs several languages, list their buildpacks in app.json `buildpacks` "
                        + "(for example heroku/nodejs before heroku/ruby)")
            }
        }
        for (language, isDeclared) in languages where isDeclared && !files.detects(language) {
            let location = detection.buildpacks.first { $0.language == language }?.location
            runtimeDiagnostics.warning(
                .runtimeBuildpackNotDetected,
                "buildpack \(language.buildpackName) is declared, but none of the files its detection looks for "
                    + "is here (\(files.detectionHint(language))); Heroku would refuse to build",
                at: location, hint: "add the missing file, or remove the buildpack from the list")
        }
        // A Dockerfile or .dockerignore that carries our generated-file header is our own earlier output, not the
        // app's: it is regenerated (and protected against hand edits by the writer), never taken as the app's own.
        detection.hasOwnDockerfile = files.isOwnedByApp("Dockerfile")
        detection.hasOwnDockerignore = files.isOwnedByApp(".dockerignore")
        let buildsWithHerokuYML = files.file("heroku.yml").map(HerokuYMLFrontend.hasDockerBuild) ?? false
        let usesOwnDockerfile = buildsWithHerokuYML || detection.hasOwnDockerfile
        detection.languages = languages.map { language, isDeclared in
            var runtime = files.runtime(for: language, into: &runtimeDiagnostics)
            runtime.isDeclared = isDeclared
            if isDeclared, !files.detects(language),
                let location = detection.buildpacks.first(where: { $0.language == language })?.location
            {
                runtime.detectedBy = location
            }
            return runtime
        }
        if !usesOwnDockerfile { diagnostics.append(contentsOf: runtimeDiagnostics) }
        var app = HerokuApp(sourceFiles: files.sourceFiles)
        app.runtime = detection
        return app
    }
}

/// The files the runtime frontend asked for, looked up by their name in the app directory.
struct RuntimeFiles {
    /// What the CLI read, in request order.
    var inputs: [InputFile]

    init(inputs: [InputFile]) { self.inputs = inputs }

    /// The input whose path is `name` in the app directory (`path/to/app/Gemfile` for `Gemfile`).
    func file(_ name: String) -> InputFile? {
        inputs.first { input in
            (input.appRelativePath == nil || input.appRelativePath == name)
                && (input.path == name || input.path.hasSuffix("/" + name))
        }
    }

    /// Files found by searching the app's folders for `name` (`InputRequest.appFileSearch`), shallowest first.
    func searched(_ name: String) -> [InputFile] {
        inputs.filter { input in
            guard let relative = input.appRelativePath else { return false }
            return relative == name || relative.hasSuffix("/" + name)
        }
    }

    /// True when the app has `name` (the CLI skips missing files, so presence is being in the inputs).
    func has(_ name: String) -> Bool { file(name) != nil }

    /// True when the app has `name` and translate did not generate it.
    func isOwnedByApp(_ name: String) -> Bool {
        guard let file = file(name) else { return false }
        return GeneratedHeader.status(of: String(decoding: file.contents, as: UTF8.self)) == .notGenerated
    }

    /// Every `*.sbt` file, which makes Heroku detect Scala.
    var sbtFiles: [InputFile] { inputs.filter { $0.path.hasSuffix(".sbt") } }

    /// Inputs whose contents matter, named in generated-file headers (presence-only files are left out).
    var sourceFiles: [String] {
        inputs.filter { input in
            !RuntimeDetectionFrontend.presenceOnlyFiles.contains { input.path == $0 || input.path.hasSuffix("/" + $0) }
        }.map(\.path)
    }

    /// The file's text, or nil when it is missing or unreadable (the error is reported once).
    func text(_ name: String, into diagnostics: inout Diagnostics) -> SourceText? {
        guard let file = file(name) else { return nil }
        return SourceText.decode(file, into: &diagnostics)
    }

    /// A JSON object file read with `JSONReader`, or nil when it is missing or unusable. A file that does not parse
    /// is a located warning, not an error: Heroku's build would fail on it too, but the rest can still be written.
    /// app.json is also read by the app.json frontend, which reports its findings, so here it is read quietly.
    func jsonObject(_ name: String, into diagnostics: inout Diagnostics) -> JSONNode? {
        var findings = Diagnostics()
        // app.json and the snapshot have their own frontends, which report their findings.
        defer { if name != "app.json" && name != HerokuSnapshot.fileName { diagnostics.append(contentsOf: findings) } }
        guard let source = text(name, into: &findings) else { return nil }
        var readerFindings = Diagnostics()
        let root = JSONReader.parse(source, into: &readerFindings)
        for finding in readerFindings.all {
            guard finding.severity == .error else {
                findings.append(finding)
                continue
            }
            findings.warning(
                .runtimeInvalidFile, "\(finding.message), so translate cannot read \(name) for the build",
                at: finding.location, hint: "fix the JSON; Heroku's build would fail on it too")
        }
        guard let root else { return nil }
        guard root.members != nil else {
            findings.warning(
                .runtimeInvalidFile,
                "\(name) is \(root.kindDescription), not a JSON object, so translate cannot read it for the build",
                at: root.location, hint: "fix the JSON; Heroku's build would fail on it too")
            return nil
        }
        return root
    }

    // MARK: Detection (heroku.md fact 21)

    /// Whether the language buildpack's `bin/detect` would pass.
    func detects(_ language: Language) -> Bool {
        switch language {
        case .ruby: return has("Gemfile")
        case .nodejs: return has("package.json")
        case .clojure: return has("project.clj")
        case .python:
            return [
                ".python-version", "__init__.py", "app.py", "main.py", "manage.py", "pdm.lock", "Pipfile",
                "Pipfile.lock", "poetry.lock", "pyproject.toml", "requirements.txt", "runtime.txt", "server.py",
                "setup.cfg", "setup.py", "uv.lock",
            ].contains { has($0) }
        case .java: return ["pom.xml", "pom.atom", "pom.clj", "pom.groovy", "pom.rb", "pom.scala", "pom.yaml",
            "pom.yml"].contains { has($0) }
        case .gradle:
            return ["gradlew", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"]
                .contains { has($0) }
        case .scala: return !sbtFiles.isEmpty || has(".sbtrc") || has("project/build.properties")
        case .php: return has("composer.json") || has("index.php")
        case .go:
            return ["go.mod", "Gopkg.lock", "glide.yaml", "Godeps/Godeps.json", "vendor/vendor.json"]
                .contains { has($0) }
        }
    }

    /// What the detection of `language` looks for, for messages.
    func detectionHint(_ language: Language) -> String {
        switch language {
        case .ruby: return "Gemfile"
        case .nodejs: return "package.json"
        case .clojure: return "project.clj"
        case .python: return "requirements.txt, Pipfile, poetry.lock, uv.lock, pyproject.toml, ..."
        case .java: return "pom.xml"
        case .gradle: return "gradlew, build.gradle"
        case .scala: return "*.sbt, project/build.properties"
        case .php: return "composer.json, index.php"
        case .go: return "go.mod"
        }
    }

    /// The file that made detection pass, for messages about the language.
    func detectionLocation(_ language: Language) -> SourceLocation {
        let names: [String]
        switch language {
        case .ruby: names = ["Gemfile"]
        case .nodejs: names = ["package.json"]
        case .clojure: names = ["project.clj"]
        case .python: names = ["requirements.txt", "Pipfile", "Pipfile.lock", "poetry.lock", "uv.lock",
            "pyproject.toml", "runtime.txt", ".python-version", "setup.py", "manage.py", "app.py", "main.py"]
        case .java: names = ["pom.xml", "pom.yml", "pom.yaml"]
        case .gradle: names = ["build.gradle", "build.gradle.kts", "gradlew", "settings.gradle", "settings.gradle.kts"]
        case .scala: names = ["build.sbt", "project/build.properties", ".sbtrc"]
        case .php: names = ["composer.json", "index.php"]
        case .go: names = ["go.mod", "Gopkg.lock", "glide.yaml"]
        }
        if let path = names.lazy.compactMap({ file($0)?.path }).first ?? sbtFiles.first?.path {
            return SourceLocation(file: path)
        }
        return SourceLocation(file: names.first ?? "")
    }

    // MARK: Buildpacks, stack, image, Aptfile

    /// The app's buildpack installations from heroku-snapshot.json (`translate import`), else app.json
    /// `buildpacks` (which Heroku applies only when it creates the app), else `.buildpacks`; each resolved to an
    /// official language or a known helper; anything else is a community buildpack and gets a warning naming it.
    func buildpacks(appJSON: JSONNode?, snapshot: JSONNode? = nil, into diagnostics: inout Diagnostics)
        -> [BuildpackReference]
    {
        var references: [BuildpackReference] = []
        for entry in snapshot?.member("buildpacks")?.value.elements ?? [] {
            if let name = entry.stringValue { references.append(BuildpackNames.reference(name, at: entry.location)) }
        }
        for entry in references.isEmpty ? appJSON?.member("buildpacks")?.value.elements ?? [] : [] {
            guard let url = entry.member("url")?.value, let name = url.stringValue else { continue }
            references.append(BuildpackNames.reference(name, at: url.location))
        }
        if references.isEmpty, let source = text(".buildpacks", into: &diagnostics) {
            for line in source.lines {
                let trimmed = line.text.trimmingWhitespace()
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                references.append(BuildpackNames.reference(
                    trimmed, at: SourceLocation(file: source.path, line: line.number, column: 1)))
            }
        }
        for reference in references where reference.language == nil && reference.knownHelper == nil {
            diagnostics.warning(
                .runtimeCommunityBuildpack,
                "buildpack \"\(reference.name)\" is not one of Heroku's official language buildpacks, so the "
                    + "generated Dockerfile does not do what it did",
                at: reference.location,
                hint: "add its build steps to the Dockerfile by hand (look at the buildpack's bin/compile)")
        }
        return references
    }

    /// `stack` and `image` in app.json: read so they are not dropped silently.
    func reportStackAndImage(appJSON: JSONNode?, into diagnostics: inout Diagnostics) {
        guard let appJSON else { return }
        if let stack = appJSON.member("stack"), let name = stack.value.stringValue, name != "container" {
            diagnostics.note(
                .runtimeStack,
                "stack \"\(name)\" is Heroku's Ubuntu base; the Dockerfile uses the language's official "
                    + "Debian-based image instead",
                at: stack.keyLocation, hint: "add any system packages the app needs to an Aptfile")
        }
        if let image = appJSON.member("image"), let name = image.value.stringValue {
            diagnostics.note(
                .runtimeImage, "image \"\(name)\" is deprecated and Heroku's builds ignore it, so translate does too",
                at: image.keyLocation)
        }
    }

    /// Aptfile lines: package names; `.deb` URLs and options are reported, since apt-get cannot take them as is.
    func aptPackages(into diagnostics: inout Diagnostics) -> [String] {
        guard let source = text("Aptfile", into: &diagnostics) else { return [] }
        var packages: [String] = []
        for line in source.lines {
            let trimmed = line.text.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let isName = trimmed.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.:".contains($0)) }
            guard isName, !trimmed.hasPrefix("-"), !trimmed.contains("://") else {
                diagnostics.warning(
                    .runtimeAptfileLine,
                    "Aptfile line \"\(trimmed)\" is not a plain package name, so it is not installed",
                    at: SourceLocation(file: source.path, line: line.number, column: 1),
                    hint: "install it with your own RUN line in the Dockerfile")
                continue
            }
            if !packages.contains(trimmed) { packages.append(trimmed) }
        }
        return packages
    }
}

/// Recognises the spellings of Heroku's official buildpacks: `heroku/ruby`, `urn:buildpack:heroku/ruby`,
/// `https://github.com/heroku/heroku-buildpack-ruby(.git)(#ref)`, and the registry's `.tgz` URLs.
enum BuildpackNames {
    /// `name` as written, with the official language or known helper it names.
    static func reference(_ name: String, at location: SourceLocation) -> BuildpackReference {
        var key = name.lowercased().trimmingWhitespace()
        if let hash = key.firstIndex(of: "#") { key = String(key[..<hash]) }
        for suffix in [".git", ".tgz", "/"] where key.hasSuffix(suffix) { key.removeLast(suffix.count) }
        for prefix in ["urn:buildpack:", "https://", "http://", "git://", "www."] where key.hasPrefix(prefix) {
            key.removeFirst(prefix.count)
        }
        let shortName: String?
        if key.hasPrefix("heroku/") {
            shortName = String(key.dropFirst("heroku/".count))
        } else if key.hasPrefix("github.com/heroku/heroku-buildpack-") {
            shortName = String(key.dropFirst("github.com/heroku/heroku-buildpack-".count))
        } else if key.hasPrefix("buildpack-registry.s3.amazonaws.com/buildpacks/heroku/") {
            shortName = String(key.dropFirst("buildpack-registry.s3.amazonaws.com/buildpacks/heroku/".count))
        } else if key == "heroku-community/apt" || key.hasSuffix("/heroku-buildpack-apt") {
            return BuildpackReference(name: name, knownHelper: "apt", location: location)
        } else {
            shortName = nil
        }
        if shortName == "apt" { return BuildpackReference(name: name, knownHelper: "apt", location: location) }
        let language = shortName.flatMap { Language(rawValue: $0) }
        return BuildpackReference(name: name, language: language, location: location)
    }
}
