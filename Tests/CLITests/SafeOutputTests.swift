import Foundation
import XCTest

@testable import translate

/// Where translate may write, and what git and Docker then make of the env file.
final class SafeOutputTests: XCTestCase {
    func makeDirectory(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("safe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, contents) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory
    }

    func run(_ arguments: [String], in directory: URL, stdin: [UInt8] = []) -> CommandResult {
        let context = CommandContext(
            workingDirectory: directory.path, environment: [:], isStandardErrorTTY: false,
            readStandardInput: { stdin })
        return TranslateCLI.run(arguments: arguments, context: context)
    }

    func names(_ directory: URL) -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    /// A linked `--out`, a linked APP_DIR (the output directory when there is no `--out`) and a linked parent of
    /// `--out` are refused, and nothing is written through them; `--force` writes.
    func testLinksOnTheWayToTheOutputDirectoryAreRefused() throws {
        let root = try makeDirectory(["real/app/Procfile": "web: node server.js\n"])
        let fileManager = FileManager.default
        try fileManager.createSymbolicLink(
            atPath: root.appendingPathComponent("link").path, withDestinationPath: "real")
        try fileManager.createSymbolicLink(
            atPath: root.appendingPathComponent("applink").path, withDestinationPath: "real/app")
        let before = names(root)
        for arguments in [
            ["convert", "applink"], ["convert", "link/app"], ["convert", "real/app", "--out", "link/out"],
            ["convert", "real/app", "--out", "applink/deploy"], ["convert", "real/app", "--out", "link"],
        ] {
            let result = run(arguments, in: root)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.standardError)")
            XCTAssertTrue(result.standardError.contains("[output.symlink]"), "\(arguments): \(result.standardError)")
            XCTAssertEqual(names(root), before, "\(arguments) wrote through a link")
        }
        XCTAssertEqual(run(["convert", "real/app", "--out", "deploy"], in: root).status, 0, "no link on the way")
        XCTAssertEqual(run(["convert", "applink", "--force"], in: root).status, 0)
        XCTAssertTrue(fileManager.fileExists(atPath: root.appendingPathComponent("real/app/convox.yml").path))
    }

    /// Git's own rules decide: after a conversion `git check-ignore` must say the env file is ignored, even when
    /// the user's .gitignore re-includes it with a later negation.
    func testGitIgnoresTheEnvFile() throws {
        let git = "/usr/bin/git"
        guard FileManager.default.isExecutableFile(atPath: git) else { throw XCTSkip("git is not installed") }
        for (gitignore, envFile) in [
            (".env\n!.env*\n", ".env"), ("*\n!*.convox\n", ".env.convox"), ("", "prod.env"),
            ("# mine\n!/.env.local", ".env.local"), (".env.local\n!**/.env.local\n", ".env.local"),
        ] {
            let app = try makeDirectory([
                "Procfile": "web: node server.js\n", "vars.json": "{\"A\": \"1\"}\n", ".gitignore": gitignore,
            ])
            let result = run(["convert", "--config-vars", "vars.json", "--env-file", envFile], in: app)
            XCTAssertEqual(result.status, 0, result.standardError)
            XCTAssertEqual(try execute(git, ["init", "-q"], in: app), 0)
            XCTAssertEqual(
                try execute(git, ["check-ignore", "-q", envFile], in: app), 0,
                "git does not ignore \(envFile) with .gitignore \(gitignore.debugDescription)")
            // A second run adds nothing more: the appended line is now in force.
            let again = run(["convert", "--config-vars", "vars.json", "--env-file", envFile], in: app)
            XCTAssertTrue(again.standardOutput.contains(".gitignore: unchanged"), again.standardOutput)
        }
    }

