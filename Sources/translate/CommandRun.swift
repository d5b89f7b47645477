import Foundation
import Frontends
import Translator

extension DiagnosticID {
    static let strictWarnings: DiagnosticID = "cli.strict"
    static let recordedOptionInvalid: DiagnosticID = "recorded.invalid-option"
    static let recordedOptionNotRecorded: DiagnosticID = "recorded.not-recorded"
}

/// What a command builds up while it runs (diagnostics, stdout) and how that becomes its result.
struct CommandRun {
    var format: DiagnosticRenderer.Format
    var usesColor: Bool
    var diagnostics = Diagnostics()
    var output = ""

    init(arguments: ParsedArguments, context: CommandContext) {
        format = ConversionArguments.format(from: arguments)
        usesColor = context.usesColor
    }

    func finish(_ status: Int32) -> CommandResult {
        CommandResult(
            status: status, standardOutput: output,
            standardError: DiagnosticRenderer.render(diagnostics, format: format, color: usesColor))
    }

    /// Under `--strict`, warnings fail the run: records why and returns true.
    mutating func failsStrictly(_ arguments: ParsedArguments, detail: String = "") -> Bool {
        guard arguments.has("--strict"), diagnostics.hasWarnings else { return false }
        diagnostics.error(.strictWarnings, "--strict: warnings count as errors" + detail)
        return true
    }
}

/// How `convert`, `check` and `diff` begin: read APP_DIR and its recorded options, run the pipeline on it.
enum ConversionStart {
    case ready(AppDirectory, ConversionOptions, Conversion)
    /// The command line or the app directory was unusable: return this result.
    case finished(CommandResult)

    /// Flags whose value names a file: recorded relative to the app, passed to the stages the same way.
    static let pathFlags: Set<String> = ["--domains", "--scheduler", "--config-vars", "--out"]

