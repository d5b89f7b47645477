import Translator

extension DiagnosticID {
    static let herokuYMLUnknownKey: DiagnosticID = "herokuyml.unknown-key"
    static let herokuYMLWrongType: DiagnosticID = "herokuyml.wrong-type"
    static let herokuYMLInvalidPath: DiagnosticID = "herokuyml.invalid-path"
    static let herokuYMLMissingDockerfile: DiagnosticID = "herokuyml.missing-dockerfile"
    static let herokuYMLBuildManifest: DiagnosticID = "herokuyml.build-manifest"
    static let herokuYMLDockerfileNotWatched: DiagnosticID = "herokuyml.dockerfile-not-watched"
    static let herokuYMLEmptyValue: DiagnosticID = "herokuyml.empty-value"
    static let herokuYMLBuildTarget: DiagnosticID = "herokuyml.build-target"
}

/// Reads heroku.yml, the manifest of Heroku's container stack (devcenter "build-docker-images-heroku-yml"):
/// `build.docker` and `build.config`, `release`, `run`, and `setup` (which only `heroku apps:create --manifest`
/// reads: heroku/cli packages/apps-v5/src/commands/apps/create.js). It also reads the Dockerfiles it names, for
/// the image's own CMD, ENTRYPOINT and ARGs. Every key it does not carry over is a located warning.
public struct HerokuYMLFrontend: Frontend {
    public static let name = "heroku-yml"

    public init() {}

    /// heroku.yml, and the Dockerfiles it names: any path is allowed there, but real apps name `Dockerfile`,
    /// `Dockerfile.web` or `docker/web.Dockerfile`; a name without "Dockerfile" gets a note
    /// (`herokuyml.dockerfile-not-watched`), since the hook would not see it change.
    public var readableFiles: [AppFilePattern] { [.path("heroku.yml"), Self.dockerfilePattern] }

    /// The Dockerfiles heroku.yml names, as far as the hook pattern can know them.
    public static let dockerfilePattern = AppFilePattern.nameContaining("Dockerfile")

    public func requests(listing: [String], options: ConversionOptions) -> [InputRequest] {
        listing.contains("heroku.yml") ? [.appFile("heroku.yml")] : []
    }

    /// The Dockerfiles `build.docker` names (only paths inside the app; the others are errors in `read`).
    public func followUpRequests(after inputs: [InputFile], options: ConversionOptions) -> [InputRequest] {
        guard let file = inputs.first else { return [] }
        var quiet = Diagnostics()
        guard let root = YAMLReader.read(file, into: &quiet), let manifest = parse(root, path: file.path, into: &quiet)
        else { return [] }
        var seen: Set<String> = []
        return manifest.builds.filter { seen.insert($0.dockerfile).inserted }.map { .appFile($0.dockerfile) }
    }

    public func read(_ inputs: [InputFile], options: ConversionOptions, into diagnostics: inout Diagnostics)
        -> HerokuApp
    {
        guard let file = inputs.first else { return HerokuApp() }
        var app = HerokuApp(sourceFiles: [file.path])
        guard let root = YAMLReader.read(file, into: &diagnostics),
            var manifest = parse(root, path: file.path, into: &diagnostics)
        else { return app }
        // The CLI shows app files under the directory as typed (`path/to/app/Dockerfile`), as it shows heroku.yml.
        let directory = String(file.path.dropLast("heroku.yml".count))
        var dockerfiles: [String: InputFile] = [:]
        for input in inputs.dropFirst() where dockerfiles[input.path] == nil { dockerfiles[input.path] = input }
        var facts: [String: DockerfileFacts] = [:]
        var unreadable: Set<String> = []
        for index in manifest.builds.indices {
            let build = manifest.builds[index]
            if let known = facts[build.dockerfile] {
                manifest.builds[index].image = known
                continue
            }
            if unreadable.contains(build.dockerfile) { continue }
            guard let dockerfile = dockerfiles[directory + build.dockerfile] else {
                diagnostics.error(
                    .herokuYMLMissingDockerfile,
                    "build.docker.\(build.processType) names \(build.dockerfile), which is not in the app; Heroku's "
                        + "build would fail", at: build.location,
                    hint: "give the Dockerfile's path relative to the app's root")
                continue
            }
            guard let source = SourceText.decode(dockerfile, into: &diagnostics) else {
                unreadable.insert(build.dockerfile)
                continue
            }
            if !Self.dockerfilePattern.matches(build.dockerfile) {
                diagnostics.note(
                    .herokuYMLDockerfileNotWatched,
                    "build.docker.\(build.processType) names \(build.dockerfile), a name without \"Dockerfile\": the "
                        + "translate pre-commit hooks do not run when it alone changes", at: build.location,
                    hint: "rename it (web.Dockerfile), or add it to the hooks' `files:` in .pre-commit-config.yaml")
            }
            let read = DockerfileReader.read(source)
            facts[build.dockerfile] = read
            manifest.builds[index].image = read
            app.sourceFiles.append(dockerfile.path)
        }
        app.herokuYML = manifest
        return app
    }

