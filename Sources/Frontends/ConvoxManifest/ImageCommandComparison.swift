import Translator

/// A service without `command` runs its image's own CMD: Convox passes `command` as the container's `args`
/// (convox/convox provider/k8s/template/app/service.yml.tmpl), which replace the image's CMD only. So a service
/// with `command: X` on one side and none on the other runs the same thing when the other side's image has CMD X,
/// word for word, and `diff` counts the two as equal. The generated side runs the CMD for heroku.yml builds without
/// a `run` entry; the manifest's side when its Dockerfile has a CMD.
public enum ImageCommandComparison {
    /// `generated` (normalised) with each such service's `command` filled in from the manifest (normalised) when the
    /// manifest's command is the image's CMD, word for word.
    public static func applying(
        _ imageCommands: [(service: String, command: String)], generated: YAMLNode, manifest: YAMLNode
    ) -> YAMLNode {
        filling(imageCommands, into: generated, from: manifest)
    }

    /// `target` (normalised) with `command` filled in, for each service that has none and whose image's CMD is in
    /// `imageCommands`, from `other`'s service of that name when that command is the CMD word for word.
    public static func filling(
        _ imageCommands: [(service: String, command: String)], into target: YAMLNode, from other: YAMLNode
    ) -> YAMLNode {
        guard !imageCommands.isEmpty, let services = target.pair("services"),
            let servicePairs = services.value.pairs, let theirs = other["services"]
        else { return target }
        let commandByService = Dictionary(
            imageCommands.map { ($0.service, $0.command) }, uniquingKeysWith: { first, _ in first })
        var changed = servicePairs
        for (index, pair) in servicePairs.enumerated() {
            guard let imageCommand = commandByService[pair.name],
                pair.value["command"] == nil, let fields = pair.value.pairs,
                let written = theirs[pair.name]?.pair("command"), let text = written.value.scalarText,
                words(text) == words(imageCommand)
            else { continue }
            changed[index].value = YAMLNode(
                .mapping((fields + [written]).sorted { $0.name < $1.name }), line: pair.value.line,
                column: pair.value.column)
        }
        guard let top = target.pairs else { return target }
        return YAMLNode(.mapping(top.map { topPair in
            topPair.name == "services"
                ? YAMLPair(key: topPair.key, value: YAMLNode(.mapping(changed), line: services.value.line,
                    column: services.value.column))
                : topPair
        }), line: target.line, column: target.column)
    }

    /// The Dockerfile each service of a normalised manifest builds from (`build.path` joined with `build.manifest`,
    /// relative to the app), for services with no `command` and no `image`; paths leaving the app are skipped.
    public static func dockerfilesWithoutCommand(_ manifest: YAMLNode) -> [(service: String, dockerfile: String)] {
        (manifest["services"]?.pairs ?? []).compactMap { pair in
            guard pair.value["command"] == nil, pair.value["image"] == nil,
                let directory = pair.value["build"]?["path"]?.scalarText,
                let file = pair.value["build"]?["manifest"]?.scalarText
            else { return nil }
            let components = (directory + "/" + file).split(separator: "/").filter { $0 != "." }
            guard !directory.hasPrefix("/"), !file.hasPrefix("/"), !components.isEmpty, !components.contains("..")
            else { return nil }
            return (pair.name, components.joined(separator: "/"))
        }
    }

    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
    }
}
