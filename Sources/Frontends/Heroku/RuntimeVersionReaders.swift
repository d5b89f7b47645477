import Foundation
import Translator

extension DiagnosticID {
    static let runtimeVersionFileIgnored: DiagnosticID = "runtime.version-file-ignored"
    static let runtimeUnusableVersion: DiagnosticID = "runtime.unusable-version"
    static let runtimeUnsatisfiableVersion: DiagnosticID = "runtime.unsatisfiable-version"
    static let runtimeInvalidVersionFile: DiagnosticID = "runtime.invalid-version-file"
}

/// A version found in one file, and whether the buildpack itself reads that file.
struct VersionCandidate {
    var value: String
    var label: String
    var location: SourceLocation
    /// False for files Heroku's buildpack ignores (`.nvmrc`, `.tool-versions`): named in warnings only.
    var isRead: Bool = true
}

/// Per-language readers: version files in each buildpack's order of precedence (heroku.md fact 22), package
/// managers from lockfiles (fact 23), and the traits that decide build steps.
extension RuntimeFiles {
    /// The language's version, package manager and traits as its buildpack would read them.
    func runtime(for language: Language, into diagnostics: inout Diagnostics) -> LanguageRuntime {
        var runtime = LanguageRuntime(language: language, detectedBy: detectionLocation(language))
        var candidates: [VersionCandidate]
        switch language {
        case .ruby: candidates = readRuby(&runtime, into: &diagnostics)
        case .nodejs: candidates = readNode(&runtime, into: &diagnostics)
        case .python: candidates = readPython(&runtime, into: &diagnostics)
        case .php: candidates = readPHP(&runtime, into: &diagnostics)
        case .go: candidates = readGo(&runtime, into: &diagnostics)
        case .clojure, .java, .gradle, .scala: candidates = readJVM(&runtime, into: &diagnostics)
        }
        choose(candidates, for: &runtime, into: &diagnostics)
        return runtime
    }

    /// The first candidate the buildpack reads wins; the others are named in one warning when they disagree.
    func choose(
        _ candidates: [VersionCandidate], for runtime: inout LanguageRuntime, into diagnostics: inout Diagnostics
    ) {
        let name = runtime.language.displayName
        // No runtime has a version part of 10,000 or more: such a number is a typo, and no image is tagged with it.
        let candidates = candidates.filter { candidate in
            let parts = candidate.value.split(separator: ".")
            guard parts.contains(where: { part in Int(part).map { $0 >= 10_000 } ?? true }) else { return true }
            diagnostics.warning(
                .runtimeUnusableVersion,
                "\(name) \(candidate.value) from \(candidate.label) is not a version any image has, so it is ignored",
                at: candidate.location, hint: Self.versionHint(runtime.language))
            return false
        }
        guard let winner = candidates.first(where: \.isRead) else {
            if let ignored = candidates.first {
                diagnostics.note(
                    .runtimeVersionFileIgnored,
                    "Heroku's \(name) buildpack does not read \(ignored.label) (\(ignored.value)), so the image uses "
                        + "the buildpack's default version",
                    at: ignored.location, hint: Self.versionHint(runtime.language))
            }
            return
        }
        runtime.version = winner.value
        runtime.versionLocation = winner.location
        let disagreeing = candidates.filter { $0.location != winner.location && !Self.agree($0.value, winner.value) }
        guard !disagreeing.isEmpty else { return }
        diagnostics.warning(
            .runtimeConflictingVersions,
            "\(name) \(winner.value) from \(winner.label) is used, as Heroku's buildpack would; "
                + disagreeing.map { "\($0.label) says \($0.value)" }.joined(separator: ", "),
            at: winner.location, hint: "make the version files agree, or delete the ones you no longer use")
    }

    /// A version value that is not a string, or names a number no release has (`"99999999999999999999.x"`), is
    /// a located warning; a word the resolver does not read as a range (`"lts/*"`) stays quiet (default version).
    func reportUnusableVersion(
        _ value: JSONNode, key: String, language: Language, into diagnostics: inout Diagnostics
    ) {
        let problem: String
        if let text = value.stringValue {
            let numbers = text.split { !$0.isASCII || !$0.isNumber }
            guard numbers.contains(where: { Int($0).map { $0 >= 10_000 } ?? true }) else { return }
            problem = "\(key) \"\(text)\" names no \(language.displayName) version any image has"
        } else {
            problem = "\(key) is \(value.kindDescription), not a version string"
        }
        diagnostics.warning(
            .runtimeUnusableVersion, problem + ", so it is ignored", at: value.location,
            hint: Self.versionHint(language))
    }

