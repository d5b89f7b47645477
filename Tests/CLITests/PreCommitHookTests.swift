import Foundation
import XCTest

/// Runs `.pre-commit-hooks.yaml` for real with `pre-commit try-repo`: a fresh git repository with a Heroku app, the
/// check hook passing on generated files and failing once an input changes, the fixer hook repairing it.
/// pre-commit builds this package with `swift build -c release` in a clean folder, which takes minutes on a
/// small machine, so the test runs only when pre-commit is installed and TRANSLATE_PRECOMMIT_TEST=1 is set.
final class PreCommitHookTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    typealias Run = ProcessRun

    func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Run {
        try ProcessRun.command(arguments, in: directory, environment: environment)
    }

    /// Both hooks on one scratch repository: in sync both pass; a Procfile edit makes the check hook fail with the
    /// fixer hook's name and the fixer hook repair it (failing, as formatters do, so the user re-adds); a yarn.lock
    /// alone, which the hand-written pattern used to miss, starts the hooks too. `try-repo` builds a fresh store
    /// (a release build) on every call, so this test names the repository's HEAD commit in a
    /// `.pre-commit-config.yaml` and keeps one store for all its `pre-commit run` calls: one build.
    func testCheckAndConvertHooks() throws {
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
        try Data("web: npm start\n".utf8).write(to: scratch.appendingPathComponent("Procfile"))
        try Data(#"{"name": "shop", "engines": {"node": "20.x"}, "scripts": {"start": "node server.js"}}"#.utf8)
            .write(to: scratch.appendingPathComponent("package.json"))
        XCTAssertEqual(try run([translate.path, "convert"], in: scratch).status, 0)
        XCTAssertEqual(try run(["git", "add", "-A"], in: scratch).status, 0)
        XCTAssertEqual(try run(git + ["commit", "-qm", "app"], in: scratch).status, 0)

        // The hooks come from the package's HEAD commit (uncommitted edits are not seen); a clone can be named.
        let hookRepository = ProcessInfo.processInfo.environment["TRANSLATE_HOOK_REPOSITORY"] ?? Self.packageRoot.path
        let head = try run(["git", "-C", hookRepository, "rev-parse", "HEAD"], in: scratch)
        XCTAssertEqual(head.status, 0, head.output)
        let config = """
            repos:
              - repo: \(hookRepository)
                rev: \(head.output.trimmingCharacters(in: .whitespacesAndNewlines))
                hooks:
                  - id: translate-check
                  - id: translate-convert

            """
        try Data(config.utf8).write(to: scratch.appendingPathComponent(".pre-commit-config.yaml"))
        XCTAssertEqual(try run(["git", "add", "-A"], in: scratch).status, 0)
        XCTAssertEqual(try run(git + ["commit", "-qm", "hooks"], in: scratch).status, 0)
        let storeDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("precommit-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: storeDirectory) }
        let store = ["PRE_COMMIT_HOME": storeDirectory.path]
        let checkHook = ["pre-commit", "run", "translate-check"]
        let convertHook = ["pre-commit", "run", "translate-convert"]
        let passing = try run(checkHook + ["--all-files"], in: scratch, environment: store)
        XCTAssertEqual(passing.status, 0, passing.output)
        let fixerInSync = try run(convertHook + ["--all-files"], in: scratch, environment: store)
        XCTAssertEqual(fixerInSync.status, 0, fixerInSync.output)

        try Data("web: npm start\nworker: node worker.js\n".utf8).write(to: scratch.appendingPathComponent("Procfile"))
        XCTAssertEqual(try run(["git", "add", "-A"], in: scratch).status, 0)
        let failing = try run(checkHook, in: scratch, environment: store)
        XCTAssertEqual(failing.status, 1, failing.output)
        XCTAssertTrue(failing.output.contains("run the translate-convert hook"), failing.output)
        XCTAssertTrue(failing.output.contains("+  worker:"), failing.output)
        let fixing = try run(convertHook, in: scratch, environment: store)
        XCTAssertEqual(fixing.status, 1, fixing.output)
        XCTAssertTrue(fixing.output.contains("convox.yml: updated"), fixing.output)
        XCTAssertEqual(try run(["git", "add", "-A"], in: scratch).status, 0)
        let repaired = try run(checkHook, in: scratch, environment: store)
        XCTAssertEqual(repaired.status, 0, repaired.output)
        XCTAssertEqual(try run(git + ["commit", "-qm", "worker"], in: scratch).status, 0)

        // Only yarn.lock staged: the hooks must run on it (the install step becomes `yarn install`).
        try Data("# yarn lockfile v1\n".utf8).write(to: scratch.appendingPathComponent("yarn.lock"))
        XCTAssertEqual(try run(["git", "add", "yarn.lock"], in: scratch).status, 0)
        let lockfile = try run(checkHook, in: scratch, environment: store)
        XCTAssertEqual(lockfile.status, 1, lockfile.output)
        XCTAssertTrue(lockfile.output.contains("+++ b/Dockerfile"), lockfile.output)
        XCTAssertEqual(try run(convertHook, in: scratch, environment: store).status, 1)
        XCTAssertEqual(try run(["git", "add", "-A"], in: scratch).status, 0)
        let lockfileRepaired = try run(checkHook, in: scratch, environment: store)
        XCTAssertEqual(lockfileRepaired.status, 0, lockfileRepaired.output)
    }
}