    /// True when heroku.yml builds a process from a Dockerfile: the app's image is then its own, and findings about
    /// buildpack files would be noise. Read quietly; `read` reports the findings.
    public static func hasDockerBuild(_ file: InputFile) -> Bool {
        var quiet = Diagnostics()
        guard let root = YAMLReader.read(file, into: &quiet),
            let manifest = HerokuYMLFrontend().parse(root, path: file.path, into: &quiet)
        else { return false }
        return !manifest.builds.isEmpty
    }

    // MARK: The document

    /// The manifest, or nil (with an error) when the document is not a mapping.
    func parse(_ root: YAMLNode, path: String, into diagnostics: inout Diagnostics) -> HerokuYMLManifest? {
        var manifest = HerokuYMLManifest(path: path)
        if root.isNull { return manifest }
        var reader = Reader(path: path)
        guard let pairs = reader.mapping(root, key: nil, into: &diagnostics) else { return nil }
        for pair in pairs {
            switch pair.name {
            case "build": reader.build(pair.value, into: &manifest, diagnostics: &diagnostics)
            case "run": manifest.processes = reader.run(pair.value, into: &diagnostics)
            case "release": manifest.release = reader.release(pair.value, into: &diagnostics)
            case "setup": reader.setup(pair.value, into: &manifest, diagnostics: &diagnostics)
            default: reader.unknownKey(pair, in: nil, known: ["build", "release", "run", "setup"], into: &diagnostics)
            }
        }
        return manifest
    }
}

/// Walks the YAML tree of one heroku.yml, keeping locations and key paths for every message.
private struct Reader {
    var path: String

    func location(_ node: YAMLNode, _ keyPath: String?) -> SourceLocation {
        SourceLocation(file: path, line: node.line, column: node.column, keyPath: keyPath)
    }

    func joined(_ parent: String?, _ key: String) -> String { parent.map { "\($0).\(key)" } ?? key }

    /// The pairs of a mapping, each key once (the YAML reader has already warned about a repeated key; the last
    /// one wins, as in js-yaml and Go's YAML libraries). Nil, with an error, for anything but a mapping.
    func mapping(_ node: YAMLNode, key: String?, into diagnostics: inout Diagnostics) -> [YAMLPair]? {
        guard let pairs = node.pairs else {
            diagnostics.error(
                .herokuYMLWrongType,
                "\(key.map { "`\($0)`" } ?? "heroku.yml") must be a mapping, not \(node.kindDescription)",
                at: location(node, key), hint: "see Heroku's heroku.yml reference for the shape of each section")
            return nil
        }
        var seen: Set<String> = []
        return pairs.reversed().filter { seen.insert($0.name).inserted }.reversed()
    }

    /// A scalar's text; nil, with an error, for a list or mapping.
    func scalar(_ node: YAMLNode, key: String, into diagnostics: inout Diagnostics) -> String? {
        guard let text = node.scalarText else {
            diagnostics.error(
                .herokuYMLWrongType, "`\(key)` must be a string, not \(node.kindDescription)",
                at: location(node, key), hint: "write it as a single value")
            return nil
        }
        return text
    }

    func unknownKey(_ pair: YAMLPair, in parent: String?, known: [String], into diagnostics: inout Diagnostics) {
        let key = joined(parent, pair.name)
        diagnostics.warning(
            .herokuYMLUnknownKey,
            "`\(key)` is not a heroku.yml key Heroku reads (\(known.map { "`\($0)`" }.joined(separator: ", "))), "
                + "so it is ignored", at: location(pair.key, key), hint: "remove it, or check its spelling")
    }

    // MARK: build

    mutating func build(_ node: YAMLNode, into manifest: inout HerokuYMLManifest, diagnostics: inout Diagnostics) {
        guard let pairs = mapping(node, key: "build", into: &diagnostics) else { return }
        for pair in pairs {
            let key = "build.\(pair.name)"
            switch pair.name {
            case "docker":
                guard let entries = mapping(pair.value, key: key, into: &diagnostics) else { continue }
                for entry in entries {
                    if let build = dockerBuild(entry, into: &diagnostics) { manifest.builds.append(build) }
                }
            case "config":
                manifest.buildConfig = config(pair.value, key: key, into: &diagnostics)
            case "languages", "packages":
                // The retired heroku.yml build manifest (buildpacks named in heroku.yml): the buildpack build is
                // what our Dockerfile reproduces from the app's own files.
                let advice = pair.name == "languages"
                    ? "translate detects the language from the app's files, as the buildpacks do"
                    : "these packages are not installed in the generated image"
                diagnostics.warning(
                    .herokuYMLBuildManifest,
                    "`\(key)` belongs to Heroku's retired heroku.yml build manifest; \(advice)",
                    at: location(pair.key, key),
                    hint: pair.name == "languages"
                        ? "list the buildpacks in app.json `buildpacks` if detection picks the wrong language"
                        : "list the packages in an Aptfile, one a line")
            default:
                unknownKey(pair, in: "build", known: ["docker", "config"], into: &diagnostics)
            }
        }
    }

