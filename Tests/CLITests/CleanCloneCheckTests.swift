import Foundation
import XCTest

/// The keep-it-honest loop as CI runs it (issue 13, points 1-3): convert with the README's typical flags into a git
/// repository whose own .gitignore already has lines, commit, `git clone` (so the config vars file and the env
/// file are gone), and `translate check` with no flags must exit 0; the same for APP_DIR spelled relative,
/// absolute and `.`, which must also write byte-identical files.
final class CleanCloneCheckTests: XCTestCase {
    typealias Run = ProcessRun

    func run(_ arguments: [String], in directory: URL) throws -> Run {
        try ProcessRun.command(arguments, in: directory)
    }

    static let git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"]

    /// A small Rails-like app with its own CRLF .gitignore that lacks a final newline, plus the option files.
    func makeApp(at app: URL) throws {
        try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
        let files = [
            "Procfile": "web: bundle exec puma -C config/puma.rb\nworker: bundle exec sidekiq\n",
            "app.json": #"{"name": "shop", "env": {"RAILS_ENV": {"value": "production"}}}"# + "\n",
            "Gemfile": "source 'https://rubygems.org'\ngem 'rails'\n",
            ".gitignore": "/config/master.key\r\n/log/*\r\n/tmp/*",
            "domains.txt": "www.example.com\n",
            "scheduler.txt": "every 10 minutes $ bundle exec rake cleanup\n",
            "heroku-config.json": #"{"SECRET_TOKEN": "s3cr3t", "PLAIN_SETTING": "visible?", "NODE_ENV": "production"}"#,
        ]
        for (name, contents) in files {
            try Data(contents.utf8).write(to: app.appendingPathComponent(name))
        }
    }

    func testCheckPassesInAFreshCloneAfterConvertWithFlags() throws {
        guard let translate = BinaryTests.executable else {
            throw XCTSkip("the translate executable was not found beside the test bundle")
        }
        guard (try? run(["git", "--version"], in: FileManager.default.temporaryDirectory))?.status == 0 else {
            throw XCTSkip("git is not installed")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("clone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let flags = ["--config-vars", "heroku-config.json", "--domains", "domains.txt", "--scheduler", "scheduler.txt",
            "--heroku-app", "shop", "--generation", "2", "--health-path", "/up", "--env-file", ".env.convox"]
        var written: [String: [String: Data]] = [:]
        for spelling in ["relative", "absolute", "dot"] {
            let parent = scratch.appendingPathComponent(spelling)
            let app = parent.appendingPathComponent("shop")
            try makeApp(at: app)
            XCTAssertEqual(try run(["git", "init", "-q"], in: app).status, 0)
            let appArgument = spelling == "relative" ? ["shop"] : spelling == "absolute" ? [app.path] : ["."]
            let directory = spelling == "dot" ? app : parent
            // Paths of option files are typed relative to where the command runs.
            let typedFlags = spelling == "dot" ? flags : flags.map { flag in
                flag.hasSuffix(".txt") || flag.hasSuffix(".json") ? "shop/" + flag : flag
            }
            let converted = try run([translate.path, "convert"] + appArgument + typedFlags, in: directory)
            XCTAssertEqual(converted.status, 0, converted.output)
            let check = try run([translate.path, "check"], in: app)
            XCTAssertEqual(check.status, 0, "\(spelling): check right after convert\n\(check.output)")
            var outputs: [String: Data] = [:]
            for name in ["convox.yml", "Dockerfile", ".dockerignore", ".gitignore", "MIGRATION.md", ".translate.yml"] {
                outputs[name] = FileManager.default.contents(atPath: app.appendingPathComponent(name).path)
            }
            written[spelling] = outputs
            let recorded = String(decoding: outputs[".translate.yml"] ?? Data(), as: UTF8.self)
            XCTAssertFalse(recorded.contains("s3cr3t") || recorded.contains("visible?"), recorded)
            let manifest = String(decoding: outputs["convox.yml"] ?? Data(), as: UTF8.self)
            XCTAssertFalse(manifest.contains("visible?"), "a config var value reached convox.yml\n\(manifest)")

            XCTAssertEqual(try run(["git", "add", "-A"], in: app).status, 0)
            XCTAssertEqual(try run(Self.git + ["commit", "-qm", "convert"], in: app).status, 0)
            let clone = parent.appendingPathComponent("clone")
            XCTAssertEqual(try run(["git", "clone", "-q", app.path, clone.path], in: parent).status, 0)
            let values = clone.appendingPathComponent("heroku-config.json").path
            XCTAssertFalse(FileManager.default.fileExists(atPath: values), "the config vars file was committed")
            XCTAssertFalse(FileManager.default.fileExists(atPath: clone.appendingPathComponent(".env.convox").path))
            let cloneCheck = try run([translate.path, "check"], in: clone)
            XCTAssertEqual(cloneCheck.status, 0, "\(spelling): check in a fresh clone\n\(cloneCheck.output)")
            let again = try run([translate.path, "convert"], in: clone)
            XCTAssertEqual(again.status, 0, again.output)
            XCTAssertEqual(try run(["git", "status", "--porcelain"], in: clone).output, "",
                "\(spelling): a plain convert in the clone changed committed files")
        }
        XCTAssertEqual(written["relative"], written["absolute"], "APP_DIR relative and absolute differ")
        XCTAssertEqual(written["relative"], written["dot"], "APP_DIR relative and . differ")
    }
}
