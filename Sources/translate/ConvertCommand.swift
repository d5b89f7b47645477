import Foundation
import Translator

extension DiagnosticID {
    static let strictWarnings: DiagnosticID = "cli.strict"
}

/// `translate convert`: the one-shot conversion that writes convox.yml and the other outputs into the app.
enum ConvertCommand: Subcommand {
    static let name = "convert"
    static let usage = "translate convert [APP_DIR] [options]"
    static let summary = "Convert a Heroku app into Convox files, written next to the Procfile."
    static let options: [OptionSpec] = ConversionArguments.options + [
        OptionSpec(name: "--out", valueName: "DIR", help: "Write the outputs into DIR instead of APP_DIR."),
        OptionSpec(name: "--stdout", valueName: nil, help: "Print convox.yml on stdout; write nothing."),
        OptionSpec(name: "--dry-run", valueName: nil, help: "List what would be written; write nothing."),
        OptionSpec(name: "--force", valueName: nil, help: "Overwrite files that were edited by hand or not generated."),
        OptionSpec(name: "--dump-ir", valueName: nil, help: "Print the intermediate representation as JSON."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> CommandResult {
        let typedDirectory: String
        do {
            typedDirectory = try ConversionArguments.appDirectory(from: arguments, command: name)
        } catch let error as UsageError {
            return TranslateCLI.usageFailure(error.message, command: name)
        } catch {
            return TranslateCLI.usageFailure("\(error)", command: name)
        }
        let format = ConversionArguments.format(from: arguments)
        let options = ConversionArguments.conversionOptions(from: arguments)
        var diagnostics = Diagnostics()
        var output = ""
        func finish(_ status: Int32) -> CommandResult {
            CommandResult(
                status: status, standardOutput: output,
                standardError: DiagnosticRenderer.render(diagnostics, format: format, color: context.usesColor))
        }

        guard let directory = AppDirectory(typedPath: typedDirectory, context: context, into: &diagnostics) else {
            return finish(ExitStatus.inputError)
        }
        let conversion = Conversion.run(appDirectory: directory, options: options, into: &diagnostics)
        if diagnostics.hasErrors { return finish(ExitStatus.inputError) }
        if arguments.has("--strict"), diagnostics.hasWarnings {
            diagnostics.error(.strictWarnings, "--strict: warnings count as errors; nothing was written")
            return finish(ExitStatus.failure)
        }

        if arguments.has("--dump-ir") {
            output = conversion.irDump()
            return finish(ExitStatus.success)
        }
        if arguments.has("--stdout") {
            output = conversion.files.first { $0.path == "convox.yml" }?.contents ?? ""
            return finish(ExitStatus.success)
        }
        let outTyped = arguments.value("--out")
        let writer = OutputWriter(
            directory: outTyped.map(context.resolve) ?? directory.absolutePath,
            displayPath: { name in
                guard let outTyped else { return directory.displayPath(name) }
                return AppDirectory.join(outTyped, name)
            },
            force: arguments.has("--force"))
        let plans = writer.plan(conversion.files, into: &diagnostics)
        if diagnostics.hasErrors { return finish(ExitStatus.inputError) }
        let dryRun = arguments.has("--dry-run")
        if !dryRun { writer.write(plans, into: &diagnostics) }
        if diagnostics.hasErrors { return finish(ExitStatus.inputError) }
        for plan in plans {
            let verb = dryRun ? "would be \(plan.change.rawValue)" : plan.change.rawValue
            output += "\(plan.displayPath): \(verb)\n"
        }
        return finish(ExitStatus.success)
    }
}
