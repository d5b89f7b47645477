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
            return "\(path): generated \(generated ?? ""), manifest \(manifest ?? "")"
        case .onlyInGenerated:
            return "\(path): only in generated" + (generated.map { $0.count <= 60 ? " (\($0))" : "" } ?? "")
        case .onlyInManifest:
            return "\(path): only in manifest" + (manifest.map { $0.count <= 60 ? " (\($0))" : "" } ?? "")
        }
    }
}

/// Compares two normalised manifests (see `ConvoxManifestNormalizer`) structurally, mapping keys in sorted order,
/// so the listing is stable and independent of how either file orders its keys.
public enum ManifestComparison {
    public static func differences(generated: YAMLNode, manifest: YAMLNode) -> [ManifestDifference] {
        var result: [ManifestDifference] = []
        compare(generated, manifest, path: [], line: manifest.line, into: &result)
        return result
    }

    private static func compare(
        _ generated: YAMLNode, _ manifest: YAMLNode, path: [String], line: Int, into result: inout [ManifestDifference]
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
                    result.append(ManifestDifference(
                        path: render(childPath), kind: .onlyInGenerated, generated: mine.value.compactText,
                        manifest: nil, line: line))
                case let (nil, .some(theirs)):
                    result.append(ManifestDifference(
                        path: render(childPath), kind: .onlyInManifest, generated: nil,
                        manifest: theirs.value.compactText, line: theirs.key.line))
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
            if generated.compactText != manifest.compactText {
                result.append(ManifestDifference(
                    path: render(path), kind: .changed, generated: generated.compactText,
                    manifest: manifest.compactText, line: line))
            }
        }
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