    /// A range no release satisfies: Heroku's build stops on it, so the conversion does too.
    func reportUnsatisfiable(
        _ range: String, key: String, language: Language, newest: String, at location: SourceLocation,
        into diagnostics: inout Diagnostics
    ) {
        diagnostics.error(
            .runtimeUnsatisfiableVersion,
            "\(key) \"\(range)\" allows no \(language.displayName) release (the newest is \(newest)); Heroku's "
                + "build would stop here too",
            at: location, hint: Self.versionHint(language))
    }

    /// Where the buildpack reads the version, for hints.
    static func versionHint(_ language: Language) -> String {
        switch language {
        case .ruby: return "add `ruby \"X.Y.Z\"` to the Gemfile and run `bundle lock`"
        case .nodejs: return "set \"engines\": {\"node\": \"20.x\"} in package.json"
        case .python: return "write the version (for example 3.12) in .python-version"
        case .php: return "require a PHP version in composer.json (\"require\": {\"php\": \"~8.3.0\"})"
        case .go: return "write a `go 1.X` line in go.mod"
        case .clojure, .java, .gradle, .scala: return "set java.runtime.version in system.properties"
        }
    }

    /// The keys of an object member (`scripts`, `require`), sorted; empty when it is missing or not an object.
    static func keys(of member: JSONMember?) -> [String] {
        (member?.value.members ?? []).map(\.key).sorted()
    }

    /// "3.3" and "3.3.4" agree; "3.3" and "3.2" do not.
    static func agree(_ left: String, _ right: String) -> Bool {
        let leftParts = left.split(separator: ".")
        let rightParts = right.split(separator: ".")
        return zip(leftParts, rightParts).allSatisfy { $0 == $1 }
    }

    /// Lines of a text file with their numbers, trimmed, without blanks and `#` comments.
    func meaningfulLines(_ name: String, into diagnostics: inout Diagnostics)
        -> [(text: String, location: SourceLocation)]
    {
        guard let source = text(name, into: &diagnostics) else { return [] }
        return source.lines.compactMap { line in
            let trimmed = line.text.trimmingWhitespace()
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            return (trimmed, SourceLocation(file: source.path, line: line.number, column: 1))
        }
    }

    /// A `.tool-versions` (asdf) entry: never read by Heroku, compared only.
    func toolVersion(_ tools: [String], into diagnostics: inout Diagnostics) -> VersionCandidate? {
        for line in meaningfulLines(".tool-versions", into: &diagnostics) {
            let words = line.text.split(separator: " ")
            if words.count >= 2, tools.contains(String(words[0])) {
                return VersionCandidate(
                    value: Self.plainVersion(String(words[1])), label: ".tool-versions", location: line.location,
                    isRead: false)
            }
        }
        return nil
    }

