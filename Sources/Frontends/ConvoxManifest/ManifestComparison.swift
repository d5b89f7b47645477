import Translator

/// One difference between what translate would generate and a hand-written convox.yml, by key path.
public struct ManifestDifference: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case changed
        case onlyInGenerated = "only-in-generated"
        case onlyInManifest = "only-in-manifest"
    }

    /// Dotted key path (`services.web.scale.count`); keys with dots or spaces are quoted.
    public var path: String
    public var kind: Kind
    /// The generated value in one line of flow YAML; nil when only the manifest has it.
    public var generated: String?
    /// The manifest's value; nil when only the generated file has it.
    public var manifest: String?
    /// Line in the manifest of the key (or, when only generated, of the nearest key the manifest has); 0 if none.
    public var line: Int

    public init(path: String, kind: Kind, generated: String?, manifest: String?, line: Int) {
        self.path = path
        self.kind = kind
        self.generated = generated
        self.manifest = manifest
        self.line = line
    }

    /// `services.web.scale.count: generated 2, manifest 3`.
    public var summary: String {
        switch kind {
        case .changed:
            // Both sides masked to the same text: the values differ, but neither may be printed.
            let hiddenNote = generated == manifest ? " (the values differ; --show-values prints them)" : ""
            return "\(path): generated \(generated ?? ""), manifest \(manifest ?? "")" + hiddenNote
        case .onlyInGenerated:
            return "\(path): only in generated" + (generated.map { $0.count <= 60 ? " (\($0))" : "" } ?? "")
        case .onlyInManifest:
            return "\(path): only in manifest" + (manifest.map { $0.count <= 60 ? " (\($0))" : "" } ?? "")
        }
    }
}

/// Compares two normalised manifests (see `ConvoxManifestNormalizer`) structurally, mapping keys in sorted order,
/// so the listing is stable and independent of how either file orders its keys. A key one side lacks and the other
/// holds empty (`resources: []`, `labels: {}`, null) is no difference: Convox's loader reads both as absent.
public enum ManifestComparison {
    /// Each side's top-level `environment` entries by key (`ConvoxManifestNormalizer.topLevelEnvironment`).
    public struct TopLevelEnvironment {
        public var generated: [String: (entry: String, line: Int)]
        public var manifest: [String: (entry: String, line: Int)]

        public init(
            generated: [String: (entry: String, line: Int)] = [:], manifest: [String: (entry: String, line: Int)] = [:]
        ) {
            self.generated = generated
            self.manifest = manifest
        }
    }

    /// `showsValues` false prints values only where `ManifestValueMasking` allows (environment entries by key, on
    /// both sides). A key of a top-level `environment` that differs in every service both sides have, each time
    /// with the top-level entries themselves (no service overrides it), is reported once, as `environment.KEY`.
    public static func differences(
        generated: YAMLNode, manifest: YAMLNode, showsValues: Bool = true,
        topLevelEnvironment: TopLevelEnvironment = TopLevelEnvironment()
    ) -> [ManifestDifference] {
        var found: [Difference] = []
        compare(generated, manifest, path: [], line: manifest.line, into: &found)
        let sharedServices = Set(generated["services"]?.pairs?.map(\.name) ?? [])
            .intersection(manifest["services"]?.pairs?.map(\.name) ?? [])
        found = collapsingTopLevelEnvironment(found, serviceCount: sharedServices.count, top: topLevelEnvironment)
        return found.map { difference in
            ManifestDifference(
                path: render(difference.path), kind: difference.kind,
                generated: difference.generated.map {
                    text(of: $0, path: difference.path, showsValues: showsValues, environmentOnly: true)
                },
                manifest: difference.manifest.map {
                    text(of: $0, path: difference.path, showsValues: showsValues, environmentOnly: false)
                },
                line: difference.line)
        }
    }

    /// One difference before its path and values are rendered.
    struct Difference {
        var path: [String]
        var kind: ManifestDifference.Kind
        var generated: YAMLNode?
        var manifest: YAMLNode?
        var line: Int
    }

    private static func text(of node: YAMLNode, path: [String], showsValues: Bool, environmentOnly: Bool) -> String {
        showsValues ? node.compactText
            : ManifestValueMasking.masked(node, path: path, environmentOnly: environmentOnly).compactText
    }

    /// Null, an empty string and an empty collection: what Convox's loader leaves at its zero value, as if absent.
    static func isEmpty(_ node: YAMLNode) -> Bool {
        switch node.content {
        case .scalar(let text, _): return text.isEmpty || node.isNull
        case .sequence(let items): return items.isEmpty
        case .mapping(let pairs): return pairs.isEmpty
        }
    }

