import Foundation
import Frontends
import Translator

extension DiagnosticID {
    static let diffDifferent: DiagnosticID = "diff.different"
}

/// `translate diff --against MANIFEST`: what translate would generate next to a hand-written convox.yml, compared
/// the way Convox loads both (defaults applied, environment order ignored), listed by key path with the
/// manifest's line. `--text` prints a plain unified diff of the two files instead.
enum DiffCommand: Subcommand {
    static let name = "diff"
    static let usage = "translate diff [APP_DIR] --against MANIFEST [options]"
    static let summary = "Compare what translate generates with a hand-written convox.yml, key by key."
    static let options: [OptionSpec] = ConversionArguments.options + [
        OptionSpec(name: "--against", valueName: "MANIFEST", help: "The hand-written convox.yml to compare with."),
        OptionSpec(name: "--text", valueName: nil, help: "Print a unified diff of the two files instead."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> CommandResult {
        guard let manifestPath = arguments.value("--against") else {
            return TranslateCLI.usageFailure("'translate diff' needs --against MANIFEST", command: name)
        }
        var run = CommandRun(arguments: arguments, context: context)
        let format = run.format
        let directory: AppDirectory
        let options: ConversionOptions
        let conversion: Conversion
        let start = ConversionStart.begin(
            arguments, context: context, command: name, run: &run, commandOptions: Self.options)
        switch start {
        case .finished(let result): return result
        case .ready(let readDirectory, let readOptions, let converted):
            (directory, options, conversion) = (readDirectory, readOptions, converted)
        }
        // The manifest is named relative to the working directory, like any file on the command line.
        let workingDirectory = AppDirectory(typedPath: ".", context: context, into: &run.diagnostics)
        let manifestFile = workingDirectory?.read([.namedFile(manifestPath)], into: &run.diagnostics).first
        let manifest = manifestFile.flatMap { YAMLReader.read($0, into: &run.diagnostics) }
        if run.diagnostics.hasErrors { return run.finish(ExitStatus.inputError) }
        if run.failsStrictly(arguments) { return run.finish(ExitStatus.failure) }
        guard let manifest, let manifestFile,
            let generatedText = conversion.files.first(where: { $0.path == "convox.yml" })?.contents
        else { return run.finish(ExitStatus.inputError) }

        if arguments.has("--text") {
            let manifestText = String(decoding: manifestFile.contents, as: UTF8.self)
            run.output = UnifiedDiff.render(
                old: manifestText, new: generatedText, oldLabel: manifestPath, newLabel: "convox.yml (generated)")
            return run.finish(run.output.isEmpty ? ExitStatus.success : ExitStatus.failure)
        }
        // The generated side goes through the same reader, so both sides are compared as Convox would load them.
        guard let generated = YAMLReader.parse(generatedText, path: "convox.yml (generated)", into: &run.diagnostics)
        else { return run.finish(ExitStatus.inputError) }
        let normalizer = ConvoxManifestNormalizer(generation: options.generation)
        let normalizedManifest = normalizer.normalize(manifest)
        let imageCommands = conversion.app.services.compactMap { service in
            service.imageCommand.map { (service: service.name, command: $0) }
        }
        let differences = ManifestComparison.differences(
            generated: ImageCommandComparison.applying(
                imageCommands, generated: normalizer.normalize(generated), manifest: normalizedManifest),
            manifest: normalizedManifest)
        if format == .json {
            run.output = json(differences, manifest: manifestPath)
        } else {
            for difference in differences {
                let place = difference.line > 0 ? "\(manifestPath):\(difference.line)" : manifestPath
                run.output += "\(place): \(difference.summary)\n"
            }
        }
        guard differences.isEmpty else {
            let count = differences.count == 1 ? "1 difference" : "\(differences.count) differences"
            run.diagnostics.note(
                .diffDifferent, "\(count) between the generated convox.yml and '\(manifestPath)'",
                hint: "`translate diff --text` shows the two files line by line")
            return run.finish(ExitStatus.failure)
        }
        return run.finish(ExitStatus.success)
    }

    private struct Report: Encodable {
        var manifest: String
        var differences: [ManifestDifference]
    }

    static func json(_ differences: [ManifestDifference], manifest: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Report(manifest: manifest, differences: differences)),
            let text = String(data: data, encoding: .utf8)
        else { return "{}\n" }
        return text + "\n"
    }
}
