import Translator

/// Rewrites a convox.yml the way Convox's loader sees it (convox/convox:pkg/manifest `Load`, `ApplyDefaults`,
/// `CombineEnv`), so two manifests that deploy the same app compare equal: `scale: 2` is `scale: {count: 2}`,
/// `port: 3000` is `port: http:3000`, `health: /` is the default health check, the top-level `environment` is
/// prepended to every service's, and environment order does not matter (`KEY` and `KEY=` stay different).
/// Values the loader would reject are kept as written; `lint` reports them.
public struct ConvoxManifestNormalizer: Sendable {
    public var generation: ConversionOptions.Generation

    public init(generation: ConversionOptions.Generation = .three) {
        self.generation = generation
    }

    public func normalize(_ root: YAMLNode) -> YAMLNode {
        guard let pairs = root.pairs else { return root }
        let topEnvironment = root.pair("environment")
        var result: [YAMLPair] = []
        for pair in pairs {
            switch pair.name {
            case "environment":
                // Merged into each service below, as Convox's CombineEnv does; kept only when no service takes it.
                if root["services"]?.pairs?.isEmpty ?? true {
                    result.append(YAMLPair(key: pair.key, value: environment([pair.value], line: pair.key.line)))
                }
            case "services":
                result.append(YAMLPair(key: pair.key, value: mapEntries(pair.value) { service in
                    normalizeService(service, topEnvironment: topEnvironment)
                }))
            case "resources":
                result.append(YAMLPair(key: pair.key, value: mapEntries(pair.value, normalizeResource)))
            case "timers":
                result.append(YAMLPair(key: pair.key, value: mapEntries(pair.value, normalizeTimer)))
            default:
                result.append(YAMLPair(key: pair.key, value: canonical(pair.value)))
            }
        }
        return YAMLNode(.mapping(sortedPairs(result)), line: root.line, column: root.column)
    }

    private func mapEntries(_ node: YAMLNode, _ transform: (YAMLPair) -> YAMLNode) -> YAMLNode {
        guard let pairs = node.pairs else { return canonical(node) }
        return YAMLNode(.mapping(sortedPairs(pairs.map { YAMLPair(key: $0.key, value: transform($0)) })),
            line: node.line, column: node.column)
    }

    // MARK: Services