    private static func compare(
        _ generated: YAMLNode, _ manifest: YAMLNode, path: [String], line: Int, into result: inout [Difference]
    ) {
        switch (generated.content, manifest.content) {
        case let (.mapping(left), .mapping(right)):
            let keys = Array(Set(left.map(\.name)).union(right.map(\.name))).sorted()
            // The last pair of each name, as the `.last` lookups did; looked up only, so 100,000 services stay linear.
            let mineByName = Dictionary(left.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
            let theirsByName = Dictionary(right.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
            for key in keys {
                let mine = mineByName[key]
                let theirs = theirsByName[key]
                let childPath = path + [key]
                switch (mine, theirs) {
                case let (.some(mine), .some(theirs)):
                    compare(mine.value, theirs.value, path: childPath, line: theirs.key.line, into: &result)
                case let (.some(mine), nil):
                    if isEmpty(mine.value) { continue }
                    result.append(Difference(
                        path: childPath, kind: .onlyInGenerated, generated: mine.value, manifest: nil, line: line))
                case let (nil, .some(theirs)):
                    if isEmpty(theirs.value) { continue }
                    result.append(Difference(
                        path: childPath, kind: .onlyInManifest, generated: nil, manifest: theirs.value,
                        line: theirs.key.line))
                case (nil, nil):
                    break
                }
            }
        case let (.sequence(left), .sequence(right)) where left.count == right.count:
            for (offset, (mine, theirs)) in zip(left, right).enumerated() {
                compare(mine, theirs, path: path + ["[\(offset)]"], line: theirs.line, into: &result)
            }
        case let (.scalar(left, _), .scalar(right, _)) where left == right:
            break
        default:
            if isEmpty(generated) && isEmpty(manifest) { return }
            if generated.compactText != manifest.compactText {
                result.append(Difference(
                    path: path, kind: .changed, generated: generated, manifest: manifest, line: line))
            }
        }
    }

    /// `services.NAME.environment.KEY` differences that are the same in every service both sides have, for a key
    /// of a top-level `environment`, become one `environment.KEY` difference (Convox prepends that list to each
    /// service's, so it was written once). Linear in the differences.
    static func collapsingTopLevelEnvironment(
        _ differences: [Difference], serviceCount: Int, top: TopLevelEnvironment
    ) -> [Difference] {
        guard serviceCount > 0, !top.generated.isEmpty || !top.manifest.isEmpty else { return differences }
        var groups: [String: [Int]] = [:]
        for (index, difference) in differences.enumerated() {
            let path = difference.path
            guard path.count == 4, path[0] == "services", path[2] == "environment" else { continue }
            let key = path[3]
            // Only a difference made of the top-level entries themselves: a service's own entry overrides them.
            guard top.generated[key] != nil || top.manifest[key] != nil,
                difference.generated?.compactText == top.generated[key]?.entry,
                difference.manifest?.compactText == top.manifest[key]?.entry
            else { continue }
            groups[key, default: []].append(index)
        }
        var lineByKey: [String: Int] = [:]
        for (key, entry) in top.manifest { lineByKey[key] = entry.line }
        var replaced: [Int: Difference] = [:]
        var dropped = Set<Int>()
        for (key, indices) in groups where indices.count == serviceCount {
            guard let first = indices.first else { continue }
            var collapsed = differences[first]
            collapsed.path = ["environment", key]
            if let line = lineByKey[key], line > 0 { collapsed.line = line }
            replaced[first] = collapsed
            dropped.formUnion(indices.dropFirst())
        }
        guard !replaced.isEmpty else { return differences }
        var collapsed: [Difference] = []
        var rest: [Difference] = []
        for (index, difference) in differences.enumerated() where !dropped.contains(index) {
            if let top = replaced[index] { collapsed.append(top) } else { rest.append(difference) }
        }
        collapsed.sort { $0.path[1] < $1.path[1] }
        // Top-level keys are compared in sorted order, so `environment` goes before the first key after it.
        let insertion = rest.firstIndex { ($0.path.first ?? "") > "environment" } ?? rest.count
        rest.insert(contentsOf: collapsed, at: insertion)
        return rest
    }

    static func render(_ path: [String]) -> String {
        var text = ""
        for component in path {
            if component.hasPrefix("[") {
                text += component
                continue
            }
            let isPlain = !component.isEmpty
                && component.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "*" }
            if !text.isEmpty { text += "." }
            text += isPlain ? component : YAMLQuoting.doubleQuoted(component)
        }
        return text.isEmpty ? "(document)" : text
    }
}
