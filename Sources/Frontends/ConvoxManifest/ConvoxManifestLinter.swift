import Translator

extension DiagnosticID {
    static let lintInvalidName: DiagnosticID = "lint.invalid-name"
    static let lintWrongType: DiagnosticID = "lint.wrong-type"
    static let lintResourceType: DiagnosticID = "lint.resource-type"
    static let lintUnknownResource: DiagnosticID = "lint.unknown-resource"
    static let lintUnknownService: DiagnosticID = "lint.unknown-service"
    static let lintDeploymentBounds: DiagnosticID = "lint.deployment-bounds"
    static let lintInternalRouter: DiagnosticID = "lint.internal-and-internal-router"
    static let lintCronQuestionMark: DiagnosticID = "lint.cron-question-mark"
    static let lintMissingKey: DiagnosticID = "lint.missing-key"
    static let lintRequiredEnvironment: DiagnosticID = "lint.required-environment"
    static let lintInterpolation: DiagnosticID = "lint.interpolation"
    static let lintUnquotedVersion: DiagnosticID = "lint.unquoted-version"
    static let lintListCommand: DiagnosticID = "lint.list-command"
    static let lintUnknownKey: DiagnosticID = "lint.unknown-key"
    static let lintReservedLabel: DiagnosticID = "lint.reserved-label"
    static let lintOutOfRange: DiagnosticID = "lint.out-of-range"
    static let lintEnvironmentName: DiagnosticID = "lint.environment-name"
}

/// Checks a convox.yml with the rules Convox's own loader enforces (convox/convox:pkg/manifest `Load` and
/// `Validate`; errors: Convox would refuse the manifest) and the hazards it accepts silently (warnings: unknown
/// keys, `${...}` that can become empty, unquoted versions). Every manifest translate generates must lint clean.
public struct ConvoxManifestLinter: Sendable {
    public var generation: ConversionOptions.Generation

    public init(generation: ConversionOptions.Generation = .three) {
        self.generation = generation
    }

    static let namePattern = "^[a-z][a-z0-9-]*$"
    static let topLevelKeys = [
        "appSettings", "balancers", "budget", "configs", "environment", "labels", "params", "resources", "services",
        "timers",
    ]
    static let generation2TopLevelKeys = ["environment", "params", "resources", "services", "timers"]
    static let serviceKeys = [
        "accessControl", "agent", "annotations", "build", "certificate", "command", "configMounts", "deployment",
        "disableHostUsers", "dnsConfig", "domain", "drain", "environment", "grpcHealthEnabled", "health", "image",
        "imagePullSecrets", "ingressAnnotations", "init", "initContainer", "internal", "internalRouter", "labels",
        "lifecycle", "liveness", "nodeAffinityLabels", "nodeSelectorLabels", "port", "ports", "privileged",
        "resources", "scale", "securityContext", "singleton", "startupProbe", "sticky", "termination", "test",
        "timeout", "tls", "volumeOptions", "volumes", "whitelist",
    ]
    /// Read by generation 2 only; generation 3 removed them (docs/migration/v2-to-v3.md).
    static let generation2ServiceKeys = ["internalAndExternal", "links", "nlb", "policies", "tags"]
    static let nestedKeys: [String: [String]] = [
        "build": ["args", "manifest", "path"],
        "deployment": ["maximum", "minimum"],
        "health": ["disable", "grace", "interval", "path", "port", "timeout"],
        "initContainer": ["command", "configMounts", "image", "volumeOptions"],
        "port": ["port", "scheme"],
        "scale": [
            "autoscale", "cooldown", "count", "cpu", "gpu", "keda", "limit", "max", "memory", "min", "targets", "vpa",
        ],
        "termination": ["grace"],
        "tls": ["redirect"],
    ]
    static let resourceKeys = ["image", "options", "type"]
    static let timerKeys = ["annotations", "command", "concurrency", "parallelCount", "schedule", "service"]
    static let resourceTypes = [
        "elasticache-memcached", "elasticache-redis", "mariadb", "memcached", "mysql", "postgis", "postgres",
        "rds-mariadb", "rds-mysql", "rds-postgres", "redis",
    ]
    static let generation2ResourceTypes = ["efs", "mariadb", "memcached", "mysql", "postgres", "redis", "valkey"]
    static let reservedLabels = ["app", "name", "rack", "release", "service", "system", "type"]

