import Translator

extension DiagnosticID {
    static let importInvalidResponse: DiagnosticID = "import.invalid-response"
    static let importUnknownField: DiagnosticID = "import.unknown-field"
    static let importNoSlug: DiagnosticID = "import.no-slug"
}

/// The Heroku Platform API's answers (or the `heroku ... --json` outputs a user saved) for one app, as files:
/// each list endpoint may have come in several pages. Shapes follow devcenter's platform-api-reference and what
/// heroku/cli prints (`addons --json` embeds each add-on's `attachments`; `apps:info --json` wraps the app in
/// `{"app": ...}`; `releases:info --json` is one release).
public struct PlatformAPIResponses: Sendable {
    public var app: InputFile
    public var buildpackInstallations: [InputFile] = []
    public var formation: [InputFile] = []
    /// `GET /apps/{app}/releases` pages (newest first), or one release object.
    public var releases: [InputFile] = []
    public var slug: InputFile?
    public var addons: [InputFile] = []
    /// `GET /apps/{app}/addon-attachments`; empty when the add-ons carry their own `attachments`.
    public var attachments: [InputFile] = []
    public var configVars: InputFile?
    public var domains: [InputFile] = []
    public var features: [InputFile] = []
    public var logDrains: [InputFile] = []
    public var sniEndpoints: [InputFile] = []
    /// The Scheduler dashboard's `{"data": [jobs]}`, nil when the app has no Scheduler add-on.
    public var schedulerJobs: InputFile?

    public init(app: InputFile) { self.app = app }
}

/// Turns Platform API responses into a snapshot and the config var values. Whatever is read is named in a
/// whitelist, so nothing outside it (drain URLs, tokens, certificates, blob URLs) can reach the snapshot; a field
/// that is neither read nor known to be left out is reported by name, never by value.
public struct PlatformAPIReader {
    public var diagnostics = Diagnostics()

    public init() {}

    /// The app's id (the Scheduler dashboard's API is keyed by it) and name.
    public mutating func appIdentity(_ file: InputFile) -> (id: String, name: String)? {
        guard let app = appObject(file), let name = string(app, "name", file: file, required: true) else { return nil }
        return (string(app, "id", file: file) ?? name, name)
    }

    /// The slug of the current release: the release marked `current`, else the newest that succeeded.
    public mutating func currentSlugID(_ pages: [InputFile]) -> String? {
        var releases: [(JSONNode, InputFile)] = []
        for page in pages {
            guard let root = parse(page) else { return nil }
            if root.members != nil {
                releases.append((root, page))
            } else if let elements = list(root, file: page, what: "releases") {
                releases += elements.map { ($0, page) }
            }
        }
        let current = releases.first { $0.0.member("current")?.value.value == .bool(true) }
            ?? releases.first { $0.0.member("status")?.value.stringValue == "succeeded" }
        guard let (release, file) = current else {
            diagnostics.warning(
                .importNoSlug, "the app has no current release, so the process types Heroku runs are not recorded",
                at: SourceLocation(file: pages.first?.path ?? "releases"))
            return nil
        }
        reportUnknownFields([release], known: Self.releaseFields, kind: "release", file: file)
        guard let slug = release.member("slug")?.value, let id = slug.members != nil ? string(slug, "id", file: file)
            : nil
        else {
            diagnostics.warning(
                .importNoSlug, "the current release has no slug (a container or a config-only release), so the "
                    + "process types Heroku runs are not recorded", at: release.location)
            return nil
        }
        return id
    }

    /// True when one of the add-ons is Heroku Scheduler (whose jobs live behind another API).
    public mutating func hasScheduler(_ pages: [InputFile]) -> Bool {
        pages.contains { page in
            guard let root = parse(page), let elements = root.elements else { return false }
            return elements.contains { serviceName($0) == "scheduler" }
        }
    }

