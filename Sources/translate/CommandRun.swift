import Translator

extension DiagnosticID {
    static let strictWarnings: DiagnosticID = "cli.strict"
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

/// How `convert`, `check` and `diff` begin: read APP_DIR and run the pipeline on it.
enum ConversionStart {
    case ready(AppDirectory, ConversionOptions, Conversion)
    /// The command line or the app directory was unusable: return this result.
    case finished(CommandResult)

    /// Errors from the conversion itself stay in `run.diagnostics` for the caller to act on.
    static func begin(
        _ arguments: ParsedArguments, context: CommandContext, command: String, run: inout CommandRun
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
        var options = ConversionArguments.conversionOptions(from: arguments)
        let outputDirectory = arguments.value("--out").map(context.resolve) ?? directory.absolutePath
        options.outputDirectoryInApp = relativePath(of: outputDirectory, inside: directory.absolutePath)
        if let configVars = options.configVarsPath, configVars != "-", !configVars.hasPrefix("/dev/") {
            options.configVarsPathInApp = relativePath(of: context.resolve(configVars), inside: directory.absolutePath)
            options.configVarsPathInOutputDirectory = relativePath(
                of: context.resolve(configVars), inside: outputDirectory)
        }
        let conversion = Conversion.run(appDirectory: directory, options: options, into: &run.diagnostics)
        return .ready(directory, options, conversion)
    }

    /// `path` relative to `directory` when it lies strictly inside it (both absolute and standardized), else nil.
    static func relativePath(of path: String, inside directory: String) -> String? {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        guard path.hasPrefix(prefix), path.count > prefix.count else { return nil }
        return String(path.dropFirst(prefix.count))
    }
}