    /// `web: Dockerfile` or `web: {dockerfile: Dockerfile}`.
    func dockerBuild(_ entry: YAMLPair, into diagnostics: inout Diagnostics) -> HerokuYMLBuild? {
        let key = "build.docker.\(entry.name)"
        var pathNode = entry.value
        if let pairs = entry.value.pairs {
            var found: YAMLNode?
            var seen: Set<String> = []
            for pair in pairs.reversed() where seen.insert(pair.name).inserted {
                if pair.name == "dockerfile" {
                    found = pair.value
                } else if pair.name == "target" {
                    // Convox's build is path, manifest and args (pkg/manifest/service.go ServiceBuild): no stage.
                    diagnostics.warning(
                        .herokuYMLBuildTarget,
                        "`\(key).target` picks a build stage, which Convox's `build` cannot; it builds the "
                            + "Dockerfile's last stage", at: location(pair.key, "\(key).target"),
                        hint: "make the stage this process needs the last one of its Dockerfile")
                } else {
                    unknownKey(pair, in: key, known: ["dockerfile"], into: &diagnostics)
                }
            }
            guard let found else {
                diagnostics.error(
                    .herokuYMLWrongType, "`\(key)` has no `dockerfile`", at: location(entry.key, key),
                    hint: "write `\(entry.name): Dockerfile`, or give `dockerfile:` the Dockerfile's path")
                return nil
            }
            pathNode = found
        }
        guard let text = scalar(pathNode, key: key, into: &diagnostics) else { return nil }
        var dockerfile = text.trimmingWhitespace()
        while dockerfile.hasPrefix("./") { dockerfile.removeFirst(2) }
        let components = dockerfile.split(separator: "/", omittingEmptySubsequences: false)
        guard !dockerfile.isEmpty, !dockerfile.hasPrefix("/"), !dockerfile.hasSuffix("/"),
            !components.contains(where: { $0 == ".." || $0.isEmpty })
        else {
            diagnostics.error(
                .herokuYMLInvalidPath,
                "`\(key)` is \"\(text)\", which is not a Dockerfile path inside the app",
                at: location(pathNode, key), hint: "give the Dockerfile's path relative to the app's root")
            return nil
        }
        return HerokuYMLBuild(processType: entry.name, dockerfile: dockerfile, location: location(pathNode, key))
    }

    /// `KEY: value` pairs; values are read as their text (`NIGHTLY: 0` is "0"), as the Heroku CLI sends them.
    func config(_ node: YAMLNode, key: String, into diagnostics: inout Diagnostics) -> [HerokuYMLConfigEntry] {
        if node.isNull { return [] }
        guard let pairs = mapping(node, key: key, into: &diagnostics) else { return [] }
        var entries: [HerokuYMLConfigEntry] = []
        for pair in pairs {
            let entryKey = "\(key).\(pair.name)"
            if pair.value.isNull {
                diagnostics.warning(
                    .herokuYMLEmptyValue, "`\(entryKey)` has no value, so Heroku sets nothing; it is left out",
                    at: location(pair.key, entryKey), hint: "give it a value, or remove it")
                continue
            }
            guard let value = scalar(pair.value, key: entryKey, into: &diagnostics) else { continue }
            entries.append(HerokuYMLConfigEntry(key: pair.name, value: value, location: location(pair.key, entryKey)))
        }
        return entries
    }

    // MARK: run and release

    func run(_ node: YAMLNode, into diagnostics: inout Diagnostics) -> [HerokuYMLProcess] {
        if node.isNull { return [] }
        guard let pairs = mapping(node, key: "run", into: &diagnostics) else { return [] }
        return pairs.compactMap { process(named: $0.name, $0.value, key: "run.\($0.name)", at: $0.key, into: &diagnostics) }
    }

    func release(_ node: YAMLNode, into diagnostics: inout Diagnostics) -> HerokuYMLProcess? {
        guard node.pairs != nil else {
            diagnostics.error(
                .herokuYMLWrongType, "`release` must be a mapping with `command` (and `image`), not "
                    + node.kindDescription, at: location(node, "release"),
                hint: "write `release:` with `command:` and `image:` below it")
            return nil
        }
        return process(named: "release", node, key: "release", at: node, into: &diagnostics)
    }