    /// The snapshot and the config var values, or nil when a response is not what the API returns.
    public mutating func read(_ responses: PlatformAPIResponses) -> (HerokuSnapshot, [(key: String, value: String)])? {
        let errorsBefore = diagnostics.all.filter { $0.severity == .error }.count
        guard let app = appObject(responses.app), let name = string(app, "name", file: responses.app, required: true)
        else { return nil }
        reportUnknownFields([app], known: Self.appFields, kind: "app", file: responses.app)
        var snapshot = HerokuSnapshot(app: SnapshotApp(
            name: name, region: nestedName(app, "region", file: responses.app),
            stack: nestedName(app, "stack", file: responses.app),
            buildStack: nestedName(app, "build_stack", file: responses.app),
            buildpackDescription: string(app, "buildpack_provided_description", file: responses.app)))

        let installations = elements(responses.buildpackInstallations, kind: "buildpack installation",
            known: ["ordinal", "buildpack"])
        snapshot.buildpacks = installations.sorted { ordinal($0.0) < ordinal($1.0) }.compactMap { entry, file in
            guard let buildpack = entry.member("buildpack")?.value, buildpack.members != nil else {
                invalid(entry, "a buildpack installation has no \"buildpack\" object", file: file)
                return nil
            }
            return (string(buildpack, "name", file: file) ?? string(buildpack, "url", file: file, required: true))
                .map { SnapshotEntry($0) }
        }
        for (entry, file) in elements(responses.formation, kind: "formation entry", known: Self.formationFields) {
            guard let type = string(entry, "type", file: file, required: true),
                let quantity = integer(entry, "quantity", file: file),
                let size = string(entry, "size", file: file, required: true)
            else { continue }
            snapshot.formation.append(SnapshotFormation(
                type: type, quantity: quantity, size: size, command: string(entry, "command", file: file)))
        }
        if let slug = responses.slug, let root = parse(slug) {
            if root.members == nil {
                invalid(root, "the slug is \(root.kindDescription), expected an object", file: slug)
            } else {
                reportUnknownFields([root], known: Self.slugFields, kind: "slug", file: slug)
                if let types = root.member("process_types")?.value {
                    if types.members == nil { invalid(types, "slug process_types is not an object", file: slug) }
                    for member in types.members ?? [] {
                        guard let command = member.value.stringValue else {
                            invalid(member.value, "slug process_types.\(member.key) is not a string", file: slug)
                            continue
                        }
                        snapshot.processTypes.append(SnapshotProcessType(name: member.key, command: command))
                    }
                }
            }
        }
        snapshot.addons = addons(responses, appName: name)
        var values: [(key: String, value: String)] = []
        if let file = responses.configVars, let root = parse(file) {
            if root.members == nil {
                invalid(root, "config vars are \(root.kindDescription), expected an object of strings", file: file)
            }
            for member in root.members ?? [] {
                // Heroku returns every value as a string; a null is an unset var.
                if case .null = member.value.value { continue }
                guard let value = member.value.stringValue ?? member.value.scalarText else {
                    invalid(member.value, "config var \(member.key) is \(member.value.kindDescription), expected a "
                        + "string", file: file)
                    continue
                }
                values.append((member.key, value))
                snapshot.configVarNames.append(SnapshotEntry(member.key))
            }
        }
        for (entry, file) in elements(responses.domains, kind: "domain", known: Self.domainFields) {
            guard let hostname = string(entry, "hostname", file: file, required: true) else { continue }
            snapshot.domains.append(SnapshotDomain(hostname: hostname, kind: string(entry, "kind", file: file)
                ?? "custom"))
        }
        for (entry, file) in elements(responses.features, kind: "feature", known: Self.featureFields) {
            guard let feature = string(entry, "name", file: file, required: true) else { continue }
            if entry.member("enabled")?.value.value == .bool(true) { snapshot.features.append(SnapshotEntry(feature)) }
        }
        for (entry, file) in elements(responses.logDrains, kind: "log drain", known: Self.logDrainFields) {
            let addon = entry.member("addon")?.value
            snapshot.logDrains.append(SnapshotLogDrain(
                addon: addon.flatMap { $0.members != nil ? string($0, "name", file: file) : nil }))
        }
        for (entry, file) in elements(responses.sniEndpoints, kind: "SNI endpoint", known: Self.sniFields) {
            if let endpoint = string(entry, "name", file: file, required: true) {
                snapshot.sniEndpoints.append(SnapshotEntry(endpoint))
            }
        }
        if let file = responses.schedulerJobs {
            snapshot.schedulerJobs = schedulerJobs(file)
        }
        let errorsAfter = diagnostics.all.filter { $0.severity == .error }.count
        guard errorsAfter == errorsBefore else { return nil }
        return (HerokuSnapshotDocument.normalized(snapshot), values)
    }

    func ordinal(_ entry: JSONNode) -> Int {
        if case .number(let text) = entry.member("ordinal")?.value.value { return Int(text) ?? Int.max }
        return Int.max
    }