    public func lint(_ root: YAMLNode, path: String, into diagnostics: inout Diagnostics) {
        var context = Context(path: path, generation: generation)
        context.lint(root)
        diagnostics.append(contentsOf: context.diagnostics)
    }
}

private struct Context {
    var path: String
    var generation: ConversionOptions.Generation
    var diagnostics = Diagnostics()

    typealias Linter = ConvoxManifestLinter

    func at(_ node: YAMLNode, _ keyPath: String? = nil) -> SourceLocation {
        SourceLocation(file: path, line: node.line, column: node.column, keyPath: keyPath)
    }

    mutating func lint(_ root: YAMLNode) {
        guard let top = root.pairs else {
            if !root.isNull {
                diagnostics.error(.lintWrongType, "convox.yml must be a mapping of top-level keys, not "
                    + root.kindDescription, at: at(root), hint: "start with `services:`")
            }
            return
        }
        let allowedTop = generation == .three ? Linter.topLevelKeys : Linter.generation2TopLevelKeys
        checkKeys(top, allowed: allowedTop, where: "at the top level", prefix: "")
        let resources = names(root["resources"], kind: "resource", keyPath: "resources")
        let services = names(root["services"], kind: "service", keyPath: "services")
        // Looked up once per timer and balancer: a scan of 1,000 services for each of 1,000 timers was quadratic.
        let serviceSet = Set(services)
        _ = names(root["timers"], kind: "timer", keyPath: "timers")
        var requiredKeys = OrderedNames()
        var firstRequired: YAMLNode?
        if let environment = root.pair("environment") {
            lintEnvironment(environment.value, keyPath: "environment", required: &requiredKeys, first: &firstRequired)
        }
        for resource in root["resources"]?.pairs ?? [] {
            lintResource(resource)
        }
        for service in root["services"]?.pairs ?? [] {
            lintService(service, resources: resources, required: &requiredKeys, first: &firstRequired)
        }
        for timer in root["timers"]?.pairs ?? [] {
            lintTimer(timer, services: services, serviceSet: serviceSet)
        }
        for balancer in root["balancers"]?.pairs ?? [] {
            let keyPath = "balancers.\(balancer.name)"
            if let target = balancer.value["service"], let name = target.scalarText, !serviceSet.contains(name) {
                diagnostics.error(.lintUnknownService, "balancer \(balancer.name) refers to unknown service \(name)",
                    at: at(target, keyPath + ".service"), hint: hint(name, among: services))
            }
            if balancer.value["service"] == nil {
                diagnostics.error(.lintMissingKey, "balancer \(balancer.name) has blank service",
                    at: at(balancer.key, keyPath), hint: "add `service:` naming the service it sends traffic to")
            }
            if balancer.value["ports"]?.pairs?.isEmpty ?? true {
                diagnostics.error(.lintMissingKey, "balancer \(balancer.name) has no ports",
                    at: at(balancer.key, keyPath), hint: "add `ports:` mapping each source port to a target")
            }
        }
        if let labels = root.pair("labels") { lintLabels(labels, keyPath: "labels") }
        if let first = firstRequired, !requiredKeys.isEmpty {
            diagnostics.note(
                .lintRequiredEnvironment, "Convox refuses to build or promote with `required env: "
                    + requiredKeys.names.joined(separator: ", ") + "` until each is set",
                at: at(first), hint: "set them with `convox env set KEY=value` before the first deploy")
        }
        lintInterpolation(root, keyPath: "", required: requiredKeys)
    }