    /// `check` reads a user's .dockerignore and .gitignore the way convert appends to them: in sync when every
    /// line convert would add is in force, stale (with the lines to append) when a later negation undoes one.
    func testCheckAcceptsAppendedUserFiles() throws {
        let app = try makeDirectory([
            "Procfile": "web: node server.js\n", "vars.json": "{\"A\": \"1\"}\n", "package.json": "{}\n",
            "package-lock.json": "{}\n", ".dockerignore": "node_modules\n", ".gitignore": "*.log\n",
        ])
        let arguments = ["--config-vars", "vars.json"]
        XCTAssertEqual(run(["convert"] + arguments, in: app).status, 0)
        let inSync = run(["check"] + arguments, in: app)
        XCTAssertEqual(inSync.status, 0, inSync.standardOutput + inSync.standardError)
        let dockerignore = app.appendingPathComponent(".dockerignore")
        try Data((try String(contentsOf: dockerignore, encoding: .utf8) + "!.env\n").utf8).write(to: dockerignore)
        let stale = run(["check"] + arguments, in: app)
        XCTAssertEqual(stale.status, 1, stale.standardError)
        XCTAssertTrue(stale.standardOutput.contains("+**/.env\n"), stale.standardOutput)
    }

    /// The env file is 0600 after every run: one the user loosened is tightened, also when nothing else changed.
    func testEnvFileModeIsTightenedOnEveryRun() throws {
        let app = try makeDirectory(["Procfile": "web: node server.js\n", "vars.json": "{\"A\": \"1\"}\n"])
        let envFile = app.appendingPathComponent(".env").path
        func mode() throws -> Int? {
            (try FileManager.default.attributesOfItem(atPath: envFile)[.posixPermissions] as? NSNumber)?.intValue
        }
        XCTAssertEqual(run(["convert", "--config-vars", "vars.json"], in: app).status, 0)
        XCTAssertEqual(try mode(), 0o600)
        chmod(envFile, 0o644)
        let dryRun = run(["convert", "--config-vars", "vars.json", "--dry-run"], in: app)
        XCTAssertTrue(dryRun.standardOutput.contains(".env: would be unchanged (its mode would be set back to 0600)"),
            dryRun.standardOutput)
        XCTAssertEqual(try mode(), 0o644, "a dry run changes nothing")
        let again = run(["convert", "--config-vars", "vars.json"], in: app)
        XCTAssertTrue(again.standardOutput.contains(".env: unchanged (mode set back to 0600)"), again.standardOutput)
        XCTAssertEqual(try mode(), 0o600)
        chmod(envFile, 0o640)
        try Data("{\"A\": \"2\"}\n".utf8).write(to: app.appendingPathComponent("vars.json"))
        XCTAssertEqual(run(["convert", "--config-vars", "vars.json"], in: app).status, 0)
        XCTAssertEqual(try mode(), 0o600, "a replaced env file is 0600 too")
    }

    /// An env file git already tracks stays committable whatever .gitignore says: git itself is asked, and says so.
    func testTrackedEnvFileIsReported() throws {
        let git = "/usr/bin/git"
        guard FileManager.default.isExecutableFile(atPath: git) else { throw XCTSkip("git is not installed") }
        let app = try makeDirectory(["Procfile": "web: node server.js\n", "vars.json": "{\"A\": \"1\"}\n"])
        let arguments = ["convert", "--config-vars", "vars.json", "--env-file", ".env.convox"]
        XCTAssertEqual(run(arguments, in: app).status, 0)
        let untracked = run(arguments + ["--force"], in: app)
        XCTAssertFalse(untracked.standardError.contains("[output.env-file"), "not a git work tree yet")
        XCTAssertEqual(try execute(git, ["init", "-q"], in: app), 0)
        XCTAssertEqual(try execute(git, ["add", "-f", ".env.convox"], in: app), 0)
        try Data("{\"A\": \"2\"}\n".utf8).write(to: app.appendingPathComponent("vars.json"))
        let tracked = run(arguments, in: app)
        XCTAssertEqual(tracked.status, 0, tracked.standardError)
        XCTAssertTrue(tracked.standardError.contains("[output.env-file-tracked]"), tracked.standardError)
        XCTAssertTrue(tracked.standardError.contains("git rm --cached '.env.convox'"), tracked.standardError)
        XCTAssertFalse(tracked.standardError.contains("[output.env-file-not-ignored]"), tracked.standardError)
    }

