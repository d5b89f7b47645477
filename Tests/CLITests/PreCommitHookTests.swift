import Foundation
import XCTest

/// Runs `.pre-commit-hooks.yaml` for real with `pre-commit try-repo`: a fresh git repository with a Heroku app,
/// the hook passing on generated files and failing, with the `translate convert` hint, once the Procfile changes.
/// pre-commit builds this package with `swift build -c release` in a clean folder, which takes minutes on a
/// small machine, so the test runs only when pre-commit is installed and TRANSLATE_PRECOMMIT_TEST=1 is set.
final class PreCommitHookTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        var status: Int32
        var output: String
    }

    func run(_ arguments: [String], in directory: URL) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    func testTranslateCheckHook() throws {
        guard ProcessInfo.processInfo.environment["TRANSLATE_PRECOMMIT_TEST"] == "1" else {
            throw XCTSkip(
                "set TRANSLATE_PRECOMMIT_TEST=1 to run the pre-commit try-repo test (it builds in release mode)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("precommit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        guard (try? run(["pre-commit", "--version"], in: scratch))?.status == 0 else {
            throw XCTSkip("pre-commit is not installed; skipping the try-repo test")
        }
        guard let translate = BinaryTests.executable else {
            throw XCTSkip("the translate executable was not found beside the test bundle")
        }
        let git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"]
        XCTAssertEqual(try run(["git", "init", "-q"], in: scratch).status, 0)
        try Data("web: node server.js --port 8000\n".utf8).write(to: scratch.appendingPathComponent("Procfile"))
        XCTAssertEqual(try run([translate.path, "convert"], in: scratch).status, 0)
        XCTAssertEqual(try run(["git", "add", "-A"], in: scratch).status, 0)
        XCTAssertEqual(try run(git + ["commit", "-qm", "app"], in: scratch).status, 0)

        let hook = ["pre-commit", "try-repo", Self.packageRoot.path, "translate-check", "--all-files"]
        let passing = try run(hook, in: scratch)
        XCTAssertEqual(passing.status, 0, passing.output)

        try Data("web: node server.js --port 8000\nworker: node worker.js\n".utf8)
            .write(to: scratch.appendingPathComponent("Procfile"))
        XCTAssertEqual(try run(["git", "add", "-A"], in: scratch).status, 0)
        let failing = try run(hook, in: scratch)
        XCTAssertEqual(failing.status, 1, failing.output)
        XCTAssertTrue(failing.output.contains("run `translate convert`"), failing.output)
        XCTAssertTrue(failing.output.contains("+  worker:"), failing.output)
    }
}