    // MARK: Names and keys

    mutating func names(_ section: YAMLNode?, kind: String, keyPath: String) -> [String] {
        guard let section else { return [] }
        guard let pairs = section.pairs else {
            if !section.isNull {
                diagnostics.error(.lintWrongType, "`\(keyPath)` must be a mapping of \(kind) names, not "
                    + section.kindDescription, at: at(section, keyPath))
            }
            return []
        }
        for pair in pairs where !isValidName(pair.name) {
            diagnostics.error(
                .lintInvalidName, "\(kind) name \(pair.name) invalid, must contain only lowercase alphanumeric and "
                    + "dashes", at: at(pair.key, "\(keyPath).\(pair.name)"),
                hint: "rename it to match \(Linter.namePattern), for example `\(suggestedName(pair.name))`")
        }
        // Kubernetes limits what Convox names after them (convox/convox provider/k8s/template/app): a service's
        // Deployment and Service (an RFC 1035 label, 63), a timer's CronJob `timer-<name>` (52, so 46 here).
        let limit = generation != .three ? nil : kind == "service" ? 63 : kind == "timer" ? 46 : nil
        for pair in pairs where isValidName(pair.name) {
            guard let limit, pair.name.count > limit else { continue }
            diagnostics.error(
                .lintInvalidName, "\(kind) name \(pair.name) is \(pair.name.count) characters; Kubernetes takes at "
                    + "most \(limit) for a \(kind)'s name, so the deploy fails",
                at: at(pair.key, "\(keyPath).\(pair.name)"),
                hint: "shorten it to at most \(limit) characters")
        }
        return pairs.map(\.name)
    }

    func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    func suggestedName(_ name: String) -> String {
        var result = String(name.lowercased().unicodeScalars.map {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "-"
        })
        if !(result.first?.isLetter ?? false) { result = "p-" + result }
        return result
    }

    /// Convox's YAML library ignores keys it does not know, so a typo silently does nothing.
    mutating func checkKeys(_ pairs: [YAMLPair], allowed: [String], where place: String, prefix: String) {
        for pair in pairs where !allowed.contains(pair.name) {
            let keyPath = prefix.isEmpty ? pair.name : "\(prefix).\(pair.name)"
            if generation == .three, prefix.hasPrefix("services."), Linter.generation2ServiceKeys.contains(pair.name) {
                diagnostics.warning(
                    .lintUnknownKey, "`\(pair.name)` was removed in Convox generation 3; it is ignored",
                    at: at(pair.key, keyPath), hint: "remove it (see Convox's v2-to-v3 migration notes)")
                continue
            }
            var message = "unknown key `\(pair.name)` \(place); Convox ignores it"
            if generation == .two, Linter.topLevelKeys.contains(pair.name) {
                message = "`\(pair.name)` is read by Convox generation 3 only; generation 2 ignores it"
            }
            diagnostics.warning(.lintUnknownKey, message, at: at(pair.key, keyPath),
                hint: hint(pair.name, among: allowed) ?? "remove it, or check the spelling against Convox's docs")
        }
    }