    private func normalizeService(_ entry: YAMLPair, topEnvironment: YAMLPair?) -> YAMLNode {
        let service = entry.value
        guard let pairs = service.pairs ?? (service.isNull ? [] : nil) else { return canonical(service) }
        let line = entry.key.line
        var fields = Fields(line: line)
        for pair in pairs {
            switch pair.name {
            case "build": fields.set(pair, normalizeBuild(pair.value, line: pair.key.line))
            case "port": fields.set(pair, normalizePort(pair.value))
            case "scale": fields.set(pair, normalizeScale(pair.value))
            case "health": fields.set(pair, normalizeHealth(pair.value, line: pair.key.line))
            case "domain": fields.set(pair, setLike(pair.value, separator: ","))
            case "resources": fields.set(pair, setLike(pair.value, separator: nil))
            case "environment": break
            case "command": fields.set(pair, canonical(pair.value, trimming: true))
            default: fields.set(pair, canonical(pair.value))
            }
        }
        let environments = [topEnvironment?.value, service["environment"]].compactMap { $0 }
        // Always present (maybe empty), so differences are listed per variable rather than as a whole list.
        var combined = environment(environments, line: service.pair("environment")?.key.line ?? line)
        if generation == .three, let port = fields.value("port")?["port"]?.scalarText, Int(port) ?? 0 > 0 {
            combined = withoutEntry("PORT=\(port)", in: combined)
        }
        fields.set("environment", combined)
        if service["image"] == nil { fields.default("build", normalizeBuild(.plain(".", line: line), line: line)) }
        fields.default("health", normalizeHealth(.plain("/", line: line), line: line))
        fields.default("scale", normalizeScale(YAMLNode(.mapping([]), line: line, column: 0)))
        let isAgentOrSingleton = [service["agent"], service["singleton"]].contains { $0.map(isTrue) ?? false }
        fields.default("deployment", mapping([
            ("minimum", isAgentOrSingleton ? "0" : "50"), ("maximum", isAgentOrSingleton ? "100" : "200"),
        ], line: line))
        fields.fill("deployment", defaults: [("minimum", isAgentOrSingleton ? "0" : "50"),
            ("maximum", isAgentOrSingleton ? "100" : "200")])
        fields.default("termination", mapping([("grace", "30")], line: line))
        fields.fill("termination", defaults: [("grace", "30")])
        for (key, value) in ["agent": "false", "internal": "false", "singleton": "false"].sorted(by: { $0.0 < $1.0 }) {
            fields.default(key, .plain(value, line: line))
        }
        // ApplyDefaults of both generations (convox/convox and convox/rack pkg/manifest): `drain` 0 or absent is 30.
        if fields.value("drain")?.scalarText == "0" { fields.set("drain", .plain("30", line: line)) }
        fields.default("drain", .plain("30", line: line))
        if generation == .three {
            // Generation 3 only: `timeout` 0 or absent is 60; liveness without a path is no probe, with one it gets
            // grace 10, interval 5, timeout 5, successThreshold 1, failureThreshold 3.
            if fields.value("timeout")?.scalarText == "0" { fields.set("timeout", .plain("60", line: line)) }
            if let liveness = fields.value("liveness") {
                if (liveness["path"]?.scalarText ?? "").trimmingCharacters(in: " \t\n").isEmpty {
                    fields.pairs.removeAll { $0.name == "liveness" }
                } else {
                    fields.fill("liveness", defaults: [("grace", "10"), ("interval", "5"), ("timeout", "5"),
                        ("successThreshold", "1"), ("failureThreshold", "3")])
                }
            }
            fields.default("sticky", .plain("false", line: line))
            fields.default("timeout", .plain("60", line: line))
            fields.default("init", .plain("true", line: line))
            fields.default("internalRouter", .plain("false", line: line))
            fields.default("tls", mapping([("redirect", "true")], line: line))
            fields.fill("tls", defaults: [("redirect", "true")])
        } else {
            fields.default("sticky", .plain("true", line: line))
        }
        return YAMLNode(.mapping(sortedPairs(fields.pairs)), line: service.line, column: service.column)
    }

    /// `build: path` and `health: /path` are short for a mapping with that one key; nil for anything else.
    private func shorthandFields(_ node: YAMLNode, key: String, whenEmpty: String, line: Int) -> Fields? {
        var fields = Fields(line: line)
        if let text = node.scalarText {
            fields.set(key, .plain(text.isEmpty ? whenEmpty : text, line: node.line, column: node.column))
        } else if let pairs = node.pairs {
            for pair in pairs { fields.set(pair, canonical(pair.value)) }
        } else {
            return nil
        }
        return fields
    }

    private func normalizeBuild(_ node: YAMLNode, line: Int) -> YAMLNode {
        guard var fields = shorthandFields(node, key: "path", whenEmpty: ".", line: line) else {
            return canonical(node)
        }
        fields.default("path", .plain(".", line: line))
        fields.default("manifest", .plain("Dockerfile", line: line))
        return YAMLNode(.mapping(sortedPairs(fields.pairs)), line: node.line, column: node.column)
    }

    /// `3000`, `https:3000` and `{port: 3000, scheme: https}` all become `{port, scheme}` (scheme defaults to http).
    private func normalizePort(_ node: YAMLNode) -> YAMLNode {
        var port: YAMLNode?
        var scheme: YAMLNode?
        if let text = node.scalarText {
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2 {
                scheme = .plain(parts[0].lowercased(), line: node.line, column: node.column)
                port = .plain(String(parts[1]), line: node.line, column: node.column)
            } else {
                port = canonical(node)
            }
        } else if let pairs = node.pairs {
            port = pairs.last { $0.name == "port" }.map { canonical($0.value) }
            scheme = pairs.last { $0.name == "scheme" }.map {
                .plain(($0.value.scalarText ?? "").lowercased(), line: $0.value.line, column: $0.value.column)
            }
        } else {
            return canonical(node)
        }
        return YAMLNode(.mapping([
            YAMLPair(key: .plain("port", line: node.line), value: port ?? .plain("", line: node.line)),
            YAMLPair(key: .plain("scheme", line: node.line), value: scheme ?? .plain("http", line: node.line)),
        ]), line: node.line, column: node.column)
    }

