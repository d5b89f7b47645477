import Translator

extension DiagnosticID {
    static let snapshotWrongType: DiagnosticID = "snapshot.wrong-type"
    static let snapshotUnknownKey: DiagnosticID = "snapshot.unknown-key"
    static let snapshotEditedByHand: DiagnosticID = "snapshot.edited-by-hand"
}

/// Reads `heroku-snapshot.json` (written by `translate import`) when the app directory has one, as app.json is
/// read: every entry keeps its line and column, so the mapping rules point into the snapshot.
public struct HerokuSnapshotFrontend: Frontend {
    public static let name = "heroku-snapshot"

    public init() {}

    public var readableFiles: [AppFilePattern] { [.path(HerokuSnapshot.fileName)] }

    public func requests(listing: [String], options: ConversionOptions) -> [InputRequest] {
        listing.contains(HerokuSnapshot.fileName) ? [.appFile(HerokuSnapshot.fileName)] : []
    }

    public func read(_ inputs: [InputFile], options: ConversionOptions, into diagnostics: inout Diagnostics)
        -> HerokuApp
    {
        guard let file = inputs.first else { return HerokuApp() }
        var app = HerokuApp(sourceFiles: [file.path])
        guard let source = SourceText.decode(file, into: &diagnostics),
            let root = JSONReader.parse(source, into: &diagnostics)
        else { return app }
        if HerokuSnapshotDocument.status(of: source.text) == .editedByHand {
            diagnostics.warning(
                .snapshotEditedByHand, "\(file.path) was edited by hand since `translate import` wrote it; it is "
                    + "read as it is", at: SourceLocation(file: file.path, line: 2),
                hint: "run `translate import` again to refresh it from Heroku (--force replaces the edited file)")
        }
        var reader = SnapshotReader(path: file.path, diagnostics: diagnostics)
        app.snapshot = reader.snapshot(root)
        diagnostics = reader.diagnostics
        guard let snapshot = app.snapshot else { return app }
        // A flag naming another file wins; its frontend fills the same part.
        if options.schedulerPath == nil {
            app.schedulerJobs = snapshot.schedulerJobs.compactMap { job in
                job.schedule.map {
                    SchedulerJob(command: job.command, schedule: $0, dynoSize: job.dynoSize, location: job.location,
                        commandLocation: job.location, dynoSizeLocation: job.location)
                }
            }
        }
        if options.domainsPath == nil {
            app.domains = snapshot.domains.compactMap { domain in
                guard domain.kind == "custom" else {
                    diagnostics.note(
                        .domainsHerokuDomain, "\(domain.hostname) is Heroku's own domain and does not move to Convox",
                        at: domain.location,
                        hint: "use the hostname `convox services` prints until your own domain points at the rack")
                    return nil
                }
                return HerokuDomain(hostname: domain.hostname.lowercased(), location: domain.location)
            }
        }
        return app
    }
}

/// The snapshot's shape, checked member by member: a wrong type is a located error, an unknown key a warning.
private struct SnapshotReader {
    var path: String
    var diagnostics: Diagnostics

    mutating func snapshot(_ root: JSONNode) -> HerokuSnapshot? {
        guard root.members != nil else {
            wrongType(root, "the snapshot", expected: "an object")
            return nil
        }
        let known = ["//", "app", "buildpacks", "process_types", "formation", "addons", "config_vars", "domains",
            "features", "log_drains", "sni_endpoints", "scheduler_jobs"]
        checkKeys(root, known: known, in: "")
        guard let appNode = root.member("app")?.value, appNode.members != nil,
            let name = string(appNode, "name", in: "app")
        else {
            diagnostics.error(
                .snapshotWrongType, "the snapshot has no \"app\" object with a \"name\"",
                at: root.member("app")?.value.location ?? root.location,
                hint: "write it again with `translate import HEROKU_APP`")
            return nil
        }
        checkKeys(appNode, known: ["name", "region", "stack", "build_stack", "buildpack_description"], in: "app")
        var snapshot = HerokuSnapshot(
            path: path,
            app: SnapshotApp(
                name: name, region: string(appNode, "region", in: "app"), stack: string(appNode, "stack", in: "app"),
                buildStack: string(appNode, "build_stack", in: "app"),
                buildpackDescription: string(appNode, "buildpack_description", in: "app"),
                location: located(appNode.location, "app")))
        snapshot.buildpacks = strings(root, "buildpacks")
        if let types = root.member("process_types")?.value {
            if types.members == nil { wrongType(types, "process_types", expected: "an object") }
            for member in types.members ?? [] {
                guard let command = member.value.stringValue else {
                    wrongType(member.value, "process_types.\(member.key)", expected: "a string")
                    continue
                }
                snapshot.processTypes.append(SnapshotProcessType(
                    name: member.key, command: command, location: located(member.keyLocation,
                        "process_types.\(member.key)")))
            }
        }
        for (index, entry) in objects(root, "formation") {
            let keyPath = "formation[\(index)]"
            checkKeys(entry, known: ["type", "quantity", "size", "command"], in: keyPath)
            guard let type = string(entry, "type", in: keyPath, required: true),
                let quantity = integer(entry, "quantity", in: keyPath),
                let size = string(entry, "size", in: keyPath, required: true)
            else { continue }
            snapshot.formation.append(SnapshotFormation(
                type: type, quantity: quantity, size: size, command: string(entry, "command", in: keyPath),
                location: located(entry.location, keyPath)))
        }
        for (index, entry) in objects(root, "addons") {
            let keyPath = "addons[\(index)]"
            checkKeys(entry, known: ["name", "service", "plan", "attachments", "config_vars", "owner_app"], in: keyPath)
            guard let name = string(entry, "name", in: keyPath, required: true),
                let service = string(entry, "service", in: keyPath, required: true)
            else { continue }
            snapshot.addons.append(SnapshotAddon(
                name: name, service: service, plan: string(entry, "plan", in: keyPath) ?? "",
                attachments: strings(entry, "attachments", in: keyPath).map(\.value),
                configVars: strings(entry, "config_vars", in: keyPath).map(\.value),
                ownerApp: string(entry, "owner_app", in: keyPath), location: located(entry.location, keyPath)))
        }
        snapshot.configVarNames = strings(root, "config_vars")
        for (index, entry) in objects(root, "domains") {
            let keyPath = "domains[\(index)]"
            checkKeys(entry, known: ["hostname", "kind"], in: keyPath)
            guard let hostname = string(entry, "hostname", in: keyPath, required: true) else { continue }
            snapshot.domains.append(SnapshotDomain(
                hostname: hostname, kind: string(entry, "kind", in: keyPath) ?? "custom",
                location: located(entry.member("hostname")?.value.location ?? entry.location, keyPath)))
        }
        snapshot.features = strings(root, "features")
        for (index, entry) in objects(root, "log_drains") {
            let keyPath = "log_drains[\(index)]"
            checkKeys(entry, known: ["addon"], in: keyPath)
            snapshot.logDrains.append(SnapshotLogDrain(
                addon: string(entry, "addon", in: keyPath), location: located(entry.location, keyPath)))
        }
        snapshot.sniEndpoints = strings(root, "sni_endpoints")
        for (index, entry) in objects(root, "scheduler_jobs") {
            let keyPath = "scheduler_jobs[\(index)]"
            checkKeys(entry, known: ["command", "every", "at", "dyno_size"], in: keyPath)
            guard let command = string(entry, "command", in: keyPath, required: true),
                let every = integer(entry, "every", in: keyPath)
            else { continue }
            let job = SnapshotSchedulerJob(
                command: command, every: every, at: integer(entry, "at", in: keyPath, required: false) ?? 0,
                dynoSize: string(entry, "dyno_size", in: keyPath), location: located(entry.location, keyPath))
            guard job.schedule != nil else {
                diagnostics.error(
                    .snapshotWrongType, "\(keyPath) runs every \(job.every) minutes at \(job.at), which is not a "
                        + "Heroku Scheduler schedule", at: job.location,
                    hint: "\"every\" is 10, 60 or 1440 and \"at\" the minute of the hour or of the day")
                continue
            }
            snapshot.schedulerJobs.append(job)
        }
        return snapshot
    }