    /// Rows of (existing file, required lines, lines still to append): a line is in force only when no later
    /// negation of the user's could re-include it; our own negations and unrelated ones do not count.
    func testLinesInForce() {
        let rows: [(String, [String], [String])] = [
            ("", [".env"], [".env"]),
            (".env\n", [".env"], []),
            (".env   \n", [".env"], []),
            (" .env\n", [".env"], [".env"]),
            (".env\n!.env\n", [".env"], [".env"]),
            (".env\n!.env*\n", [".env"], [".env"]),
            (".env\n!/.env\n", [".env"], [".env"]),
            (".env\n!**/.env\n", [".env"], [".env"]),
            (".env\n!**\n", [".env"], [".env"]),
            (".env\n!node_modules/keep\n", [".env"], []),
            (".env\n!*.log\n", [".env"], []),
            (".env\n!config/.env\n", [".env"], []),
            (".env\n!.env/\n", [".env"], []),
            ("**/.env.*\n!**/.env.example\n", ["**/.env.*", "!**/.env.example"], []),
            ("**/.env.*\n!.env.production\n", ["**/.env.*"], ["**/.env.*"]),
            ("!.env\n.env\r\n", [".env"], []),
        ]
        for (existing, required, expected) in rows {
            let missing = OutputWriter.linesNotInForce(required, in: existing, trimsLeadingBlanks: false)
            XCTAssertEqual(missing, expected, "row: \(existing.debugDescription)")
        }
        XCTAssertEqual(OutputWriter.linesNotInForce([".env"], in: " .env\n", trimsLeadingBlanks: true), [],
            "Docker trims both ends of a line")
    }

    /// Names no .gitignore or .dockerignore line could carry literally are usage errors.
    func testEnvFileNamesThatIgnoreFilesCannotHold() throws {
        let app = try makeDirectory(["Procfile": "web: node server.js\n"])
        for name in [
            "#prod.env", "prod.env ", " prod.env", "a\n!b", "a/b", "..", "", "!x", "*.env", "a[1]", "a\\b",
            "prod=1.env", "convox.yml", "Convox.yml", "MIGRATION.md", ".gitignore", ".dockerignore", "Dockerfile",
            "a\u{0}b", "a\u{2028}b",
        ] {
            let result = run(["convert", "--env-file", name], in: app)
            XCTAssertEqual(result.status, 64, "\(name.debugDescription): \(result.standardError)")
            XCTAssertEqual(result.standardError.split(separator: "\n").count, 2, result.standardError)
        }
        XCTAssertEqual(names(app), ["Procfile"])
    }

    /// `--config-vars /dev/stdin` reads the same stream as `-`, and so does a pipe the shell names (`<(...)`).
    func testStandardInputUnderItsDeviceNames() throws {
        let app = try makeDirectory(["Procfile": "web: node server.js\n"])
        let result = run(
            ["convert", "--config-vars", "/dev/stdin", "--dry-run"], in: app, stdin: Array("{\"A\": \"1\"}".utf8))
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardOutput.contains(".env: would be created"), result.standardOutput)
        XCTAssertEqual(try execute(
            "/bin/bash", ["-c", "\"$0\" convert --dry-run --config-vars <(printf '{\"A\": \"1\"}')",
                BinaryTests.executable?.path ?? "translate"], in: app), 0)
    }

    /// A device or pipe has no size up front: it is read to its end, and an endless one stops at the limit.
    func testEndlessInputStopsAtTheLimit() throws {
        let app = try makeDirectory(["Procfile": "web: node server.js\n"])
        let endless = run(["convert", "--config-vars", "/dev/zero", "--dry-run"], in: app)
        XCTAssertEqual(endless.status, 2)
        XCTAssertTrue(endless.standardError.contains("/dev/zero: error: '/dev/zero' is over 67108864 bytes"),
            endless.standardError)
        let empty = run(["convert", "--config-vars", "/dev/null", "--dry-run"], in: app)
        XCTAssertEqual(empty.status, 0, empty.standardError)
        XCTAssertTrue(empty.standardError.contains("[configvars.empty]"), empty.standardError)
    }

    @discardableResult
    func execute(_ executable: String, _ arguments: [String], in directory: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