    mutating func addons(_ responses: PlatformAPIResponses, appName: String) -> [SnapshotAddon] {
        var attachmentsByAddon: [String: [String]] = [:]
        let separate = elements(responses.attachments, kind: "add-on attachment", known: Self.attachmentFields)
        for (entry, file) in separate {
            guard let attachment = string(entry, "name", file: file, required: true),
                let addon = entry.member("addon")?.value, let addonName = string(addon, "name", file: file)
            else { continue }
            // `/addon-attachments` may list attachments to other apps; only this app's names are its config vars.
            if let onApp = entry.member("app")?.value, let onName = string(onApp, "name", file: file),
                onName != appName
            { continue }
            attachmentsByAddon[addonName, default: []].append(attachment)
        }
        var result: [SnapshotAddon] = []
        for (entry, file) in elements(responses.addons, kind: "add-on", known: Self.addonFields) {
            guard let name = string(entry, "name", file: file, required: true) else { continue }
            guard let service = serviceName(entry) else {
                invalid(entry, "add-on \(name) has no addon_service.name", file: file)
                continue
            }
            var attachments = attachmentsByAddon[name] ?? []
            if separate.isEmpty {
                for attachment in entry.member("attachments")?.value.elements ?? [] {
                    let onName = attachment.member("app")?.value.member("name")?.value.stringValue
                    if let attachmentName = attachment.member("name")?.value.stringValue, onName == nil
                        || onName == appName
                    { attachments.append(attachmentName) }
                }
            }
            let owner = entry.member("app")?.value.member("name")?.value.stringValue
            let configVars = (entry.member("config_vars")?.value.elements ?? []).compactMap(\.stringValue)
            result.append(SnapshotAddon(
                name: name, service: service,
                plan: entry.member("plan")?.value.member("name")?.value.stringValue ?? "",
                attachments: attachments, configVars: configVars, ownerApp: owner == appName ? nil : owner))
        }
        return result
    }

    mutating func schedulerJobs(_ file: InputFile) -> [SnapshotSchedulerJob] {
        guard let root = parse(file) else { return [] }
        guard let data = root.member("data")?.value.elements ?? root.elements else {
            invalid(root, "the Scheduler's answer is not {\"data\": [jobs]}", file: file)
            return []
        }
        var jobs: [SnapshotSchedulerJob] = []
        var unknown: [String] = []
        for entry in data {
            let attributes = entry.member("attributes")?.value ?? entry
            for member in attributes.members ?? [] where !Self.schedulerFields.contains(member.key)
                && !unknown.contains(member.key)
            { unknown.append(member.key) }
            guard let command = string(attributes, "command", file: file, required: true),
                let every = integer(attributes, "every", file: file)
            else { continue }
            var at = 0
            if let member = attributes.member("at"), member.value.value != .null {
                at = integer(attributes, "at", file: file) ?? 0
            }
            let job = SnapshotSchedulerJob(
                command: command, every: every, at: at, dynoSize: string(attributes, "dyno-size", file: file))
            guard job.schedule != nil else {
                invalid(attributes, "a Scheduler job runs every \(every) minutes at \(at), which the Scheduler does "
                    + "not offer", file: file)
                continue
            }
            jobs.append(job)
        }
        if !unknown.isEmpty { reportUnknown(unknown, kind: "Scheduler job", at: SourceLocation(file: file.path)) }
        return jobs
    }

    // MARK: - Reading helpers

    mutating func parse(_ file: InputFile) -> JSONNode? {
        guard let source = SourceText.decode(file, into: &diagnostics) else { return nil }
        return JSONReader.parse(source, into: &diagnostics)
    }

    /// The app object, bare (the API) or as `heroku apps:info --json` wraps it.
    mutating func appObject(_ file: InputFile) -> JSONNode? {
        guard let root = parse(file) else { return nil }
        guard root.members != nil else {
            invalid(root, "the app is \(root.kindDescription), expected an object", file: file)
            return nil
        }
        if root.member("name") == nil, let wrapped = root.member("app")?.value, wrapped.members != nil {
            return wrapped
        }
        return root
    }

    mutating func list(_ root: JSONNode, file: InputFile, what: String) -> [JSONNode]? {
        guard let elements = root.elements else {
            invalid(root, "\(what) are \(root.kindDescription), expected an array", file: file)
            return nil
        }
        return elements
    }

    /// Every object of every page, with its page; reports non-objects and unknown fields.
    mutating func elements(_ pages: [InputFile], kind: String, known: [String]) -> [(JSONNode, InputFile)] {
        var result: [(JSONNode, InputFile)] = []
        for page in pages {
            let plural = kind.hasSuffix("y") ? kind.dropLast() + "ies" : kind + "s"
            guard let root = parse(page), let elements = list(root, file: page, what: plural) else { continue }
            for element in elements {
                guard element.members != nil else {
                    invalid(element, "a \(kind) is \(element.kindDescription), expected an object", file: page)
                    continue
                }
                result.append((element, page))
            }
            reportUnknownFields(elements, known: known, kind: kind, file: page)
        }
        return result
    }