    /// `2`, `"1-3"` and `{count: ..., cpu, memory}`, with count 1, cpu 250 (256 on generation 2) and memory 512.
    private func normalizeScale(_ node: YAMLNode) -> YAMLNode {
        var fields = Fields(line: node.line)
        if node.scalarText != nil {
            fields.set("count", normalizeCount(node))
        } else if let pairs = node.pairs {
            for pair in pairs {
                fields.set(pair, pair.name == "count" ? normalizeCount(pair.value) : canonical(pair.value))
            }
        } else {
            return canonical(node)
        }
        fields.default("count", .plain("1", line: node.line))
        fields.default("cpu", .plain(generation == .three ? "250" : "256", line: node.line))
        fields.default("memory", .plain("512", line: node.line))
        if generation == .two {
            // convox/rack ApplyDefaults: autoscaling cooldowns of 60 s each way unless `cooldown` is written.
            fields.default("cooldown", mapping([("down", "60"), ("up", "60")], line: node.line))
        }
        return YAMLNode(.mapping(sortedPairs(fields.pairs)), line: node.line, column: node.column)
    }

    /// A count is `N` or `min-max`; `{min: 1, max: 1}` and `"1-1"` are both `1`.
    private func normalizeCount(_ node: YAMLNode) -> YAMLNode {
        var bounds: (String, String)?
        if let text = node.scalarText {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: " ")
            }
            if parts.count == 2 { bounds = (parts[0], parts[1]) }
        } else if let minimum = node["min"]?.scalarText, let maximum = node["max"]?.scalarText {
            bounds = (minimum, maximum)
        }
        guard let (minimum, maximum) = bounds else { return canonical(node) }
        let text = canonicalNumber(minimum) == canonicalNumber(maximum)
            ? canonicalNumber(minimum) : "\(canonicalNumber(minimum))-\(canonicalNumber(maximum))"
        return .plain(text, line: node.line, column: node.column)
    }

    /// Path `/`, interval 5, grace = interval, timeout = interval - 1 (Convox's ApplyDefaults).
    private func normalizeHealth(_ node: YAMLNode, line: Int) -> YAMLNode {
        guard var fields = shorthandFields(node, key: "path", whenEmpty: "/", line: line) else {
            return canonical(node)
        }
        fields.default("path", .plain("/", line: line))
        let interval = Int(fields.value("interval")?.scalarText ?? "") ?? 5
        fields.default("interval", .plain("5", line: line))
        fields.default("grace", .plain(String(interval), line: line))
        fields.default("timeout", .plain(String(interval - 1), line: line))
        return YAMLNode(.mapping(sortedPairs(fields.pairs)), line: node.line, column: node.column)
    }

    // MARK: Environment

    /// The combined `environment` lists as a mapping KEY -> entry as written (`KEY`, `KEY=`, `KEY=value`);
    /// a later list wins for the same key, as in Convox's CombineEnv. Nested lists are flattened.
    /// Linear in the number of entries: a later entry blanks the earlier slots of its key through an index by name
    /// (removing from the array instead made 40,000 entries take minutes).
    private func environment(_ lists: [YAMLNode], line: Int) -> YAMLNode {
        var slots: [YAMLPair?] = []
        var slotsByName: [String: [Int]] = [:]
        func add(_ item: YAMLNode) {
            if let items = item.items {
                items.forEach(add)
                return
            }
            guard let text = item.scalarText else {
                let name = item.compactText
                slotsByName[name, default: []].append(slots.count)
                slots.append(YAMLPair(key: .plain(name, line: item.line), value: canonical(item)))
                return
            }
            let key = String(text.prefix { $0 != "=" })
            for index in slotsByName[key] ?? [] { slots[index] = nil }
            slotsByName[key] = [slots.count]
            slots.append(YAMLPair(
                key: .plain(key, line: item.line, column: item.column),
                value: .plain(text, line: item.line, column: item.column)))
        }
        for list in lists { add(list) }
        return YAMLNode(.mapping(sortedPairs(slots.compactMap { $0 })), line: line, column: 0)
    }

    /// Generation 3 sets PORT to the service's port (convox/convox provider/k8s/helpers.go `serviceEnvironment`,
    /// when the port is above 0), so a written `PORT=<that port>` default changes nothing and is left out.
    private func withoutEntry(_ entry: String, in environment: YAMLNode) -> YAMLNode {
        guard let pairs = environment.pairs, pairs.contains(where: { $0.value.scalarText == entry }) else {
            return environment
        }
        return YAMLNode(.mapping(pairs.filter { $0.value.scalarText != entry }), line: environment.line,
            column: environment.column)
    }

    /// The entries of `root`'s top-level `environment` by key (the last one wins), with their lines, as
    /// `ManifestComparison` takes them.
    public func topLevelEnvironment(_ root: YAMLNode) -> [String: (entry: String, line: Int)] {
        guard let list = root["environment"] else { return [:] }
        var entries: [String: (entry: String, line: Int)] = [:]
        for pair in environment([list], line: 0).pairs ?? [] {
            entries[pair.name] = (pair.value.compactText, pair.key.line)
        }
        return entries
    }

    // MARK: Resources and timers

    private func normalizeResource(_ entry: YAMLPair) -> YAMLNode {
        let resource = entry.value
        guard let pairs = resource.pairs else { return canonical(resource) }
        var fields = Fields(line: entry.key.line)
        for pair in pairs {
            if pair.name == "options", let options = pair.value.pairs {
                // Convox reads options into a string map, so unquoted numbers become text (Go formats floats).
                fields.set(pair, YAMLNode(.mapping(sortedPairs(options.map { option in
                    YAMLPair(key: option.key, value: .plain(
                        option.value.isPlainScalar ? canonicalNumber(option.value.scalarText ?? "")
                            : option.value.scalarText ?? option.value.compactText,
                        line: option.value.line, column: option.value.column))
                })), line: pair.value.line, column: pair.value.column))
            } else {
                fields.set(pair, canonical(pair.value))
            }
        }
        fields.default("options", YAMLNode(.mapping([]), line: entry.key.line, column: 0))
        return YAMLNode(.mapping(sortedPairs(fields.pairs)), line: resource.line, column: resource.column)
    }

    /// Generation 3 keeps the first five cron fields and reads a standalone `?` as `*` (ApplyCompatibility);
    /// `concurrency` is title-cased and `Allow` is the default, `parallelCount` 0 or 1 runs one pod.
    private func normalizeTimer(_ entry: YAMLPair) -> YAMLNode {
        let timer = entry.value
        guard let pairs = timer.pairs else { return canonical(timer) }
        var fields = Fields(line: entry.key.line)
        for pair in pairs {
            if pair.name == "schedule", generation == .three, let text = pair.value.scalarText {
                let cronFields = text.split(separator: " ").prefix(5).map { $0 == "?" ? "*" : String($0) }
                fields.set(pair, .plain(cronFields.joined(separator: " "), line: pair.value.line,
                    column: pair.value.column))
            } else if pair.name == "concurrency", generation == .three, let text = pair.value.scalarText {
                // provider/k8s/release.go title-cases it; empty leaves the CronJob's default, Allow.
                let policy = text.prefix(1).uppercased() + text.dropFirst()
                if policy != "Allow" && !policy.isEmpty {
                    fields.set(pair, .plain(policy, line: pair.value.line, column: pair.value.column))
                }
            } else if pair.name == "parallelCount", generation == .three, let count = Int(pair.value.scalarText ?? ""),
                count <= 1
            {
                continue  // the timer template runs one pod unless parallelCount is above 1
            } else {
                fields.set(pair, canonical(pair.value, trimming: pair.name == "command"))
            }
        }
        return YAMLNode(.mapping(sortedPairs(fields.pairs)), line: timer.line, column: timer.column)
    }

    // MARK: Scalars

    /// Booleans, numbers and null spelled one way (YAML 1.1 as Go's yaml.v2 reads plain scalars); quoted text and
    /// collections kept as they are, with mapping keys sorted.
    func canonical(_ node: YAMLNode, trimming: Bool = false) -> YAMLNode {
        switch node.content {
        case .scalar(let text, let style):
            var value = text
            if style == .plain {
                if ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"].contains(text) {
                    value = "true"
                } else if ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"].contains(text) {
                    value = "false"
                } else if node.isNull {
                    value = ""
                } else {
                    value = canonicalNumber(text)
                }
            }
            if trimming { value = value.trimmingCharacters(in: " \t\n") }
            return YAMLNode(.scalar(value, style == .plain ? .plain : .doubleQuoted), line: node.line,
                column: node.column)
        case .sequence(let items):
            return YAMLNode(.sequence(items.map { canonical($0) }), line: node.line, column: node.column)
        case .mapping(let pairs):
            return YAMLNode(.mapping(sortedPairs(pairs.map { YAMLPair(key: $0.key, value: canonical($0.value)) })),
                line: node.line, column: node.column)
        }
    }

    /// `007` is `7` and `10.10` is `10.1`, as yaml.v2 reads them; anything that is not a number is unchanged.
    func canonicalNumber(_ text: String) -> String {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text) {
            return String(number)
        }
        if digits.contains("."), digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            digits.filter({ $0 == "." }).count == 1, digits.contains(where: \.isNumber), let number = Double(text)
        {
            let formatted = String(number)
            return formatted.hasSuffix(".0") ? String(formatted.dropLast(2)) : formatted
        }
        return text
    }

    private func isTrue(_ node: YAMLNode) -> Bool { canonical(node).scalarText == "true" }

    /// A comma-separated string or a list, as one sorted, comma-separated value (`domain`, service `resources`).
    private func setLike(_ node: YAMLNode, separator: Character?) -> YAMLNode {
        var values: [String]
        if let text = node.scalarText {
            values = separator.map { text.split(separator: $0).map(String.init) } ?? [text]
        } else if let items = node.items {
            values = items.map { $0.scalarText ?? $0.compactText }
        } else {
            return canonical(node)
        }
        values = values.map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }.sorted()
        return .plain(values.joined(separator: ", "), line: node.line, column: node.column)
    }

    private func mapping(_ entries: [(String, String)], line: Int) -> YAMLNode {
        YAMLNode(.mapping(entries.map { YAMLPair(key: .plain($0.0, line: line), value: .plain($0.1, line: line)) }),
            line: line, column: 0)
    }

    private func sortedPairs(_ pairs: [YAMLPair]) -> [YAMLPair] {
        pairs.sorted { $0.name < $1.name }
    }
}