    /// Strips the prefixes version files use (`ruby-`, `python-`, `v`, `go`, `temurin-`) and wildcard parts.
    static func plainVersion(_ raw: String) -> String {
        var text = raw.trimmingWhitespace()
        for prefix in ["ruby-", "python-", "temurin-", "zulu-", "openjdk-", "go", "v"] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
        }
        let parts = text.split(separator: ".").prefix { part in part.allSatisfy(\.isNumber) && !part.isEmpty }
        return parts.joined(separator: ".")
    }

    // MARK: Ruby

    /// Gemfile.lock `RUBY VERSION` > Gemfile `ruby` > `.ruby-version`; Rails from the lockfile or Gemfile.
    func readRuby(_ runtime: inout LanguageRuntime, into diagnostics: inout Diagnostics) -> [VersionCandidate] {
        runtime.packageManager = .bundler
        runtime.manifests = ["Gemfile", "Gemfile.lock"].filter(has)
        var candidates: [VersionCandidate] = []
        if let lock = text("Gemfile.lock", into: &diagnostics) {
            let lines = lock.lines
            for (index, line) in lines.enumerated() {
                let trimmed = line.text.trimmingWhitespace()
                if line.text == "RUBY VERSION", index + 1 < lines.count {
                    let words = lines[index + 1].text.split(separator: " ")
                    if words.count >= 2, words[0] == "ruby" {
                        let version = Self.plainVersion(String(words[1].split(separator: "p").first ?? ""))
                        if !version.isEmpty {
                            candidates.append(VersionCandidate(
                                value: version, label: "Gemfile.lock RUBY VERSION",
                                location: SourceLocation(file: lock.path, line: line.number + 1, column: 4)))
                        }
                    }
                }
                if line.text == "BUNDLED WITH", index + 1 < lines.count {
                    runtime.packageManagerVersion = lines[index + 1].text.trimmingWhitespace()
                }
                if trimmed.hasPrefix("rails (") || trimmed.hasPrefix("railties (") { runtime.traits.isRails = true }
                // A spec line is four spaces, the gem, and its exact version in parentheses.
                if line.text.hasPrefix("    "), !line.text.hasPrefix("     "), let open = trimmed.firstIndex(of: "(") {
                    let gem = trimmed[..<open].trimmingWhitespace()
                    let version = trimmed[trimmed.index(after: open)...].prefix { $0 != ")" }
                    if gem == "rails" || (gem == "railties" && runtime.traits.railsVersion == nil) {
                        runtime.traits.railsVersion = String(version)
                    }
                    if Self.assetPipelineGems.contains(gem) { runtime.traits.hasAssetPipeline = true }
                }
            }
        } else if has("Gemfile"), !has("Gemfile.lock") {
            diagnostics.warning(
                .runtimeMissingLockfile,
                "there is a Gemfile but no Gemfile.lock; Heroku's Ruby buildpack refuses to build without it",
                at: detectionLocation(.ruby), hint: "run `bundle lock` and commit Gemfile.lock")
        }
        for line in meaningfulLines("Gemfile", into: &diagnostics) {
            if line.text.hasPrefix("gem \"rails\"") || line.text.hasPrefix("gem 'rails'") {
                runtime.traits.isRails = true
            }
            guard line.text.hasPrefix("ruby ") || line.text.hasPrefix("ruby(") else { continue }
            let argument = line.text.dropFirst(5).split(separator: ",").first.map(String.init) ?? ""
            let quoted = argument.trimmingCharacters(in: CharacterSet(charactersIn: " ()\"'"))
            let version = Self.plainVersion(quoted)
            if !version.isEmpty, quoted == version {
                candidates.append(VersionCandidate(value: version, label: "Gemfile", location: line.location))
            }
        }
        if let line = meaningfulLines(".ruby-version", into: &diagnostics).first {
            let version = Self.plainVersion(line.text)
            if !version.isEmpty {
                candidates.append(VersionCandidate(value: version, label: ".ruby-version", location: line.location))
            }
        }
        if let tool = toolVersion(["ruby"], into: &diagnostics) { candidates.append(tool) }
        runtime.traits.hasRackup = has("config.ru")
        runtime.traits.isRailsAPIOnly = meaningfulLines("config/application.rb", into: &diagnostics).contains { line in
            line.text.replacingOccurrences(of: " ", with: "").hasPrefix("config.api_only=true")
        }
        return candidates
    }

    /// Gems that define the `assets:precompile` rake task Heroku's Ruby buildpack runs when it exists
    /// (heroku-buildpack-ruby lib/language_pack/rails4.rb: `rake.task("assets:precompile")`, skipped if not defined).
    static let assetPipelineGems: Set<String> = [
        "sprockets", "sprockets-rails", "propshaft", "jsbundling-rails", "cssbundling-rails", "webpacker",
        "shakapacker",
    ]

    // MARK: Node.js

    /// `engines.node`; the package manager from the lockfile and `packageManager`; the scripts.
    func readNode(_ runtime: inout LanguageRuntime, into diagnostics: inout Diagnostics) -> [VersionCandidate] {
        var candidates: [VersionCandidate] = []
        let package = jsonObject("package.json", into: &diagnostics)
        if let node = package?.member("engines")?.value.member("node") {
            let resolution = node.value.stringValue.map(NodeVersionRange.resolve) ?? .unreadable
            if case .version(let major) = resolution {
                candidates.append(
                    VersionCandidate(value: major, label: "package.json engines.node", location: node.keyLocation))
            } else if resolution == .unsatisfiable, let range = node.value.stringValue {
                reportUnsatisfiable(range, key: "package.json engines.node", language: .nodejs,
                    newest: NodeVersionRange.releaseLines.last?.name ?? "", at: node.value.location, into: &diagnostics)
            } else {
                reportUnusableVersion(node.value, key: "package.json engines.node", language: .nodejs,
                    into: &diagnostics)
            }
        }
        for name in [".nvmrc", ".node-version"] {
            if let line = meaningfulLines(name, into: &diagnostics).first {
                let version = Self.plainVersion(line.text)
                if !version.isEmpty {
                    candidates.append(
                        VersionCandidate(value: version, label: name, location: line.location, isRead: false))
                }
            }
        }
        if let tool = toolVersion(["nodejs", "node"], into: &diagnostics) { candidates.append(tool) }
        runtime.traits.scripts = Self.keys(of: package?.member("scripts"))
        runtime.traits.usesNextJS = ["dependencies", "devDependencies"].contains { section in
            package?.member(section)?.value.member("next") != nil
        }

        var pinned: (PackageManager, String)?
        if let field = package?.member("packageManager")?.value.stringValue {
            let parts = field.split(separator: "@", maxSplits: 1).map(String.init)
            let version = parts.count > 1 ? String(parts[1].split(separator: "+").first ?? "") : ""
            switch parts.first {
            case "pnpm": pinned = (.pnpm, version)
            case "yarn": pinned = (version.hasPrefix("1.") ? .yarn : .yarnBerry, version)
            case "npm": pinned = (.npm, version)
            default: break
            }
        }
        let lockfiles: [(String, PackageManager)] = [
            ("package-lock.json", .npm), ("npm-shrinkwrap.json", .npm), ("yarn.lock", .yarn), ("pnpm-lock.yaml", .pnpm),
        ].filter { has($0.0) }
        func normalized(_ manager: PackageManager) -> PackageManager { manager == .yarnBerry ? .yarn : manager }
        var chosen = lockfiles.first { normalized($0.1) == pinned.map { normalized($0.0) } } ?? lockfiles.first
        if Set(lockfiles.map(\.1)).count > 1, let picked = chosen {
            diagnostics.warning(
                .runtimeConflictingLockfiles,
                "several Node.js lockfiles (" + lockfiles.map(\.0).joined(separator: ", ")
                    + "); Heroku's buildpack refuses to build with more than one, translate uses \(picked.0)",
                at: file(picked.0).map { SourceLocation(file: $0.path) },
                hint: "delete the lockfiles of the package managers you do not use")
        }
        if chosen == nil, let pinned { chosen = ("", pinned.0) }
        var manager = chosen?.1 ?? .npm
        if manager == .yarn, has(".yarnrc.yml") || pinned?.0 == .yarnBerry { manager = .yarnBerry }
        runtime.packageManager = manager
        if let pinned, normalized(pinned.0) == normalized(manager), !pinned.1.isEmpty {
            runtime.packageManagerVersion = pinned.1
        }
        runtime.manifests = ["package.json", chosen?.0 ?? "", ".npmrc", ".yarnrc.yml"].filter { !$0.isEmpty && has($0) }
        return candidates
    }

    // MARK: Python

    /// runtime.txt > .python-version > Pipfile.lock; exactly one package manager file.
    func readPython(_ runtime: inout LanguageRuntime, into diagnostics: inout Diagnostics) -> [VersionCandidate] {
        var candidates: [VersionCandidate] = []
        if let candidate = runtimeTxtVersion(into: &diagnostics) { candidates.append(candidate) }
        if let line = meaningfulLines(".python-version", into: &diagnostics).first {
            let version = Self.plainVersion(line.text)
            if !version.isEmpty {
                candidates.append(VersionCandidate(value: version, label: ".python-version", location: line.location))
            }
        }
        let pipfileLock = has("Pipfile.lock") ? jsonObject("Pipfile.lock", into: &diagnostics) : nil
        if let requires = pipfileLock?.member("_meta")?.value.member("requires")?.value,
            let python = requires.member("python_full_version") ?? requires.member("python_version"),
            let version = python.value.stringValue
        {
            candidates.append(VersionCandidate(
                value: Self.plainVersion(version), label: "Pipfile.lock", location: python.keyLocation))
        }
        if let tool = toolVersion(["python"], into: &diagnostics) { candidates.append(tool) }

        let managers: [(String, PackageManager, [String])] = [
            ("requirements.txt", .pip, ["requirements.txt"]), ("Pipfile.lock", .pipenv, ["Pipfile", "Pipfile.lock"]),
            ("poetry.lock", .poetry, ["pyproject.toml", "poetry.lock"]),
            ("uv.lock", .uv, ["pyproject.toml", "uv.lock"]),
        ].filter { has($0.0) }
        if managers.count > 1, let first = managers.first {
            diagnostics.warning(
                .runtimeConflictingLockfiles,
                "several Python package manager files (" + managers.map(\.0).joined(separator: ", ")
                    + "); Heroku's buildpack refuses to build with more than one, translate uses \(first.0)",
                at: file(first.0).map { SourceLocation(file: $0.path) },
                hint: "delete the files of the package managers you do not use")
        }
        if let chosen = managers.first {
            runtime.packageManager = chosen.1
            runtime.manifests = chosen.2.filter(has)
        } else if has("Pipfile") {
            runtime.packageManager = .pipenv
            runtime.manifests = ["Pipfile"]
            diagnostics.warning(
                .runtimeMissingLockfile, "there is a Pipfile but no Pipfile.lock; Heroku's Python buildpack refuses "
                    + "to build without it, translate installs from the Pipfile",
                at: file("Pipfile").map { SourceLocation(file: $0.path) }, hint: "run `pipenv lock` and commit it")
        } else {
            diagnostics.warning(
                .runtimeMissingLockfile,
                "no requirements.txt, Pipfile.lock, poetry.lock or uv.lock, so the Dockerfile installs no Python "
                    + "packages (Heroku's buildpack refuses to build)",
                at: detectionLocation(.python), hint: "add a requirements.txt (for example `pip freeze`)")
        }
        if runtime.packageManager == .pip {
            for line in meaningfulLines("requirements.txt", into: &diagnostics) {
                let text = line.text
                if ["-r", "-c", "-e", "--requirement", "--constraint", "--editable", ".", "file:"]
                    .contains(where: { text.hasPrefix($0) })
                {
                    runtime.traits.installNeedsSource = true
                }
            }
        }
        runtime.traits.hasManagePy = has("manage.py")
        runtime.traits.managePyPath = has("manage.py") ? "manage.py" : searched("manage.py").first?.appRelativePath
        // requirements.txt was read above for a pip app; its findings are reported once.
        let requirementsReported = runtime.packageManager == .pip
        runtime.traits.usesDjango = pythonDependencies(
            pipfileLock: pipfileLock, requirementsReported: requirementsReported, into: &diagnostics
        ).contains { name in
            name == "django" || name == "wagtail" || name.hasPrefix("django-")
        }
        return candidates
    }

    /// runtime.txt must hold exactly `python-N.N` or `python-N.N.N` (heroku-buildpack-python
    /// lib/python_version.sh `parse_runtime_txt`); anything else stops Heroku's build, so it is an error here.
    /// A trailing wildcard (`python-3.6.x`) is refused by the buildpack too, but its meaning is plain: a warning.
    func runtimeTxtVersion(into diagnostics: inout Diagnostics) -> VersionCandidate? {
        let lines = meaningfulLines("runtime.txt", into: &diagnostics)
        guard let line = lines.first else { return nil }
        let text = line.text
        var rest = Substring(text)
        let hasPrefix = rest.hasPrefix("python-")
        if hasPrefix { rest = rest.dropFirst("python-".count) }
        var parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        let hasWildcard = parts.count == 3 && (parts[2] == "x" || parts[2] == "*")
        if hasWildcard { parts.removeLast() }
        let isNumeric = (2...3).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII)
            && $0.allSatisfy(\.isNumber) }
        guard hasPrefix, isNumeric, lines.count == 1 else {
            let problem = lines.count > 1 ? "has \(lines.count) lines" : "is \"\(text)\""
            diagnostics.error(
                .runtimeInvalidVersionFile,
                "runtime.txt \(problem), not `python-N.N` or `python-N.N.N`; Heroku's Python buildpack stops the "
                    + "build on it", at: lines.count > 1 ? lines[1].location : line.location,
                hint: "write only the version, for example 3.13, in .python-version and delete runtime.txt")
            return nil
        }
        let version = parts.joined(separator: ".")
        if hasWildcard {
            diagnostics.warning(
                .runtimeInvalidVersionFile,
                "runtime.txt \"\(text)\" has a wildcard, which Heroku's Python buildpack refuses; translate reads it "
                    + "as Python \(version)", at: line.location,
                hint: "write \(version) in .python-version and delete runtime.txt")
        }
        return VersionCandidate(value: version, label: "runtime.txt", location: line.location)
    }

    /// Lower-cased names of the packages the app's Python manifests list (requirements.txt, Pipfile,
    /// Pipfile.lock, pyproject.toml). `django-*` and `wagtail` pull Django in, so they count as Django.
    func pythonDependencies(
        pipfileLock: JSONNode?, requirementsReported: Bool, into diagnostics: inout Diagnostics
    ) -> [String] {
        func name(_ text: Substring) -> String {
            String(text.prefix { $0.isLetter || $0.isNumber || "._-".contains($0) }).lowercased()
                .replacingOccurrences(of: "_", with: "-")
        }
        var names: [String] = []
        var quiet = Diagnostics()
        let requirements = requirementsReported
            ? meaningfulLines("requirements.txt", into: &quiet)
            : meaningfulLines("requirements.txt", into: &diagnostics)
        for line in requirements where !line.text.hasPrefix("-") {
            names.append(name(Substring(line.text)))
        }
        for manifest in ["Pipfile", "pyproject.toml"] {
            for line in meaningfulLines(manifest, into: &diagnostics) {
                var text = Substring(line.text)
                if text.first == "\"" || text.first == "'" { text = text.dropFirst() }
                let candidate = name(text)
                let rest = text.dropFirst(candidate.count).trimmingWhitespace()
                // `django = "*"` (Pipfile, Poetry) or `"django>=5",` (PEP 621 dependencies).
                if rest.hasPrefix("=") || line.text.first == "\"" || line.text.first == "'" { names.append(candidate) }
            }
        }
        names += Self.keys(of: pipfileLock?.member("default")).map { name(Substring($0)) }
        return names
    }

    // MARK: PHP

    /// `require.php` of composer.json; composer.lock is required when packages are required.
    func readPHP(_ runtime: inout LanguageRuntime, into diagnostics: inout Diagnostics) -> [VersionCandidate] {
        runtime.packageManager = has("composer.json") ? .composer : .none
        runtime.manifests = ["composer.json", "composer.lock"].filter(has)
        guard let composer = jsonObject("composer.json", into: &diagnostics) else { return [] }
        runtime.traits.scripts = Self.keys(of: composer.member("scripts"))
        let require = composer.member("require")
        runtime.traits.usesLaravel = require?.value.member("laravel/framework") != nil
        runtime.traits.phpExtensions = phpExtensions(require: require, into: &diagnostics)
        let packages = Self.keys(of: require).filter { $0 != "php" && !$0.hasPrefix("ext-") }
        if !packages.isEmpty, !has("composer.lock") {
            diagnostics.warning(
                .runtimeMissingLockfile,
                "composer.json requires packages but there is no composer.lock; Heroku's PHP buildpack refuses to "
                    + "build without it",
                at: detectionLocation(.php), hint: "run `composer update` and commit composer.lock")
        }
        guard let php = require?.value.member("php") else { return [] }
        let resolution = php.value.stringValue.map(ComposerConstraint.resolve) ?? .unreadable
        if resolution == .unsatisfiable, let constraint = php.value.stringValue {
            let newest = ComposerConstraint.releaseLines.last.map { "\($0.major).\($0.minor)" } ?? ""
            reportUnsatisfiable(constraint, key: "composer.json require.php", language: .php, newest: newest,
                at: php.value.location, into: &diagnostics)
            return []
        }
        guard case .version(let version) = resolution else {
            reportUnusableVersion(php.value, key: "composer.json require.php", language: .php, into: &diagnostics)
            return []
        }
        return [VersionCandidate(value: version, label: "composer.json require.php", location: php.keyLocation)]
    }

    /// The `ext-*` the app requires, then those composer.lock's packages require (not `packages-dev`: Heroku
    /// installs without dev packages), as heroku-buildpack-php enables every extension the platform needs.
    func phpExtensions(require: JSONMember?, into diagnostics: inout Diagnostics) -> [PHPExtensionRequirement] {
        var found: [PHPExtensionRequirement] = []
        func add(_ member: JSONMember, requiredBy package: String?) {
            guard member.key.lowercased().hasPrefix("ext-") else { return }
            let name = String(member.key.dropFirst(4)).lowercased()
            guard !name.isEmpty, !found.contains(where: { $0.name == name }) else { return }
            found.append(PHPExtensionRequirement(name: name, location: member.keyLocation, requiredBy: package))
        }
        for member in require?.value.members ?? [] { add(member, requiredBy: nil) }
        guard has("composer.lock"), let lock = jsonObject("composer.lock", into: &diagnostics) else { return found }
        for package in lock.member("packages")?.value.elements ?? [] {
            let name = package.member("name")?.value.stringValue
            for member in package.member("require")?.value.members ?? [] { add(member, requiredBy: name) }
        }
        return found
    }

    // MARK: Go

    /// `// +heroku goVersion` > the `go` directive; `// +heroku install` packages.
    func readGo(_ runtime: inout LanguageRuntime, into diagnostics: inout Diagnostics) -> [VersionCandidate] {
        guard has("go.mod") else {
            diagnostics.warning(
                .runtimeMissingLockfile,
                "this Go app uses a pre-modules dependency tool; the Dockerfile builds Go modules only",
                at: detectionLocation(.go), hint: "migrate to Go modules (`go mod init`)")
            return []
        }
        runtime.packageManager = .goModules
        runtime.manifests = ["go.mod", "go.sum"].filter(has)
        var herokuVersion: VersionCandidate?
        var directive: VersionCandidate?
        for line in meaningfulLines("go.mod", into: &diagnostics) {
            let words = line.text.split(separator: " ").map(String.init)
            if words.count >= 3, words[0] == "//", words[1] == "+heroku" {
                if words[2] == "goVersion", words.count >= 4 {
                    herokuVersion = VersionCandidate(
                        value: Self.plainVersion(words[3]), label: "go.mod // +heroku goVersion",
                        location: line.location)
                } else if words[2] == "install" {
                    runtime.traits.goInstallPackages = Array(words.dropFirst(3))
                }
            }
            if words.count == 2, words[0] == "go" {
                let parts = Self.plainVersion(words[1]).split(separator: ".").prefix(2)
                directive = VersionCandidate(
                    value: parts.joined(separator: "."), label: "go.mod", location: line.location)
            }
        }
        // The `go` directive is a minimum, so a newer `+heroku goVersion` does not conflict with it.
        return [herokuVersion ?? directive].compactMap { $0 }
    }

    // MARK: JVM (Clojure, Maven, Gradle, Scala)

    /// system.properties `java.runtime.version` and each JVM build tool's manifests.
    func readJVM(_ runtime: inout LanguageRuntime, into diagnostics: inout Diagnostics) -> [VersionCandidate] {
        var candidates: [VersionCandidate] = []
        for line in meaningfulLines("system.properties", into: &diagnostics) {
            let parts = line.text.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
            if parts.count == 2, parts[0] == "java.runtime.version" {
                var version = Self.plainVersion(parts[1])
                if version.hasPrefix("1.") { version = String(version.dropFirst(2)) }
                version = String(version.split(separator: ".").first ?? "")
                if !version.isEmpty {
                    candidates.append(VersionCandidate(
                        value: version, label: "system.properties java.runtime.version", location: line.location))
                }
            }
        }
        if var tool = toolVersion(["java"], into: &diagnostics) {
            tool.value = String(tool.value.split(separator: ".").first ?? "")
            if !tool.value.isEmpty { candidates.append(tool) }
        }
        switch runtime.language {
        case .clojure:
            runtime.packageManager = .leiningen
            runtime.manifests = ["project.clj"]
            if let source = text("project.clj", into: &diagnostics),
                let range = source.text.range(of: ":uberjar-name")
            {
                let rest = source.text[range.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" }
                if rest.first == "\"", let end = rest.dropFirst().firstIndex(of: "\"") {
                    runtime.traits.uberjarName = String(rest[rest.index(after: rest.startIndex)..<end])
                }
            }
        case .java:
            runtime.packageManager = .maven
            runtime.traits.hasWrapper = has("mvnw")
            runtime.manifests = ["pom.xml"].filter(has)
                + (runtime.traits.hasWrapper ? ["mvnw"] : [])
                + (runtime.traits.hasWrapper && has(".mvn/wrapper/maven-wrapper.properties") ? [".mvn/wrapper"] : [])
            if let pom = text("pom.xml", into: &diagnostics), pom.text.contains("<modules>") {
                runtime.traits.installNeedsSource = true
            }
        case .gradle:
            runtime.packageManager = .gradle
            runtime.traits.hasWrapper = has("gradlew")
            runtime.manifests = [
                "gradlew", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts",
                "gradle.properties",
            ].filter(has)
                + (has("gradle/wrapper/gradle-wrapper.properties") ? ["gradle/wrapper"] : [])
            for name in ["build.gradle", "build.gradle.kts"] {
                if let build = text(name, into: &diagnostics), build.text.contains("stage") {
                    runtime.traits.hasStageTask = true
                }
            }
        case .scala:
            runtime.packageManager = .sbt
            runtime.manifests = sbtFiles.map { input in
                input.path.hasSuffix("/project/plugins.sbt") || input.path == "project/plugins.sbt"
                    ? "project/plugins.sbt" : (input.path as NSString).lastPathComponent
            } + ["project/build.properties"].filter(has)
            for line in meaningfulLines("project/build.properties", into: &diagnostics) {
                let parts = line.text.split(separator: "=", maxSplits: 1)
                    .map { $0.trimmingWhitespace() }
                if parts.count == 2, parts[0] == "sbt.version" { runtime.packageManagerVersion = parts[1] }
            }
        default:
            break
        }
        return candidates
    }
}

