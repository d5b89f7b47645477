import Foundation
import XCTest

@testable import translate

/// Inputs built to break a parser: every one must end in exit 0 or 2 with located diagnostics, never a trap,
/// and an error must leave the directory exactly as it was.
final class HostileInputTests: XCTestCase {
    func makeApp(_ files: [String: [UInt8]]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, contents) in files {
            try Data(contents).write(to: directory.appendingPathComponent(name))
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory
    }

    func convert(_ app: URL, _ arguments: [String] = []) -> CommandResult {
        let context = CommandContext(
            workingDirectory: app.path, environment: [:], isStandardErrorTTY: false, readStandardInput: { [] })
        return TranslateCLI.run(arguments: ["convert"] + arguments, context: context)
    }

    func listing(_ app: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: app.path)) ?? []).sorted()
    }

    func testSeveralMegabyteProcfile() throws {
        var text = "web: node server.js\n"
        for index in 0..<60_000 { text += "worker_\(index): node worker.js --queue=q\(index) # job\n" }
        let app = try makeApp(["Procfile": Array(text.utf8)])
        let result = convert(app, ["--dry-run"])
        XCTAssertEqual(result.status, 0, String(result.standardError.prefix(500)))
    }

    func testOneMegabyteLine() throws {
        let command = String(repeating: "a", count: 1_048_576)
        let app = try makeApp(["Procfile": Array("web: \(command)\n".utf8)])
        let result = convert(app, ["--dry-run"])
        XCTAssertEqual(result.status, 0)
    }

    func testBinaryGarbageIsALocatedError() throws {
        var generator = SystemRandomNumberGenerator()
        let garbage = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0]
        let app = try makeApp(["Procfile": garbage])
        let before = listing(app)
        let result = convert(app)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.standardError.hasPrefix("Procfile:"), result.standardError)
        XCTAssertEqual(listing(app), before, "an error must not create files")
    }

    func testUnreadableFile() throws {
        guard geteuid() != 0 else {
            throw XCTSkip("running as root, which can read a mode-000 file; skipping the unreadable-file case")
        }
        let app = try makeApp(["Procfile": Array("web: x\n".utf8)])
        chmod(app.appendingPathComponent("Procfile").path, 0)
        let result = convert(app)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.standardError.contains("[input.unreadable-file]"), result.standardError)
    }

    /// An interrupted write must leave the old file whole: the new bytes go to a temporary file that is renamed.
    func testAtomicWriteLeavesNoPartialFile() throws {
        let app = try makeApp(["convox.yml": Array("old\n".utf8)])
        let target = app.appendingPathComponent("convox.yml").path
        try OutputWriter.writeAtomically(Array("new\n".utf8), to: target, mode: 0o644)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "new\n")
        XCTAssertEqual(listing(app), ["convox.yml"], "no temporary file may be left behind")
        XCTAssertThrowsError(
            try OutputWriter.writeAtomically([1], to: app.appendingPathComponent("missing/x").path, mode: 0o644))
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "new\n")
    }

    func testSecretFilesAreCreatedPrivate() throws {
        let app = try makeApp([:])
        let target = app.appendingPathComponent(".env").path
        try OutputWriter.writeAtomically(Array("A=1\n".utf8), to: target, mode: 0o600)
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }
}
