import Foundation
import XCTest

/// Issue 13 point 5, through the built binary as pre-commit runs it: the fixer hook's `convert --fail-if-changed`
/// exits 1 when it rewrote a file and 0 when all was in sync, never overwrites a hand edit, and `check`'s hint
/// names a command that works where the user is.
final class FixerHookTests: XCTestCase {
    typealias Run = ProcessRun

    func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Run {
        guard let executable = BinaryTests.executable else {
            throw XCTSkip("the translate executable was not found beside the test bundle")
        }
        return try ProcessRun.run(executable, arguments, in: directory, environment: environment)
    }

    func makeApp() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fixer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("web: node server.js --port 8000\n".utf8).write(to: directory.appendingPathComponent("Procfile"))
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory
    }

    func testFixerExitsOneOnlyWhenItChangedSomething() throws {
        let app = try makeApp()
        let first = try run(["convert", "--fail-if-changed"], in: app)
        XCTAssertEqual(first.status, 1, first.standardError)
        XCTAssertTrue(first.standardOutput.contains("convox.yml: created"), first.standardOutput)
        let again = try run(["convert", "--fail-if-changed"], in: app)
        XCTAssertEqual(again.status, 0, again.standardError)
        XCTAssertEqual(try run(["check"], in: app).status, 0)

        // An input change: the fixer rewrites and fails, so the commit stops and the user re-adds.
        try Data("web: node server.js --port 8000\nworker: node worker.js\n".utf8)
            .write(to: app.appendingPathComponent("Procfile"))
        let fixed = try run(["convert", "--fail-if-changed"], in: app)
        XCTAssertEqual(fixed.status, 1, fixed.standardError)
        XCTAssertTrue(fixed.standardOutput.contains("convox.yml: updated"), fixed.standardOutput)
        XCTAssertEqual(try run(["check"], in: app).status, 0)

        // A stale output removed is a change too.
        let removed = try run(["convert", "--fail-if-changed", "--no-runbook"], in: app)
        XCTAssertEqual(removed.status, 1, removed.standardError)
        XCTAssertTrue(removed.standardOutput.contains("MIGRATION.md: removed"), removed.standardOutput)
        XCTAssertFalse(FileManager.default.fileExists(atPath: app.appendingPathComponent("MIGRATION.md").path))
    }

    func testFixerNeverOverwritesAHandEdit() throws {
        let app = try makeApp()
        XCTAssertEqual(try run(["convert"], in: app).status, 0)
        let manifest = app.appendingPathComponent("convox.yml")
        let edited = try String(contentsOf: manifest, encoding: .utf8) + "# my note\n"
        try Data(edited.utf8).write(to: manifest)
        try Data("web: node server.js --port 9000\n".utf8).write(to: app.appendingPathComponent("Procfile"))
        let refused = try run(["convert", "--fail-if-changed"], in: app)
        XCTAssertEqual(refused.status, 2, refused.standardError)
        XCTAssertTrue(refused.standardError.contains("[output.edited-by-hand]"), refused.standardError)
        XCTAssertEqual(try String(contentsOf: manifest, encoding: .utf8), edited)
    }

    /// Outside pre-commit the hint names the binary as invoked; inside (PRE_COMMIT=1, set by pre-commit for every
    /// hook) `translate` is on the hook's PATH only, so the hint names the fixer hook first.
    func testCheckHintWorksWhereTheUserIs() throws {
        let app = try makeApp()
        XCTAssertEqual(try run(["convert"], in: app).status, 0)
        try Data("web: node server.js --port 9000\n".utf8).write(to: app.appendingPathComponent("Procfile"))
        let executable = try XCTUnwrap(BinaryTests.executable).path
        let plain = try run(["check"], in: app)
        XCTAssertEqual(plain.status, 1)
        XCTAssertTrue(plain.standardError.contains("run `\(executable) convert` to regenerate"), plain.standardError)
        let hooked = try run(["check"], in: app, environment: ["PRE_COMMIT": "1"])
        XCTAssertEqual(hooked.status, 1)
        XCTAssertTrue(
            hooked.standardError.contains(
                "run the translate-convert hook (`pre-commit run translate-convert --all-files`) or "
                    + "`\(executable) convert` with translate installed"), hooked.standardError)
    }
}
