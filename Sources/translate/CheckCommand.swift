import Foundation
import Translator

extension DiagnosticID {
    static let checkStale: DiagnosticID = "check.stale"
    static let checkEditedByHand: DiagnosticID = "check.edited-by-hand"
    static let checkNotGenerated: DiagnosticID = "check.not-generated"
    static let checkLinesMissing: DiagnosticID = "check.lines-missing"
}

/// `translate check`: for pre-commit hooks and CI. Runs exactly the pipeline `convert` runs, in memory, and
/// compares every generated file with the one on disk. Files with secret values are never read or compared.
enum CheckCommand: Subcommand {
    static let name = "check"
    static let usage = "translate check [APP_DIR] [options]"
    static let summary = "Exit 1 with a diff when the generated files on disk are out of date."
    static let options: [OptionSpec] = ConversionArguments.options + [
        OptionSpec(name: "--out", valueName: "DIR", help: "Compare with the outputs in DIR instead of APP_DIR."),
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
        if run.failsStrictly(arguments) { return run.finish(ExitStatus.failure) }

        // --out as typed, or as recorded in .translate.yml (relative to the app).
        let outTyped = arguments.value("--out") ?? options.outputDirectoryInApp.map(directory.displayPath)
        let outputDirectory = outTyped.map(context.resolve) ?? directory.absolutePath
        var stale: [String] = []
        /// User-owned files (.gitignore, their .dockerignore) that lack lines we need, and those lines.
        var lacking: [(file: String, lines: [String])] = []
        for file in conversion.files where !file.isSecret {
            // A file kept at the app's root (.dockerignore with --out inside the app) is compared there.
            let atRoot = file.isAtAppRoot && options.outputDirectoryInApp != nil
            let shown = outTyped.flatMap { atRoot ? nil : AppDirectory.join($0, file.path) }
                ?? directory.displayPath(file.path)
            let absolute = ((atRoot ? directory.absolutePath : outputDirectory) as NSString)
                .appendingPathComponent(file.path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                run.output += UnifiedDiff.render(
                    old: "", new: file.contents, oldLabel: "/dev/null", newLabel: "b/\(shown)")
                stale.append(shown)
                continue
            }
            guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: absolute) else {
                run.diagnostics.error(
                    isDirectory.boolValue ? .outputNotAFile : .unreadableFile,
                    "'\(shown)' \(isDirectory.boolValue ? "is a directory" : "cannot be read"); cannot compare it",
                    at: SourceLocation(file: shown))
                continue
            }
            let existing = String(decoding: data, as: UTF8.self)
            // A user's file we only add lines to (.gitignore, their .dockerignore) is in sync when every line
            // convert would add is already in force; otherwise the diff shows the lines convert appends.
            if file.appendsMissingLines {
                let missing = OutputWriter.linesNotInForce(
                    file.contents.split(separator: "\n").map(String.init), in: existing,
                    trimsLeadingBlanks: file.path != ".gitignore")
                guard !missing.isEmpty else { continue }
                lacking.append((shown, missing))
                let appended = existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n")
                    + missing.joined(separator: "\n") + "\n"
                run.output += UnifiedDiff.render(
                    old: existing, new: appended, oldLabel: "a/\(shown)", newLabel: "b/\(shown)")
                continue
            }
            guard existing != file.contents else { continue }
            stale.append(shown)
            run.output += UnifiedDiff.render(
                old: existing, new: file.contents, oldLabel: "a/\(shown)", newLabel: "b/\(shown)")
            // .translate.yml has no header by design: out of date, never "not generated".
            if file.isRecord { continue }
            switch GeneratedHeader.status(of: existing) {
            case .unmodified:
                break
            case .editedByHand:
                run.diagnostics.warning(
                    .checkEditedByHand, "'\(shown)' was edited by hand since translate generated it",
                    at: SourceLocation(file: shown, line: 1),
                    hint: "move the edit into the inputs; `translate convert` refuses to overwrite it without --force")
            case .notGenerated:
                run.diagnostics.warning(
                    .checkNotGenerated, "'\(shown)' was not generated by translate",
                    at: SourceLocation(file: shown),
                    hint: file.path == "convox.yml"
                        ? "compare it with `translate diff --against \(shown)`, or replace it with "
                            + "`translate convert --force`"
                        : "replace it with `translate convert --force`, or keep it and stop checking it")
            }
        }
        let namedInputs = Set(conversion.namedAppFiles.map {
            (directory.absolutePath as NSString).appendingPathComponent($0)
        })
        let leftOver = StaleOutput.find(
            conversion, options: options, outputDirectory: outputDirectory,
            displayPath: { name in outTyped.map { AppDirectory.join($0, name) } ?? directory.displayPath(name) },
            inputPaths: namedInputs)
        for output in leftOver {
            stale.append(output.displayPath)
            let existing = String(decoding: FileManager.default.contents(atPath: output.absolutePath) ?? Data(),
                as: UTF8.self)
            run.output += UnifiedDiff.render(
                old: existing, new: "", oldLabel: "a/\(output.displayPath)", newLabel: "/dev/null")
            run.diagnostics.warning(
                .checkNoLongerGenerated, "'\(output.displayPath)' has translate's header but is no longer generated "
                    + "(\(output.reason))", at: SourceLocation(file: output.displayPath, line: 1), hint: output.hint)
        }
        if run.diagnostics.hasErrors { return run.finish(ExitStatus.inputError) }
        if !lacking.isEmpty {
            // convert appends exactly these lines and touches nothing else in the user's file.
            let listed = lacking.map { entry in "'\(entry.file)' lacks " + entry.lines.joined(separator: ", ") }
            run.diagnostics.error(
                .checkLinesMissing, listed.joined(separator: "; ") + ", which keep secret files out of git and "
                    + "the image",
                hint: "add the lines shown, or run \(regenerationAdvice(arguments, context: context)), which appends "
                    + "them and changes nothing else in the file")
        }
        guard stale.isEmpty else {
            let count = stale.count == 1 ? "1 generated file is" : "\(stale.count) generated files are"
            run.diagnostics.error(
                .checkStale, "\(count) out of date (\(stale.joined(separator: ", "))); "
                    + "run \(regenerationAdvice(arguments, context: context)) to regenerate")
            return run.finish(ExitStatus.failure)
        }
        if !lacking.isEmpty { return run.finish(ExitStatus.failure) }
        return run.finish(ExitStatus.success)
    }

    /// Where to regenerate: the convert command line, named as translate was invoked; inside a pre-commit hook,
    /// where that binary is on the hook's PATH only, the fixer hook first.
    static func regenerationAdvice(_ arguments: ParsedArguments, context: CommandContext) -> String {
        let command = "`" + convertCommand(arguments, program: context.invocationName) + "`"
        guard context.isPreCommitHook else { return command }
        return "the translate-convert hook (`pre-commit run translate-convert --all-files`) or \(command) with "
            + "translate installed"
    }

    /// The `translate convert` command line that regenerates what `check` compared: same directory and options.
    static func convertCommand(_ arguments: ParsedArguments, program: String = "translate") -> String {
        var words = [program, "convert"] + arguments.positionals
        for option in options where option.name != "--format" {
            for value in arguments.values[option.name] ?? [] {
                words.append(option.name)
                if option.valueName != nil { words.append(value) }
            }
        }
        return words.map(shellWord).joined(separator: " ")
    }

    /// `word` as a shell reads it back: bare when it is plain, single-quoted otherwise.
    static func shellWord(_ word: String) -> String {
        !word.isEmpty && word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:".contains($0) } ? word
            : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
