import Foundation
import XCTest

@testable import translate

/// Outputs are written all or nothing: a failure on any one of them leaves the directory exactly as it was.
final class WriteTransactionTests: XCTestCase {
    func makeDirectory(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, contents) in files {
            try Data(contents.utf8).write(to: directory.appendingPathComponent(name))
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory
    }

    /// Every name and its bytes, hidden files included, so a leftover temporary file is seen.
    func snapshot(_ directory: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: directory.path)) ?? []
        for name in names {
            result[name] = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) ?? Data()
        }
        return result
    }

    /// A rename that fails after another file was already replaced puts the replaced file back.
    func testFailedRenameRestoresReplacedFiles() throws {
        let directory = try makeDirectory(["a.txt": "old a\n", "c.txt": "old c\n"])
        let before = snapshot(directory)
        var transaction = OutputWriter.Transaction()
        try transaction.stage(Array("new a\n".utf8), for: directory.appendingPathComponent("a.txt").path, mode: 0o644)
        try transaction.stage(Array("new b\n".utf8), for: directory.appendingPathComponent("b.txt").path, mode: 0o644)
        try transaction.stage(Array("new c\n".utf8), for: directory.appendingPathComponent("c.txt").path, mode: 0o644)
        // The second staged file vanishes before the commit (another process, a full disk's cleanup):
        // its rename fails after a.txt was already replaced.
        XCTAssertEqual(unlink(transaction.staged[1].temporary), 0)
        let failure = transaction.commit()
        transaction.removeLeftovers()
        XCTAssertEqual(failure?.path, directory.appendingPathComponent("b.txt").path)
        XCTAssertEqual(snapshot(directory), before, "a.txt must be put back and nothing left behind")
    }

    /// A target that cannot be kept as a backup (a directory cannot be hard-linked) stops before any rename.
    func testUnlinkableTargetStopsBeforeAnyRename() throws {
        let directory = try makeDirectory(["a.txt": "old a\n"])
        let blocker = directory.appendingPathComponent("b.txt")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: false)
        let before = snapshot(directory)
        var transaction = OutputWriter.Transaction()
        try transaction.stage(Array("new a\n".utf8), for: directory.appendingPathComponent("a.txt").path, mode: 0o644)
        try transaction.stage(Array("new b\n".utf8), for: blocker.path, mode: 0o644)
        XCTAssertEqual(transaction.commit()?.path, blocker.path)
        transaction.removeLeftovers()
        XCTAssertEqual(snapshot(directory), before)
    }

    /// A stale output removed in the same transaction (issue 13 point 6) comes back when a later write fails,
    /// and is gone, with no backup left, when the commit succeeds.
    func testRemovalIsUndoneWithTheWrites() throws {
        let directory = try makeDirectory(["MIGRATION.md": "old runbook\n", "convox.yml": "old\n"])
        let before = snapshot(directory)
        var failing = OutputWriter.Transaction()
        failing.stageRemoval(of: directory.appendingPathComponent("MIGRATION.md").path)
        try failing.stage(Array("new\n".utf8), for: directory.appendingPathComponent("convox.yml").path, mode: 0o644)
        XCTAssertEqual(unlink(failing.staged[1].temporary), 0)
        XCTAssertNotNil(failing.commit())
        failing.removeLeftovers()
        XCTAssertEqual(snapshot(directory), before, "the removed file must be put back")

        var succeeding = OutputWriter.Transaction()
        succeeding.stageRemoval(of: directory.appendingPathComponent("MIGRATION.md").path)
        try succeeding.stage(
            Array("new\n".utf8), for: directory.appendingPathComponent("convox.yml").path, mode: 0o644)
        XCTAssertNil(succeeding.commit())
        succeeding.removeLeftovers()
        XCTAssertEqual(snapshot(directory), ["convox.yml": Data("new\n".utf8)])
    }

    /// A successful commit leaves exactly the targets: no staged file and no backup.
    func testCommitLeavesOnlyTheTargets() throws {
        let directory = try makeDirectory(["a.txt": "old a\n"])
        var transaction = OutputWriter.Transaction()
        try transaction.createDirectory(directory.appendingPathComponent("new/deeper").path)
        try transaction.stage(Array("new a\n".utf8), for: directory.appendingPathComponent("a.txt").path, mode: 0o644)
        try transaction.stage(
            Array("b\n".utf8), for: directory.appendingPathComponent("new/deeper/b.txt").path, mode: 0o600)
        XCTAssertNil(transaction.commit())
        transaction.removeLeftovers()
        XCTAssertEqual(
            snapshot(directory),
            ["a.txt": Data("new a\n".utf8), "new": Data(), "new/deeper": Data(), "new/deeper/b.txt": Data("b\n".utf8)])
    }

    /// A rollback removes the directories the transaction created, and only those.
    func testRollbackRemovesCreatedDirectories() throws {
        let directory = try makeDirectory([:])
        var transaction = OutputWriter.Transaction()
        try transaction.createDirectory(directory.appendingPathComponent("out/convox").path)
        try transaction.stage(
            Array("x\n".utf8), for: directory.appendingPathComponent("out/convox/x").path, mode: 0o644)
        transaction.rollBack()
        XCTAssertEqual(snapshot(directory), [:])
    }

    /// The real thing: a file-size limit (`ulimit -f`) makes the larger outputs fail with EFBIG. The small
    /// convox.yml was staged first; neither it nor any temporary file may be left, and an earlier run's files
    /// stay byte for byte.
    func testFileSizeLimitWritesNothing() throws {
        guard let executable = BinaryTests.executable else {
            throw XCTSkip("the translate executable was not found beside the test bundle")
        }
        let app = try makeDirectory([
            "Procfile": "web: node server.js\n", "package.json": "{\"engines\": {\"node\": \"20.x\"}}\n",
            "package-lock.json": "{}\n",
        ])
        func convert(limitedTo blocks: Int?) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            let limit = blocks.map { "ulimit -f \($0); " } ?? ""
            process.arguments = ["-c", limit + "exec \"$0\" convert", executable.path]
            process.currentDirectoryURL = app
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        let untouched = snapshot(app)
        XCTAssertEqual(try convert(limitedTo: 1), 2)
        XCTAssertEqual(snapshot(app), untouched, "a failed run must not create any file")

        XCTAssertEqual(try convert(limitedTo: nil), 0)
        try Data("web: node server.js\nworker: node worker.js\n".utf8).write(to: app.appendingPathComponent("Procfile"))
        let converted = snapshot(app)
        XCTAssertEqual(try convert(limitedTo: 1), 2)
        XCTAssertEqual(snapshot(app), converted, "a failed run must leave the earlier outputs as they were")
    }

    /// A permission failure on the last output: with `--out` inside the app the .dockerignore goes to the app's
    /// root, which the user cannot write, while DIR is writable. The outputs already staged in DIR must go, and
    /// DIR itself, created by the run, too. As root the binary runs as nobody (setpriv), since root writes anyway.
    func testPermissionFailureRollsBackEveryDirectory() throws {
        guard let executable = BinaryTests.executable else {
            throw XCTSkip("the translate executable was not found beside the test bundle")
        }
        let app = try makeDirectory([
            "Procfile": "web: node server.js\n", "package.json": "{\"engines\": {\"node\": \"20.x\"}}\n",
            "package-lock.json": "{}\n",
        ])
        try FileManager.default.createDirectory(
            at: app.appendingPathComponent("deploy"), withIntermediateDirectories: false)
        chmod(app.path, 0o755)
        chmod(app.appendingPathComponent("deploy").path, 0o777)
        var command = [executable.path]
        if geteuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                throw XCTSkip("running as root without /usr/bin/setpriv; skipping the permission case")
            }
            var directory = app
            while directory.path != "/" {
                directory = directory.deletingLastPathComponent()
                var info = stat()
                if stat(directory.path, &info) == 0, info.st_mode & 0o001 == 0 {
                    throw XCTSkip("\(directory.path) is not searchable by other users; skipping the permission case")
                }
            }
            let copy = app.appendingPathComponent("deploy/translate-copy")
            try FileManager.default.copyItem(at: executable, to: copy)
            chmod(copy.path, 0o755)
            command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", copy.path]
        } else {
            chmod(app.path, 0o555)
        }
        defer { chmod(app.path, 0o755) }
        let before = snapshot(app)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + ["convert", "--out", "deploy/convox"]
        process.currentDirectoryURL = app
        let standardError = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = standardError
        try process.run()
        let stderr = String(decoding: standardError.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 2, stderr)
        XCTAssertTrue(stderr.contains(".dockerignore"), stderr)
        XCTAssertTrue(stderr.contains("[output.write-failed]"), stderr)
        XCTAssertEqual(snapshot(app), before, "deploy/convox and its staged files must be gone")
    }
}