    func located(_ location: SourceLocation, _ keyPath: String) -> SourceLocation {
        var location = location
        location.keyPath = keyPath
        return location
    }

    mutating func wrongType(_ node: JSONNode, _ keyPath: String, expected: String) {
        diagnostics.error(
            .snapshotWrongType, "\(keyPath) is \(node.kindDescription), expected \(expected)",
            at: located(node.location, keyPath), hint: "write the snapshot again with `translate import`")
    }

    mutating func checkKeys(_ object: JSONNode, known: [String], in keyPath: String) {
        for member in object.members ?? [] where !known.contains(member.key) {
            let full = keyPath.isEmpty ? member.key : "\(keyPath).\(member.key)"
            diagnostics.warning(
                .snapshotUnknownKey, "unknown key \"\(full)\" in the snapshot is ignored",
                at: located(member.keyLocation, full))
        }
    }

    mutating func string(_ object: JSONNode, _ key: String, in keyPath: String, required: Bool = false) -> String? {
        let full = keyPath.isEmpty ? key : "\(keyPath).\(key)"
        guard let member = object.member(key) else {
            if required {
                diagnostics.error(.snapshotWrongType, "\(keyPath) has no \"\(key)\"", at: located(object.location,
                    keyPath), hint: "write the snapshot again with `translate import`")
            }
            return nil
        }
        if case .null = member.value.value, !required { return nil }
        guard let text = member.value.stringValue else {
            wrongType(member.value, full, expected: "a string")
            return nil
        }
        return text
    }

    mutating func integer(_ object: JSONNode, _ key: String, in keyPath: String, required: Bool = true) -> Int? {
        guard let member = object.member(key) else {
            if required {
                diagnostics.error(.snapshotWrongType, "\(keyPath) has no \"\(key)\"", at: located(object.location,
                    keyPath), hint: "write the snapshot again with `translate import`")
            }
            return nil
        }
        guard case .number(let text) = member.value.value, let value = Int(text), value >= 0, value <= 100_000 else {
            wrongType(member.value, "\(keyPath).\(key)", expected: "a whole number from 0 to 100000")
            return nil
        }
        return value
    }

    mutating func strings(_ object: JSONNode, _ key: String, in keyPath: String = "") -> [SnapshotEntry] {
        let full = keyPath.isEmpty ? key : "\(keyPath).\(key)"
        guard let node = object.member(key)?.value else { return [] }
        guard let elements = node.elements else {
            wrongType(node, full, expected: "an array of strings")
            return []
        }
        return elements.enumerated().compactMap { index, element in
            guard let text = element.stringValue else {
                wrongType(element, "\(full)[\(index)]", expected: "a string")
                return nil
            }
            return SnapshotEntry(text, location: located(element.location, "\(full)[\(index)]"))
        }
    }

    mutating func objects(_ root: JSONNode, _ key: String) -> [(Int, JSONNode)] {
        guard let node = root.member(key)?.value else { return [] }
        guard let elements = node.elements else {
            wrongType(node, key, expected: "an array")
            return []
        }
        return elements.enumerated().compactMap { index, element in
            guard element.members != nil else {
                wrongType(element, "\(key)[\(index)]", expected: "an object")
                return nil
            }
            return (index, element)
        }
    }
}
