import Foundation

/// Everything a run needs from the outside world, passed in so tests can run the CLI in-process with their own
/// working directory and standard input. No global state is read anywhere else.
struct CommandContext: Sendable {
    var workingDirectory: String
    var environment: [String: String]
    var isStandardErrorTTY: Bool
    var readStandardInput: @Sendable () -> [UInt8]
    /// Waits between retries of a network request (`translate import`); tests record the delays instead.
    var sleep: @Sendable (Double) -> Void = { _ in }
    /// Prints a progress line at once (not with the diagnostics at the end); used only when stderr is a TTY.
    var writeProgress: @Sendable (String) -> Void = { _ in }
    /// The program as it was invoked (argv[0]), so a hint names a command that works where the user is:
    /// `translate` when the shell found it on PATH, `.build/release/translate` or an absolute path otherwise
    /// (`swift run` runs the binary by its absolute path). In-process runs and tests keep `translate`.
    var invocationName = "translate"

    static func currentProcess() -> CommandContext {
        CommandContext(
            workingDirectory: FileManager.default.currentDirectoryPath,
            environment: ProcessInfo.processInfo.environment,
            isStandardErrorTTY: isatty(STDERR_FILENO) == 1,
            readStandardInput: { Array(FileHandle.standardInput.readDataToEndOfFile()) },
            sleep: { Thread.sleep(forTimeInterval: $0) },
            writeProgress: { FileHandle.standardError.write(Data($0.utf8)) },
            invocationName: CommandLine.arguments.first.flatMap { $0.isEmpty ? nil : $0 } ?? "translate")
    }

    /// True inside a pre-commit hook: pre-commit sets PRE_COMMIT=1 for every hook it runs (pre-commit
    /// commands/run.py), and there `translate` is on the hook's PATH only, not the user's.
    var isPreCommitHook: Bool { environment["PRE_COMMIT"] == "1" }

    /// Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
    var usesColor: Bool { isStandardErrorTTY && environment["NO_COLOR"] == nil }

    /// An absolute path for `path` as the user typed it.
    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return (path as NSString).standardizingPath }
        return ((workingDirectory as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }
}

/// What a run produced: the process prints these and exits with `status`.
struct CommandResult: Sendable, Equatable {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Exit statuses, documented in the README.
enum ExitStatus {
    static let success: Int32 = 0
    /// Differences found (`check`, `diff`, `lint`), or warnings under `--strict`.
    static let failure: Int32 = 1
    /// Bad input: nothing was written.
    static let inputError: Int32 = 2
    /// Bad command line (BSD `EX_USAGE`).
    static let usage: Int32 = 64
}
