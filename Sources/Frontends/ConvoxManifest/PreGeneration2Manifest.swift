import Translator

/// Convox generation 1 read docker-compose.yml (convox/rack's manifest1: a top-level `version:`, or services at
/// the top level with `image`/`build`, `ports`, `links`). Generation 2 and 3 convox.yml has neither, so comparing
/// one with the other key by key would list every key; `diff` says what the file is instead.
public enum PreGeneration2Manifest {
    /// The key that shows `root` is in the docker-compose schema, with a few words on why; nil for a convox.yml.
    /// (`balancers:` is not evidence: generation 2 and 3 manifests take it, convox/convox pkg/manifest/balancer.go.)
    public static func evidence(in root: YAMLNode) -> (key: YAMLNode, reason: String)? {
        guard let pairs = root.pairs else { return nil }
        if let version = pairs.first(where: { $0.name == "version" }) {
            return (version.key, "a top-level `version:`")
        }
        let convoxKeys: Set<String> = [
            "appSettings", "balancers", "budget", "configs", "environment", "labels", "params", "resources",
            "services", "timers",
        ]
        guard root["services"] == nil else { return nil }
        for pair in pairs where !convoxKeys.contains(pair.name) {
            if let fields = pair.value.pairs?.map(\.name),
                fields.contains("image") || fields.contains("build"),
                fields.contains(where: { ["ports", "links", "expose", "image", "build"].contains($0) })
            {
                let field = fields.contains("image") ? "image" : "build"
                return (pair.key, "services at the top level (`\(pair.name):` with `\(field):`), as "
                    + "docker-compose.yml version 1 wrote them")
            }
        }
        return nil
    }
}