    mutating func reportUnknownFields(_ objects: [JSONNode], known: [String], kind: String, file: InputFile) {
        var unknown: [String] = []
        var location: SourceLocation?
        for object in objects {
            for member in object.members ?? [] where !known.contains(member.key) && !unknown.contains(member.key) {
                unknown.append(member.key)
                location = location ?? member.keyLocation
            }
        }
        if !unknown.isEmpty { reportUnknown(unknown, kind: kind, at: location ?? SourceLocation(file: file.path)) }
    }

    mutating func reportUnknown(_ fields: [String], kind: String, at location: SourceLocation) {
        diagnostics.warning(
            .importUnknownField,
            "\(kind) field\(fields.count == 1 ? "" : "s") " + fields.map { "\"\($0)\"" }.joined(separator: ", ")
                + " \(fields.count == 1 ? "is" : "are") not read by translate and left out of the snapshot",
            at: location, hint: "if the field matters for the move, carry it over by hand")
    }

    mutating func invalid(_ node: JSONNode, _ message: String, file: InputFile) {
        diagnostics.error(
            .importInvalidResponse, message + " (not what the Heroku Platform API returns)", at: node.location,
            hint: "check --api-url, or save the output again with the command `translate import --print-commands` "
                + "lists")
    }

    mutating func string(_ object: JSONNode, _ key: String, file: InputFile, required: Bool = false) -> String? {
        guard let member = object.member(key), member.value.value != .null else {
            if required { invalid(object, "an object has no \"\(key)\"", file: file) }
            return nil
        }
        guard let text = member.value.stringValue else {
            invalid(member.value, "\"\(key)\" is \(member.value.kindDescription), expected a string", file: file)
            return nil
        }
        return text
    }

    mutating func integer(_ object: JSONNode, _ key: String, file: InputFile) -> Int? {
        guard let member = object.member(key) else {
            invalid(object, "an object has no \"\(key)\"", file: file)
            return nil
        }
        guard case .number(let text) = member.value.value, let value = Int(text), value >= 0, value <= 100_000 else {
            invalid(member.value, "\"\(key)\" is \(member.value.kindDescription), expected a whole number",
                file: file)
            return nil
        }
        return value
    }

    /// `region`, `stack`, `build_stack` are `{"id", "name"}` objects in the API.
    mutating func nestedName(_ object: JSONNode, _ key: String, file: InputFile) -> String? {
        guard let value = object.member(key)?.value, value.value != .null else { return nil }
        if let text = value.stringValue { return text }
        return value.members != nil ? string(value, "name", file: file) : nil
    }

    func serviceName(_ addon: JSONNode) -> String? {
        addon.member("addon_service")?.value.member("name")?.value.stringValue
    }

    // MARK: - Fields each object has in the Platform API reference (read, or left out on purpose)

    static let appFields = ["id", "name", "region", "stack", "build_stack", "buildpack_provided_description", "acm",
        "archived_at", "created_at", "updated_at", "released_at", "git_url", "web_url", "maintenance", "owner",
        "organization", "team", "space", "internal_routing", "repo_size", "slug_size", "generation", "locked",
        "database_size", "cron_next_run", "cron_finished_at", "addons", "collaborators", "dynos", "pipeline_coupling"]
    static let formationFields = ["id", "type", "quantity", "size", "command", "app", "created_at", "updated_at",
        "dyno_size"]
    static let releaseFields = ["id", "version", "current", "status", "slug", "description", "created_at",
        "updated_at", "user", "addon_plan_names", "artifacts", "app", "output_stream_url", "eligible_for_rollback",
        "oci_image"]
    static let slugFields = ["id", "process_types", "stack", "buildpack_provided_description", "blob", "checksum",
        "commit", "commit_description", "created_at", "updated_at", "size"]
    static let addonFields = ["id", "name", "addon_service", "plan", "app", "config_vars", "state",
        "billing_entity", "billed_price", "actions", "created_at", "updated_at", "provider_id", "web_url",
        "attachments"]
    static let attachmentFields = ["id", "name", "addon", "app", "namespace", "log_input_url", "web_url",
        "created_at", "updated_at"]
    static let domainFields = ["id", "hostname", "kind", "cname", "status", "acm_status", "acm_status_reason",
        "app", "sni_endpoint", "created_at", "updated_at"]
    static let featureFields = ["id", "name", "enabled", "description", "doc_url", "state", "display_name",
        "feedback_email", "created_at", "updated_at"]
    static let logDrainFields = ["id", "url", "token", "addon", "app", "created_at", "updated_at"]
    static let sniFields = ["id", "name", "certificate_chain", "cname", "ssl_cert", "domains", "app", "created_at",
        "updated_at", "display_name"]
    static let schedulerFields = ["command", "dyno-size", "every", "at", "ran-at", "created-at", "updated-at",
        "expire-after", "type", "id", "attributes", "links"]
}