    /// A string command, or `{command: string or list, image}`.
    func process(
        named name: String, _ node: YAMLNode, key: String, at keyNode: YAMLNode, into diagnostics: inout Diagnostics
    ) -> HerokuYMLProcess? {
        if let text = node.scalarText {
            guard !node.isNull, !text.trimmingWhitespace().isEmpty else {
                diagnostics.warning(
                    .herokuYMLEmptyValue, "`\(key)` has no command, so Heroku runs nothing for it; it is left out",
                    at: location(keyNode, key), hint: "give it a command, or remove it")
                return nil
            }
            return HerokuYMLProcess(
                processType: name, command: text, location: location(keyNode, key), commandLocation: location(node, key))
        }
        guard let pairs = mapping(node, key: key, into: &diagnostics) else { return nil }
        var command: (text: String, node: YAMLNode)?
        var image: (text: String, node: YAMLNode)?
        for pair in pairs {
            let pairKey = "\(key).\(pair.name)"
            switch pair.name {
            case "command":
                if let items = pair.value.items {
                    var words: [String] = []
                    for item in items {
                        if let word = scalar(item, key: pairKey + "[]", into: &diagnostics) { words.append(word) }
                    }
                    command = (words.joined(separator: " "), pair.value)
                } else if let text = scalar(pair.value, key: pairKey, into: &diagnostics) {
                    command = (text, pair.value)
                }
            case "image":
                if let text = scalar(pair.value, key: pairKey, into: &diagnostics), !pair.value.isNull {
                    image = (text, pair.value)
                }
            default:
                unknownKey(pair, in: key, known: ["command", "image"], into: &diagnostics)
            }
        }
        guard let command, !command.text.trimmingWhitespace().isEmpty else {
            diagnostics.warning(
                .herokuYMLEmptyValue, "`\(key)` has no `command`, so Heroku runs nothing for it; it is left out",
                at: location(keyNode, key), hint: "add `command:` with the command to run")
            return nil
        }
        return HerokuYMLProcess(
            processType: name, command: command.text, image: image?.text, location: location(keyNode, key),
            commandLocation: location(command.node, key + ".command"),
            imageLocation: image.map { location($0.node, key + ".image") })
    }

    // MARK: setup

    func setup(_ node: YAMLNode, into manifest: inout HerokuYMLManifest, diagnostics: inout Diagnostics) {
        guard let pairs = mapping(node, key: "setup", into: &diagnostics) else { return }
        for pair in pairs {
            switch pair.name {
            case "addons": manifest.setupAddons = addons(pair.value, into: &diagnostics)
            case "config": manifest.setupConfig = config(pair.value, key: "setup.config", into: &diagnostics)
            default: unknownKey(pair, in: "setup", known: ["addons", "config"], into: &diagnostics)
            }
        }
    }

    /// `- plan: heroku-postgresql[:plan]` with an optional `as`: the two fields the Heroku CLI sends.
    func addons(_ node: YAMLNode, into diagnostics: inout Diagnostics) -> [AppJSONAddon] {
        if node.isNull { return [] }
        guard let items = node.items else {
            diagnostics.error(
                .herokuYMLWrongType, "`setup.addons` must be a list, not \(node.kindDescription)",
                at: location(node, "setup.addons"), hint: "write each add-on as `- plan: <service>:<plan>`")
            return []
        }
        var addons: [AppJSONAddon] = []
        for (index, item) in items.enumerated() {
            let key = "setup.addons[\(index)]"
            guard item.pairs != nil else {
                diagnostics.error(
                    .herokuYMLWrongType, "`\(key)` must be a mapping with `plan`, not \(item.kindDescription)",
                    at: location(item, key), hint: "write it as `- plan: \(item.scalarText ?? "<service>:<plan>")`")
                continue
            }
            guard let pairs = mapping(item, key: key, into: &diagnostics) else { continue }
            var plan: (String, YAMLNode)?
            var attachment: String?
            for pair in pairs {
                switch pair.name {
                case "plan":
                    if let text = scalar(pair.value, key: "\(key).plan", into: &diagnostics) { plan = (text, pair.value) }
                case "as":
                    attachment = scalar(pair.value, key: "\(key).as", into: &diagnostics)
                default:
                    unknownKey(pair, in: key, known: ["plan", "as"], into: &diagnostics)
                }
            }
            guard let plan else {
                diagnostics.error(
                    .herokuYMLWrongType, "`\(key)` has no `plan`", at: location(item, key),
                    hint: "name the add-on with `plan: <service>:<plan>`")
                continue
            }
            let addonLocation = location(plan.1, key)
            guard var addon = AppJSONFrontend().addon(plan: plan.0, at: addonLocation, into: &diagnostics) else {
                continue
            }
            addon.attachmentName = attachment
            addons.append(addon)
        }
        return addons
    }
}