/// Resolves a package.json `engines.node` range to the newest Node.js release line inside it, as Heroku's
/// resolver picks the newest release its inventory has that satisfies the range (node-semver rules).
enum NodeVersionRange {
    /// Release lines with an official `node` image, newest last. Heroku's inventory has the Current line too
    /// (26, released 2026-04), so an open range (`>=18`) gets it, while no range at all gets the LTS default.
    static let releaseLines: [(name: String, version: VersionRange.Version)] =
        [("0.10", .init(0, 10)), ("0.12", .init(0, 12))] + (4...26).map { (String($0), .init($0)) }

    static func resolve(_ range: String) -> VersionResolution {
        guard let parsed = VersionRange(range, dialect: .npm) else { return .unreadable }
        for (index, line) in releaseLines.enumerated().reversed() {
            let next = index + 1 < releaseLines.count ? releaseLines[index + 1].version
                : VersionRange.Version(line.version.parts[0] + 1)
            let end = line.version.parts[0] == 0 ? VersionRange.Version(0, line.version.parts[1] + 1) : next
            if parsed.allowsSome(from: line.version, below: end) { return .version(line.name) }
        }
        return .unsatisfiable
    }
}

/// Resolves a composer `require.php` constraint to the newest PHP minor inside it, as the PHP buildpack's
/// Composer-based resolver installs the newest PHP satisfying the app's platform requirements.
enum ComposerConstraint {
    /// PHP minors with an official `php` image, newest last; the newest is the buildpack's default.
    static let releaseLines: [(major: Int, minor: Int)] =
        [(5, 6)] + (0...4).map { (7, $0) } + (0...5).map { (8, $0) }

    static func resolve(_ constraint: String) -> VersionResolution {
        guard let parsed = VersionRange(constraint, dialect: .composer) else { return .unreadable }
        for line in releaseLines.reversed()
        where parsed.allowsSome(from: .init(line.major, line.minor), below: .init(line.major, line.minor + 1)) {
            return .version("\(line.major).\(line.minor)")
        }
        return .unsatisfiable
    }
}