/// The keys of one mapping being normalised: explicit values first, defaults only where nothing was written.
private struct Fields {
    var line: Int
    var pairs: [YAMLPair] = []

    func value(_ key: String) -> YAMLNode? { pairs.last { $0.name == key }?.value }

    mutating func set(_ pair: YAMLPair, _ value: YAMLNode) {
        pairs.removeAll { $0.name == pair.name }
        pairs.append(YAMLPair(key: pair.key, value: value))
    }

    mutating func set(_ key: String, _ value: YAMLNode) {
        set(YAMLPair(key: .plain(key, line: value.line, column: value.column), value: value), value)
    }

    mutating func `default`(_ key: String, _ value: YAMLNode) {
        if self.value(key) == nil { pairs.append(YAMLPair(key: .plain(key, line: line), value: value)) }
    }

    /// Fills missing keys of a nested mapping the user wrote partly (`deployment: {minimum: 0}`).
    mutating func fill(_ key: String, defaults: [(String, String)]) {
        guard let index = pairs.lastIndex(where: { $0.name == key }), var nested = pairs[index].value.pairs else {
            return
        }
        for (name, value) in defaults where !nested.contains(where: { $0.name == name }) {
            nested.append(YAMLPair(key: .plain(name, line: line), value: .plain(value, line: line)))
        }
        let node = pairs[index].value
        pairs[index].value = YAMLNode(.mapping(nested.sorted { $0.name < $1.name }), line: node.line,
            column: node.column)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