    /// Errors from the conversion itself stay in `run.diagnostics` for the caller to act on.
    static func begin(
        _ arguments: ParsedArguments, context: CommandContext, command: String, run: inout CommandRun,
        commandOptions: [OptionSpec] = ConversionArguments.options + [
            OptionSpec(name: "--out", valueName: "DIR", help: ""),
        ]
    ) -> ConversionStart {
        let typedDirectory: String
        do {
            typedDirectory = try ConversionArguments.appDirectory(from: arguments, command: command)
            try ConversionArguments.checkStandardInputReadOnce(arguments)
        } catch let error as UsageError {
            return .finished(TranslateCLI.usageFailure(error.message, command: command))
        } catch {
            return .finished(TranslateCLI.usageFailure("\(error)", command: command))
        }
        guard let directory = AppDirectory(typedPath: typedDirectory, context: context, into: &run.diagnostics) else {
            return .finished(run.finish(ExitStatus.inputError))
        }
        // Every path below is relative to the app, as the stages and .translate.yml see it.
        var stageDiagnostics = Diagnostics()
        var merged = arguments
        for (flag, values) in arguments.values where pathFlags.contains(flag) {
            merged.values[flag] = values.map { value in
                if ConversionArguments.standardInputNames.contains(value) || value.hasPrefix("/dev/") { return value }
                let absolute = context.resolve(value)
                // Inside the app: relative to it. Outside: as absolute when typed so, else with `..` steps.
                if let inside = relativePath(of: absolute, inside: directory.absolutePath) { return inside }
                if absolute == directory.absolutePath { return "." }
                return value.hasPrefix("/") ? absolute
                    : AppDirectory.relativePath(of: absolute, from: directory.absolutePath)
            }
        }
        let recorded = readRecordedOptions(directory, into: &stageDiagnostics)
        var recordedConfigVarsFile: String?
        for entry in recorded.entries where merged.values[entry.flag] == nil {
            guard let spec = commandOptions.first(where: { $0.name == entry.flag }) else { continue }
            let problem = spec.allowedValues.flatMap { allowed in
                allowed.contains(entry.value) ? nil
                    : "takes \(allowed.map { "'\($0)'" }.joined(separator: " or ")), not '\(entry.value)'"
            } ?? spec.validate?(entry.value)
            if let problem {
                stageDiagnostics.error(
                    .recordedOptionInvalid, "\(entry.location.keyPath ?? entry.flag) \(problem)", at: entry.location,
                    hint: "fix it in \(RecordedOptions.fileName), or give \(entry.flag) on the command line")
                continue
            }
            // The recorded config vars file is git-ignored: read when it is there, never required.
            if entry.flag == "--config-vars" {
                recordedConfigVarsFile = entry.value
                guard FileManager.default.fileExists(atPath: directory.absolute(entry.value)) else { continue }
            }
            merged.values[entry.flag] = [entry.value]
        }
        var options = ConversionArguments.conversionOptions(from: merged)
        options.configVarKeys = recorded.configVarKeys.map { $0.map(\.key) }
        options.databaseURLScheme = recorded.databaseURLScheme?.value
        let outputDirectory = merged.value("--out").map(directory.absolute) ?? directory.absolutePath
        options.outputDirectoryInApp = relativePath(of: outputDirectory, inside: directory.absolutePath)
        if let configVars = options.configVarsPath ?? recordedConfigVarsFile,
            !ConversionArguments.standardInputNames.contains(configVars)
        {
            let absolute = directory.absolute(configVars)
            options.configVarsPathInApp = relativePath(of: absolute, inside: directory.absolutePath)
            options.configVarsPathInOutputDirectory = relativePath(of: absolute, inside: outputDirectory)
        }
        for (flag, what) in [("--scheduler", "Scheduler jobs"), ("--domains", "domains")] {
            guard let value = merged.value(flag) else { continue }
            if ConversionArguments.standardInputNames.contains(value) {
                stageDiagnostics.warning(
                    .recordedOptionNotRecorded, "\(what) read from standard input or a pipe cannot be recorded in "
                        + "\(RecordedOptions.fileName), so `translate check` will not see them",
                    hint: "save them to a file in the app and pass \(flag) FILE")
            } else if value.hasPrefix("/") || value.hasPrefix("../") {
                stageDiagnostics.note(
                    .recordedOptionNotRecorded, "\(flag) '\(value)' lies outside the app, so a clean clone "
                        + "lacks it and `translate check` there cannot reproduce the outputs",
                    hint: "keep the file in the app (it holds no secret) and commit it")
            }
        }
        if !stageDiagnostics.hasErrors {
            let conversion = Conversion.run(appDirectory: directory, options: options, into: &stageDiagnostics)
            run.diagnostics.append(contentsOf: Self.shown(stageDiagnostics, in: directory))
            return .ready(directory, options, conversion)
        }
        run.diagnostics.append(contentsOf: Self.shown(stageDiagnostics, in: directory))
        return .ready(directory, options, Conversion(app: AppIR(), files: []))
    }

    /// `.translate.yml` at the app's root, when there is one.
    static func readRecordedOptions(_ directory: AppDirectory, into diagnostics: inout Diagnostics) -> RecordedOptions {
        guard let file = directory.read([.appFile(RecordedOptions.fileName)], into: &diagnostics).first else {
            return RecordedOptions()
        }
        return RecordedOptionsReader.read(file, into: &diagnostics)
    }

    /// The stages name files relative to the app; on stderr they are shown as the user spelled APP_DIR.
    static func shown(_ diagnostics: Diagnostics, in directory: AppDirectory) -> Diagnostics {
        Diagnostics(diagnostics.all.map { diagnostic in
            var shown = diagnostic
            if let file = diagnostic.location?.file, !file.hasPrefix("/"), !file.hasPrefix("<") {
                shown.location?.file = directory.displayPath(file)
            }
            return shown
        })
    }

    /// `path` relative to `directory` when it lies strictly inside it (both absolute and standardized), else nil.
    static func relativePath(of path: String, inside directory: String) -> String? {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        guard path.hasPrefix(prefix), path.count > prefix.count else { return nil }
        return String(path.dropFirst(prefix.count))
    }
}
