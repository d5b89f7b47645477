import Foundation
import Translator

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
        OptionSpec(
            name: "--fail-if-changed", valueName: nil,
            help: "Exit 1 when a file was written or removed (the pre-commit fixer hook)."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> CommandResult {
        var run = CommandRun(arguments: arguments, context: context)
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
        if run.diagnostics.hasErrors { return run.finish(ExitStatus.inputError) }
        if run.failsStrictly(arguments, detail: "; nothing was written") { return run.finish(ExitStatus.failure) }

        if arguments.has("--dump-ir") {
            run.output = conversion.irDump()
            return run.finish(ExitStatus.success)
        }
        if arguments.has("--stdout") {
            run.output = conversion.files.first { $0.path == "convox.yml" }?.contents ?? ""
            return run.finish(ExitStatus.success)
        }
        // --out as typed, or as recorded in .translate.yml (relative to the app).
        let outTyped = arguments.value("--out") ?? options.outputDirectoryInApp.map(directory.displayPath)
        var writer = OutputWriter(
            directory: outTyped.map(context.resolve) ?? directory.absolutePath,
            displayPath: { name in
                guard let outTyped else { return directory.displayPath(name) }
                return AppDirectory.join(outTyped, name)
            },
            force: arguments.has("--force"), typedDirectory: outTyped ?? directory.typedPath,
            workingDirectory: context.workingDirectory)
        if options.outputDirectoryInApp != nil {
            writer.appRoot = (directory.absolutePath, directory.displayPath)
        } else if let outTyped, context.resolve(outTyped) != directory.absolutePath {
            // Convox reads the manifest and builds from inside the directory it deploys (convox/convox
            // pkg/cli/builds.go joins `-m` to it), so files outside the app cannot be deployed where they are.
            run.diagnostics.note(
                .outputOutsideApp, "'\(outTyped)' is outside the app directory; `convox deploy` reads convox.yml and "
                    + "builds from inside the directory it deploys, so these files only work once copied into the app",
                hint: "copy them into the app, or use an --out directory inside it and deploy with `-m DIR/convox.yml`")
        }
        var plans = writer.plan(conversion.files, into: &run.diagnostics)
        if run.diagnostics.hasErrors { return run.finish(ExitStatus.inputError) }
        plans += removals(of: conversion, options: options, writer: writer, appDirectory: directory,
            into: &run.diagnostics)
        let dryRun = arguments.has("--dry-run")
        if !dryRun { writer.write(plans, into: &run.diagnostics) }
        if run.diagnostics.hasErrors { return run.finish(ExitStatus.inputError) }
        if !dryRun, let envFile = plans.first(where: { $0.file.isSecret }) {
            GitIgnoreVerification(environment: context.environment)
                .verify(envFileAt: envFile.absolutePath, shownAs: envFile.displayPath, into: &run.diagnostics)
        }
        for plan in plans {
            let verb = dryRun ? "would be \(plan.change.rawValue)" : plan.change.rawValue
            let mode = !plan.tightensMode ? ""
                : dryRun ? " (its mode would be set back to 0600)" : " (mode set back to 0600)"
            run.output += "\(plan.displayPath): \(verb)\(mode)\n"
        }
        let changed = plans.contains { $0.change != .unchanged || $0.tightensMode }
        return run.finish(arguments.has("--fail-if-changed") && changed ? ExitStatus.failure : ExitStatus.success)
    }

    /// Stale generated files (`StaleOutput`): an untouched one is removed with the writes, in the same
    /// transaction; an edited one is the user's work, kept even with --force, and reported.
    static func removals(
        of conversion: Conversion, options: ConversionOptions, writer: OutputWriter, appDirectory: AppDirectory,
        into diagnostics: inout Diagnostics
    ) -> [OutputWriter.PlannedWrite] {
        let namedInputs = Set(conversion.namedAppFiles.map {
            (appDirectory.absolutePath as NSString).appendingPathComponent($0)
        })
        let stale = StaleOutput.find(
            conversion, options: options, outputDirectory: writer.directory, displayPath: writer.displayPath,
            inputPaths: namedInputs)
        return stale.compactMap { output in
            guard output.status == .unmodified else {
                diagnostics.warning(
                    .outputNoLongerGenerated, "'\(output.displayPath)' has translate's header but is no longer "
                        + "generated (\(output.reason)); it was edited by hand, so it is kept",
                    at: SourceLocation(file: output.displayPath, line: 1), hint: output.hint)
                return nil
            }
            diagnostics.note(
                .outputRemovedStale, "'\(output.displayPath)' is no longer generated (\(output.reason)); translate "
                    + "wrote it and it was not edited, so convert removes it", at: SourceLocation(file: output.displayPath))
            return OutputWriter.PlannedWrite(
                file: OutputFile(path: output.name, contents: ""), absolutePath: output.absolutePath,
                displayPath: output.displayPath, change: .remove)
        }
    }
}
