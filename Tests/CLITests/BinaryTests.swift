import Foundation
import XCTest

/// Runs the built `translate` executable itself: what a user or a pre-commit hook sees.
final class BinaryTests: XCTestCase {
    typealias Run = ProcessRun

    static var executable: URL? {
        var directory = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("translate")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    func run(_ arguments: [String], in directory: URL? = nil, executable: URL? = nil) throws -> Run {
        guard let executable = executable ?? Self.executable else {
            throw XCTSkip("the translate executable was not found beside the test bundle")
        }
        return try ProcessRun.run(executable, arguments, in: directory)
    }

    func makeApp(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("binary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, contents) in files {
            try Data(contents.utf8).write(to: directory.appendingPathComponent(name))
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory
    }

    func testHelpAndVersion() throws {
        let help = try run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.standardOutput.contains("convert"))
        XCTAssertEqual(try run(["--version"]).status, 0)
        XCTAssertEqual(try run(["convert", "--help"]).status, 0)
    }

    func testUnknownOptionIsAUsageError() throws {
        let result = try run(["convert", "--stritc"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.standardError.contains("did you mean '--strict'?"), result.standardError)
        XCTAssertEqual(result.standardOutput, "")
        XCTAssertEqual(try run([]).status, 64)
        XCTAssertEqual(try run(["convrt"]).status, 64)
    }

    func testBadInputWritesNothing() throws {
        let app = try makeApp(["Procfile": "web: node ${X:?}\n"])
        let result = try run(["convert"], in: app)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.standardError.contains("Procfile:1:6: error:"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: app.appendingPathComponent("convox.yml").path))
    }

    /// Two separate processes (so two hash seeds) must write byte-identical files, and a second run changes nothing.
    func testIdempotentAcrossProcesses() throws {
        let procfile = "web: gunicorn app --bind 0.0.0.0:$PORT\nworker_a: celery worker\nrelease: migrate\n"
        let first = try makeApp(["Procfile": procfile])
        let second = try makeApp(["Procfile": procfile])
        XCTAssertEqual(try run(["convert"], in: first).status, 0)
        XCTAssertEqual(try run(["convert"], in: second).status, 0)
        let one = try Data(contentsOf: first.appendingPathComponent("convox.yml"))
        let two = try Data(contentsOf: second.appendingPathComponent("convox.yml"))
        XCTAssertEqual(one, two)
        let again = try run(["convert"], in: first)
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.standardOutput.contains("convox.yml: unchanged"), again.standardOutput)
    }

    func testHandEditIsRefusedUnlessForced() throws {
        let app = try makeApp(["Procfile": "web: node server.js\n"])
        XCTAssertEqual(try run(["convert"], in: app).status, 0)
        let manifest = app.appendingPathComponent("convox.yml")
        let edited = try String(contentsOf: manifest, encoding: .utf8) + "# my note\n"
        try Data(edited.utf8).write(to: manifest)
        let refused = try run(["convert"], in: app)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.standardError.contains("[output.edited-by-hand]"), refused.standardError)
        XCTAssertEqual(try String(contentsOf: manifest, encoding: .utf8), edited)
        XCTAssertEqual(try run(["convert", "--force"], in: app).status, 0)
        XCTAssertNotEqual(try String(contentsOf: manifest, encoding: .utf8), edited)
    }

    func testSymlinkedOutputIsRefused() throws {
        let app = try makeApp(["Procfile": "web: node server.js\n"])
        let elsewhere = try makeApp([:])
        try FileManager.default.createSymbolicLink(
            at: app.appendingPathComponent("convox.yml"), withDestinationURL: elsewhere.appendingPathComponent("x.yml"))
        let result = try run(["convert"], in: app)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.standardError.contains("[output.symlink]"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("x.yml").path))
    }

    /// What a pre-commit hook sees: in sync is 0 and silent on stdout; a stale file is 1 with a diff and the fix.
    func testCheckExitStatuses() throws {
        let app = try makeApp(["Procfile": "web: node server.js --port 8000\n"])
        XCTAssertEqual(try run(["convert"], in: app).status, 0)
        let inSync = try run(["check"], in: app)
        XCTAssertEqual(inSync.status, 0, inSync.standardError)
        XCTAssertEqual(inSync.standardOutput, "")
        try Data("web: node server.js --port 8000\nworker: node worker.js\n".utf8)
            .write(to: app.appendingPathComponent("Procfile"))
        let stale = try run(["check"], in: app)
        XCTAssertEqual(stale.status, 1)
        XCTAssertTrue(stale.standardOutput.contains("+++ b/convox.yml"), stale.standardOutput)
        // The hint names the binary as it was invoked (here by its absolute path), so it runs where the user is.
        let executable = try XCTUnwrap(Self.executable).path
        XCTAssertTrue(stale.standardError.contains("run `\(executable) convert`"), stale.standardError)
        XCTAssertEqual(try run(["check", "--bogus"], in: app).status, 64)
    }

    /// An unreadable input is one located error and nothing is written. Root reads mode-000 files, so when the
    /// tests run as root the binary is run as an unprivileged user with setpriv (util-linux).
    func testUnreadableInputIsALocatedError() throws {
        let app = try makeApp(["Procfile": "web: node server.js\n", "app.json": "{\"name\": \"x\"}\n"])
        chmod(app.path, 0o777)
        chmod(app.appendingPathComponent("Procfile").path, 0o644)
        chmod(app.appendingPathComponent("app.json").path, 0)
        var arguments = ["convert"]
        if geteuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), let executable = Self.executable
            else { throw XCTSkip("running as root without /usr/bin/setpriv; skipping the unreadable-file case") }
            // The binary must be reachable by the unprivileged user: copy it next to the app.
            let copy = app.appendingPathComponent("translate-copy")
            try FileManager.default.copyItem(at: executable, to: copy)
            chmod(copy.path, 0o755)
            var directory = app
            while directory.path != "/" {
                directory = directory.deletingLastPathComponent()
                var info = stat()
                if stat(directory.path, &info) == 0, info.st_mode & 0o001 == 0 {
                    throw XCTSkip("\(directory.path) is not searchable by other users; skipping the unreadable case")
                }
            }
            arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", copy.path, "convert"]
            let result = try run(arguments, in: app, executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
            check(result, app: app)
            return
        }
        check(try run(arguments, in: app), app: app)
    }

    private func check(_ result: Run, app: URL) {
        XCTAssertEqual(result.status, 2, result.standardError)
        XCTAssertTrue(result.standardError.contains("app.json: error: "), result.standardError)
        XCTAssertTrue(result.standardError.contains("[input.unreadable-file]"), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: app.appendingPathComponent("convox.yml").path))
    }
}
