import Foundation
import Translator

extension DiagnosticID {
    static let envFileNotIgnored: DiagnosticID = "output.env-file-not-ignored"
    static let envFileTracked: DiagnosticID = "output.env-file-tracked"
}

/// After the env file is written, asks git itself (when the output directory is in a git work tree) whether the
/// file is ignored and untracked. The appended .gitignore line is in force by construction, but git also reads
/// rules translate does not write, and ignoring never untracks a file that was committed before.
struct GitIgnoreVerification {
    var environment: [String: String]

    /// The `git` on PATH, or nil: without git there is nothing to commit the file with.
    var git: String? {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { ($0 as NSString).appendingPathComponent("git") }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func verify(envFileAt absolutePath: String, shownAs shown: String, into diagnostics: inout Diagnostics) {
        guard let git else { return }
        let directory = (absolutePath as NSString).deletingLastPathComponent
        let name = (absolutePath as NSString).lastPathComponent
        // Outside a work tree both commands exit 128, which says nothing either way.
        if run(git, ["-C", directory, "check-ignore", "-q", "--no-index", "--", name]) == 1 {
            diagnostics.warning(
                .envFileNotIgnored, "git does not ignore '\(shown)', which holds secret values",
                at: SourceLocation(file: shown), hint: "see which rule re-includes it with `git check-ignore -v "
                    + "--no-index \(ShellCommand.singleQuoted(shown))`, and fix it before committing")
        }
        if run(git, ["-C", directory, "ls-files", "--error-unmatch", "--", name]) == 0 {
            diagnostics.warning(
                .envFileTracked, "'\(shown)', which holds secret values, is already tracked by git; ignoring it does "
                    + "not stop git from committing its new contents", at: SourceLocation(file: shown),
                hint: "untrack it with `git rm --cached \(ShellCommand.singleQuoted(shown))`, and rotate any secret "
                    + "that was committed")
        }
    }

    /// Exit status of `git arguments`, or nil when it could not run. Output is discarded; stdin is empty.
    func run(_ executable: String, _ arguments: [String]) -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
