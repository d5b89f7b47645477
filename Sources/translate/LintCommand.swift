import Foundation
import Frontends
import Translator

/// `translate lint MANIFEST`: Convox's own manifest rules (errors, exit 1) and the hazards Convox accepts
/// silently (warnings; exit 1 only under `--strict`). Findings go to stderr like every diagnostic.
enum LintCommand: Subcommand {
    static let name = "lint"
    static let usage = "translate lint MANIFEST [options]"
    static let summary = "Check a convox.yml against Convox's rules and common hazards."
    /// Only the options that matter to a manifest; input options other commands add stay out.
    static let options: [OptionSpec] = ConversionArguments.options.filter {
        ["--generation", "--strict", "--format"].contains($0.name)
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> CommandResult {
        guard arguments.positionals.count == 1, let manifestPath = arguments.positionals.first else {
            return TranslateCLI.usageFailure(
                arguments.positionals.isEmpty ? "'translate lint' needs the convox.yml to check"
                    : "'translate lint' takes one manifest, got "
                        + arguments.positionals.map { "'\($0)'" }.joined(separator: " "),
                command: name)
        }
        let options = ConversionArguments.conversionOptions(from: arguments)
        var run = CommandRun(arguments: arguments, context: context)
        // The manifest is named relative to the working directory, read like any file named on the command line.
        guard let workingDirectory = AppDirectory(typedPath: ".", context: context, into: &run.diagnostics),
            let file = workingDirectory.read([.namedFile(manifestPath)], into: &run.diagnostics).first,
            let root = YAMLReader.read(file, into: &run.diagnostics), !run.diagnostics.hasErrors
        else { return run.finish(ExitStatus.inputError) }
        ConvoxManifestLinter(generation: options.generation).lint(root, path: file.path, into: &run.diagnostics)
        if run.diagnostics.hasErrors { return run.finish(ExitStatus.failure) }
        if run.failsStrictly(arguments) { return run.finish(ExitStatus.failure) }
        return run.finish(ExitStatus.success)
    }
}
