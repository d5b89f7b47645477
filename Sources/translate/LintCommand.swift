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
        let format = ConversionArguments.format(from: arguments)
        let options = ConversionArguments.conversionOptions(from: arguments)
        var diagnostics = Diagnostics()
        func finish(_ status: Int32) -> CommandResult {
            CommandResult(
                status: status, standardOutput: "",
                standardError: DiagnosticRenderer.render(diagnostics, format: format, color: context.usesColor))
        }

        // The manifest is named relative to the working directory, read like any file named on the command line.
        guard let workingDirectory = AppDirectory(typedPath: ".", context: context, into: &diagnostics),
            let file = workingDirectory.read([.namedFile(manifestPath)], into: &diagnostics).first,
            let root = YAMLReader.read(file, into: &diagnostics), !diagnostics.hasErrors
        else { return finish(ExitStatus.inputError) }
        ConvoxManifestLinter(generation: options.generation).lint(root, path: file.path, into: &diagnostics)
        if diagnostics.hasErrors { return finish(ExitStatus.failure) }
        if arguments.has("--strict"), diagnostics.hasWarnings {
            diagnostics.error(.strictWarnings, "--strict: warnings count as errors")
            return finish(ExitStatus.failure)
        }
        return finish(ExitStatus.success)
    }
}
