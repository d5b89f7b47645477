import Foundation
import Frontends
import Translator

extension DiagnosticID {
    static let diffDifferent: DiagnosticID = "diff.different"
    static let diffPreGeneration2Manifest: DiagnosticID = "diff.pre-generation-2-manifest"
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
        // The generated side names its Dockerfile relative to where convert wrote it (recorded in .translate.yml).
        OptionSpec(name: "--out", valueName: "DIR", help: "Generate as `convert --out DIR` does (build manifest paths)."),
        OptionSpec(
            name: "--show-values", valueName: nil,
            help: "Print the manifest's values too (environment defaults, commands, ...); they may be secrets."),
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

        let showsValues = arguments.has("--show-values")
        if arguments.has("--text") {
            // The real lines are compared; the manifest's are printed masked unless --show-values.
            let manifestText = String(decoding: manifestFile.contents, as: UTF8.self)
            run.output = UnifiedDiff.render(
                old: manifestText, new: generatedText, oldLabel: manifestPath, newLabel: "convox.yml (generated)",
                oldDisplay: showsValues ? nil : ManifestValueMasking.maskedLines(manifestText),
                newDisplay: showsValues ? nil : ManifestValueMasking.maskedLines(generatedText, environmentOnly: true))
            return run.finish(run.output.isEmpty ? ExitStatus.success : ExitStatus.failure)
        }
        if let (key, reason) = PreGeneration2Manifest.evidence(in: manifest) {
            run.diagnostics.error(
                .diffPreGeneration2Manifest,
                "'\(manifestPath)' is a Convox generation 1 manifest (the docker-compose.yml schema: \(reason)); "
                    + "diff compares only with a generation 2 or 3 convox.yml",
                at: SourceLocation(file: manifestPath, line: key.line, column: key.column),
                hint: "the generated convox.yml replaces it; `translate diff --text` shows the two files line by line")
            return run.finish(ExitStatus.inputError)
        }
        // The generated side goes through the same reader, so both sides are compared as Convox would load them.
        guard let generated = YAMLReader.parse(generatedText, path: "convox.yml (generated)", into: &run.diagnostics)
        else { return run.finish(ExitStatus.inputError) }
        let normalizer = ConvoxManifestNormalizer(generation: options.generation)
        let normalizedManifest = normalizer.normalize(manifest)
        let imageCommands = conversion.app.services.compactMap { service in
            service.imageCommand.map { (service: service.name, command: $0) }
        }
        let normalizedGenerated = ImageCommandComparison.applying(
            imageCommands, generated: normalizer.normalize(generated), manifest: normalizedManifest)
        // Each Dockerfile read once, however many services build from it.
        var commandByDockerfile: [String: String?] = [:]
        let manifestImageCommands = ImageCommandComparison.dockerfilesWithoutCommand(normalizedManifest)
            .compactMap { entry -> (service: String, command: String)? in
                if commandByDockerfile[entry.dockerfile] == nil {
                    commandByDockerfile[entry.dockerfile] = .some(imageCommand(of: entry.dockerfile, in: directory))
                }
                return (commandByDockerfile[entry.dockerfile] ?? nil).map { (service: entry.service, command: $0) }
            }
        let differences = ManifestComparison.differences(
            generated: normalizedGenerated,
            manifest: ImageCommandComparison.filling(
                manifestImageCommands, into: normalizedManifest, from: normalizedGenerated),
            showsValues: showsValues,
            topLevelEnvironment: ManifestComparison.TopLevelEnvironment(
                generated: normalizer.topLevelEnvironment(generated),
                manifest: normalizer.topLevelEnvironment(manifest)))
        if format == .json {
            run.output = json(differences, manifest: manifestPath, showsValues: showsValues)
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

    /// The CMD of the app's Dockerfile at `path`, or nil when it has none or cannot be read (then nothing is
    /// counted equal, so nothing is lost by staying quiet).
    static func imageCommand(of path: String, in directory: AppDirectory) -> String? {
        var ignored = Diagnostics()
        guard let file = directory.read([.appFile(path)], into: &ignored).first,
            let source = SourceText.decode(file, into: &ignored)
        else { return nil }
        return DockerfileReader.read(source).command
    }

    private struct Report: Encodable {
        var manifest: String
        /// False when values the manifest may hold secrets in are printed as `…` (no `--show-values`).
        var valuesShown: Bool
        var differences: [ManifestDifference]
    }

    static func json(_ differences: [ManifestDifference], manifest: String, showsValues: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let report = Report(manifest: manifest, valuesShown: showsValues, differences: differences)
        guard let data = try? encoder.encode(report),
            let text = String(data: data, encoding: .utf8)
        else { return "{}\n" }
        return text + "\n"
    }
}