    func hint(_ word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= max(2, word.count / 3) }
        guard let best = scored.min(by: { $0.1 < $1.1 || $0.1 == $1.1 && $0.0 < $1.0 }) else { return nil }
        return "did you mean `\(best.0)`?"
    }

    func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs)
        let right = Array(rhs)
        var previous = Array(0...right.count)
        for (i, leftCharacter) in left.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, rightCharacter) in right.enumerated() {
                current[j + 1] = min(
                    previous[j + 1] + 1, current[j] + 1, previous[j] + (leftCharacter == rightCharacter ? 0 : 1))
            }
            previous = current
        }
        return previous[right.count]
    }

    // MARK: Sections

    mutating func lintResource(_ resource: YAMLPair) {
        let keyPath = "resources.\(resource.name)"
        guard let pairs = resource.value.pairs else {
            diagnostics.error(.lintMissingKey, "resource \"\(resource.name)\" has blank type",
                at: at(resource.key, keyPath),
                hint: "add `type:` (postgres, mysql, mariadb, redis, memcached, ...)")
            return
        }
        checkKeys(pairs, allowed: Linter.resourceKeys, where: "in resource \(resource.name)", prefix: keyPath)
        let types = generation == .three ? Linter.resourceTypes : Linter.generation2ResourceTypes
        if let type = resource.value["type"], let text = type.scalarText, !text.isEmpty {
            if !types.contains(text) {
                diagnostics.warning(
                    .lintResourceType, "resource type `\(text)` is not one Convox generation "
                        + "\(generation.rawValue) provides; the manifest loads but the release fails later",
                    at: at(type, keyPath + ".type"),
                    hint: hint(text, among: types) ?? "use one of " + types.joined(separator: ", "))
            }
            if text.hasPrefix("rds-") || text.hasPrefix("elasticache-") {
                let isValid = resource.name.count <= 20 && !resource.name.hasSuffix("-")
                if !isValid {
                    diagnostics.warning(
                        .lintInvalidName, "\(text) resource name \(resource.name) must be at most 20 characters and "
                            + "not end with '-'; Convox refuses it at promote", at: at(resource.key, keyPath))
                }
            }
        } else {
            diagnostics.error(.lintMissingKey, "resource \"\(resource.name)\" has blank type",
                at: at(resource.key, keyPath), hint: "add `type:` (postgres, mysql, mariadb, redis, memcached, ...)")
        }
        for option in resource.value["options"]?.pairs ?? [] {
            let value = option.value
            guard value.isPlainScalar, let text = value.scalarText else { continue }
            let canonical = ConvoxManifestNormalizer().canonicalNumber(text)
            if text.contains("."), canonical != text || option.name == "version" {
                diagnostics.warning(
                    .lintUnquotedVersion, "`\(option.name): \(text)` is unquoted, so YAML reads it as a number"
                        + (canonical != text ? " and Convox gets \"\(canonical)\"" : ""),
                    at: at(value, "\(keyPath).options.\(option.name)"), hint: "quote it: \(option.name): \"\(text)\"")
            }
        }
    }

    mutating func lintService(
        _ service: YAMLPair, resources: [String], required: inout OrderedNames, first: inout YAMLNode?
    ) {
        let keyPath = "services.\(service.name)"
        guard let pairs = service.value.pairs else {
            if !service.value.isNull {
                diagnostics.error(.lintWrongType, "service \(service.name) must be a mapping, not "
                    + service.value.kindDescription, at: at(service.value, keyPath))
            }
            return
        }
        var allowed = Linter.serviceKeys
        if generation == .two { allowed += Linter.generation2ServiceKeys }
        checkKeys(pairs, allowed: allowed, where: "in service \(service.name)", prefix: keyPath)
        for pair in pairs {
            if let nested = Linter.nestedKeys[pair.name], let nestedPairs = pair.value.pairs {
                checkKeys(nestedPairs, allowed: nested, where: "in \(pair.name)", prefix: "\(keyPath).\(pair.name)")
            }
        }
        lintCommand(service.value.pair("command"), keyPath: keyPath + ".command")
        lintCommand(service.value["initContainer"]?.pair("command"), keyPath: keyPath + ".initContainer.command")
        if let environment = service.value.pair("environment") {
            lintEnvironment(environment.value, keyPath: keyPath + ".environment", required: &required, first: &first)
        }
        for link in service.value["resources"]?.items ?? [] {
            guard let text = link.scalarText else { continue }
            let name = String(text.prefix { $0 != ":" })
            if !resources.contains(name) {
                diagnostics.error(.lintUnknownResource, "service \(service.name) references a resource that does "
                    + "not exist: \(name)", at: at(link, keyPath + ".resources"),
                    hint: hint(name, among: resources) ?? "declare it under the top-level `resources:`")
            }
        }
        if let port = service.value["port"] {
            let text = port.scalarText ?? port["port"]?.scalarText ?? ""
            let number = text.split(separator: ":").last.map(String.init) ?? text
            let isWholeNumber = !number.isEmpty && number.drop { $0 == "-" }.allSatisfy { $0.isASCII && $0.isNumber }
            if port.pairs == nil && port.scalarText == nil || !isWholeNumber {
                diagnostics.error(.lintWrongType, "port `\(port.compactText)` is not a port number", at: at(port),
                    hint: "write `port: 3000` or `port: https:3000`")
            } else if !(Int(number).map { (1...65535).contains($0) } ?? false) {
                diagnostics.error(.lintOutOfRange, "port \(number) is out of range (1 to 65535)",
                    at: at(port, "\(keyPath).port"), hint: "use the port the app listens on, such as 3000")
            }
        }
        lintScaleCount(service.value["scale"], keyPath: keyPath)
        if let deployment = service.value["deployment"] {
            lintBounds(deployment["minimum"], name: "minimum", range: 0...100, keyPath: keyPath)
            lintBounds(deployment["maximum"], name: "maximum", range: 100...200, keyPath: keyPath)
        }
        let isTrue = { (key: String) in
            service.value[key].map { ConvoxManifestNormalizer().canonical($0).scalarText == "true" } ?? false
        }
        if isTrue("internal"), isTrue("internalRouter"), let node = service.value.pair("internalRouter") {
            diagnostics.error(.lintInternalRouter, "can not have both internal and internalRouter set as true",
                at: at(node.key, keyPath + ".internalRouter"), hint: "keep one of them")
        }
        if let labels = service.value.pair("labels") { lintLabels(labels, keyPath: keyPath + ".labels") }
        if generation == .three, let agent = service.value["agent"], agent.pairs != nil {
            diagnostics.error(.lintWrongType, "agent ports are now specified at the service level", at: at(agent),
                hint: "write `agent: true` and list the ports under `ports:`")
        }
    }

    /// `scale: N`, `scale: {count: N}` or `count: MIN-MAX`: Convox reads each bound as an int, so a count too
    /// big for one is an error when the manifest is loaded.
    mutating func lintScaleCount(_ scale: YAMLNode?, keyPath: String) {
        guard let scale, let count = scale.scalarText == nil ? scale["count"] : scale,
            let text = count.scalarText
        else { return }
        for bound in text.split(separator: "-", omittingEmptySubsequences: false)
        where bound.allSatisfy({ $0.isASCII && $0.isNumber }) && !bound.isEmpty && Int32(bound) == nil {
            diagnostics.error(.lintOutOfRange, "scale count \(bound) is out of range",
                at: at(count, "\(keyPath).scale"), hint: "use a count of processes, such as 1 or 2-10")
        }
    }

    mutating func lintBounds(_ node: YAMLNode?, name: String, range: ClosedRange<Int>, keyPath: String) {
        guard let node, let text = node.scalarText else { return }
        guard let value = Int(text) else {
            diagnostics.error(.lintWrongType, "deployment \(name) `\(text)` is not a number", at: at(node))
            return
        }
        if value < range.lowerBound || value > range.upperBound {
            let bound = value < range.lowerBound ? "less than \(range.lowerBound)" : "greater than \(range.upperBound)"
            diagnostics.error(.lintDeploymentBounds, "deployment \(name) can not be \(bound)",
                at: at(node, "\(keyPath).deployment.\(name)"),
                hint: "use \(range.lowerBound) to \(range.upperBound) (percent of the scale count)")
        }
    }

    mutating func lintCommand(_ pair: YAMLPair?, keyPath: String) {
        guard let pair, pair.value.items != nil else { return }
        if generation == .three {
            diagnostics.error(.lintListCommand, "`command` is a list; Convox generation 3 takes a string only "
                + "(cannot unmarshal !!seq into string)", at: at(pair.value, keyPath),
                hint: "write the command as one string; wrap shell syntax as sh -c '...'")
        }
    }

    mutating func lintEnvironment(
        _ node: YAMLNode, keyPath: String, required: inout OrderedNames, first: inout YAMLNode?
    ) {
        guard let items = node.items else {
            if !node.isNull {
                diagnostics.error(.lintWrongType, "`environment` must be a list of KEY or KEY=value strings, not "
                    + node.kindDescription, at: at(node, keyPath), hint: "write each variable as `- KEY=value`")
            }
            return
        }
        for item in items {
            if let nested = item.items {
                lintEnvironment(YAMLNode(.sequence(nested), line: item.line, column: item.column), keyPath: keyPath,
                    required: &required, first: &first)
                continue
            }
            guard let text = item.scalarText else {
                let example = item.pairs?.first.map { "- \($0.name)=\($0.value.scalarText ?? "")" } ?? "- KEY=value"
                diagnostics.error(.lintWrongType, "environment entry `\(item.compactText)` is \(item.kindDescription); "
                    + "Convox needs a string (cannot unmarshal into string)", at: at(item, keyPath),
                    hint: "write it as `\(example)`")
                continue
            }
            let key = text.firstIndex(of: "=").map { String(text[..<$0]) } ?? text
            if text != "*", !AppTranslator.isValidVariableName(key) {
                diagnostics.warning(
                    .lintEnvironmentName, "environment entry `\(key)` is not a valid environment variable name; "
                        + "shells, `convox env set` and docker cannot all pass it on", at: at(item, keyPath),
                    hint: "use letters, digits and _ only, not starting with a digit")
            } else if AppTranslator.convoxVariables.contains(key) {
                diagnostics.warning(
                    .lintEnvironmentName, "environment entry `\(key)` is a variable Convox sets itself; a value "
                        + "here replaces Convox's", at: at(item, keyPath),
                    hint: "rename the variable (and the code reading it), or remove the entry")
            }
            // The byte test first: without an `=` byte no reading of `contains("=")` can find one.
            let hasEquals = text.utf8.contains(UInt8(ascii: "=")) && text.contains("=")
            if !hasEquals, text != "*", !text.isEmpty, !required.contains(text) {
                required.append(text)
                if first == nil { first = item }
            }
        }
    }

    mutating func lintTimer(_ timer: YAMLPair, services: [String], serviceSet: Set<String>) {
        let keyPath = "timers.\(timer.name)"
        guard let pairs = timer.value.pairs else {
            diagnostics.error(.lintWrongType, "timer \(timer.name) must be a mapping with schedule, command and "
                + "service", at: at(timer.value, keyPath))
            return
        }
        checkKeys(pairs, allowed: Linter.timerKeys, where: "in timer \(timer.name)", prefix: keyPath)
        for key in ["schedule", "command"] where timer.value[key]?.scalarText?.isEmpty ?? (timer.value[key] == nil) {
            diagnostics.error(.lintMissingKey, "timer \(timer.name) has no \(key)", at: at(timer.key, keyPath),
                hint: "add `\(key):`")
        }
        let service = timer.value["service"]
        let name = service?.scalarText ?? ""
        if !serviceSet.contains(name) {
            diagnostics.error(.lintUnknownService, "timer \(timer.name) references a service that does not exist: "
                + name, at: at(service ?? timer.key, keyPath + ".service"),
                hint: hint(name, among: services) ?? "name one of the services (a scale-0 `jobs` service is usual)")
        }
        lintCommand(timer.value.pair("command"), keyPath: keyPath + ".command")
        if generation == .three, let schedule = timer.value["schedule"], let text = schedule.scalarText {
            let fields = text.split(separator: " ").prefix(5)
            // The byte test first: Foundation's `contains` is a search through NSString.
            if fields.contains(where: { $0.utf8.contains(UInt8(ascii: "?")) && $0.contains("?") && $0 != "?" }) {
                diagnostics.error(.lintCronQuestionMark, "timer \(timer.name) invalid, schedule cannot contain ?",
                    at: at(schedule, keyPath + ".schedule"), hint: "use `*` (Convox runs timers in UTC)")
            }
        }
    }

    mutating func lintLabels(_ labels: YAMLPair, keyPath: String) {
        guard let pairs = labels.value.pairs else {
            if !labels.value.isNull {
                diagnostics.error(.lintWrongType, "`labels` must be a mapping (cannot unmarshal "
                    + "\(labels.value.items != nil ? "!!seq" : "!!str") into manifest.Labels)",
                    at: at(labels.value, keyPath),
                    hint: "write `labels:` with `key: value` lines under it")
            }
            return
        }
        for pair in pairs where ConvoxManifestLinter.reservedLabels.contains(pair.name) {
            diagnostics.error(.lintReservedLabel, "reserved label key '\(pair.name)' is not allowed",
                at: at(pair.key, "\(keyPath).\(pair.name)"), hint: "pick another label name")
        }
    }

    // MARK: Interpolation

    /// Convox replaces every `${NAME}` in the file with the app's value before reading the YAML, and with an empty
    /// string when NAME is not set. Only a NAME that some `environment` requires is sure to have a value.
    mutating func lintInterpolation(_ node: YAMLNode, keyPath: String, required: OrderedNames) {
        switch node.content {
        case .scalar(let text, _):
            // Bytes first: no `${` among them means Foundation's search cannot find one either (no other sequence is
            // canonically equivalent to `$` `{`), and that search was most of a 1,000-service lint.
            guard text.containsLiteral("${") else { return }
            var rest = text[...]
            while let start = rest.range(of: "${") {
                guard let end = rest[start.upperBound...].firstIndex(of: "}") else { break }
                let name = String(rest[start.upperBound..<end])
                let isName = !name.isEmpty
                    && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
                if !isName {
                    diagnostics.warning(
                        .lintInterpolation, "`${\(name)}` always becomes an empty string: Convox looks up a variable "
                            + "named `\(name)`, which cannot exist", at: at(node, keyPath.isEmpty ? nil : keyPath),
                        hint: "Convox supports only `${NAME}`; write the value, or use $NAME inside sh -c '...'")
                } else if !required.contains(name) {
                    diagnostics.warning(
                        .lintInterpolation, "`${\(name)}` is replaced by the app's \(name) before the YAML is read, "
                            + "and by an empty string when \(name) is not set",
                        at: at(node, keyPath.isEmpty ? nil : keyPath),
                        hint: "declare `- \(name)` under environment so a deploy fails while it is unset, or write the "
                            + "value")
                }
                rest = rest[rest.index(after: end)...]
            }
        case .sequence(let items):
            for item in items { lintInterpolation(item, keyPath: keyPath, required: required) }
        case .mapping(let pairs):
            for pair in pairs {
                lintInterpolation(pair.key, keyPath: keyPath, required: required)
                lintInterpolation(pair.value, keyPath: keyPath.isEmpty ? pair.name : "\(keyPath).\(pair.name)",
                    required: required)
            }
        }
    }
}

/// Names in first-seen order with a set for lookups, so 10,000 `environment` entries stay linear.
struct OrderedNames {
    private(set) var names: [String] = []
    private var members: Set<String> = []

    var isEmpty: Bool { names.isEmpty }

    func contains(_ name: String) -> Bool { members.contains(name) }

    mutating func append(_ name: String) {
        if members.insert(name).inserted { names.append(name) }
    }
}
