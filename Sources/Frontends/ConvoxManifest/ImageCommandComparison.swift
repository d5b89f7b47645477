import Translator

/// A service generated without `command` runs its image's own CMD (heroku.yml without a `run` entry). A
/// hand-written manifest that spells that CMD out as `command:` runs the same thing, so `diff` counts it as equal.
public enum ImageCommandComparison {
    /// `generated` (normalised) with each such service's `command` filled in from the manifest (normalised) when the
    /// manifest's command is the image's CMD, word for word.
    public static func applying(
        _ imageCommands: [(service: String, command: String)], generated: YAMLNode, manifest: YAMLNode
    ) -> YAMLNode {
        guard !imageCommands.isEmpty, let services = generated.pair("services"),
            let servicePairs = services.value.pairs, let theirs = manifest["services"]
        else { return generated }
        var changed = servicePairs
        for (index, pair) in servicePairs.enumerated() {
            guard let imageCommand = imageCommands.first(where: { $0.service == pair.name })?.command,
                pair.value["command"] == nil, let fields = pair.value.pairs,
                let written = theirs[pair.name]?.pair("command"), let text = written.value.scalarText,
                words(text) == words(imageCommand)
            else { continue }
            changed[index].value = YAMLNode(
                .mapping(fields + [written]), line: pair.value.line, column: pair.value.column)
        }
        guard let top = generated.pairs else { return generated }
        return YAMLNode(.mapping(top.map { topPair in
            topPair.name == "services"
                ? YAMLPair(key: topPair.key, value: YAMLNode(.mapping(changed), line: services.value.line,
                    column: services.value.column))
                : topPair
        }), line: generated.line, column: generated.column)
    }

    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
    }
}
