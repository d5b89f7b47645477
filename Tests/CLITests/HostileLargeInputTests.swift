import Foundation
import XCTest

@testable import translate

/// The big half of the hostile-input suite (issue 8): inputs too large for a golden case, generated here for every
/// frontend. Each run must end in 0, 1 or 2 (never a trap, never a hang), every error must point at a line of the
/// file, and an error must leave the app directory exactly as it was. The small cases are the `hostile-*` goldens.
final class HostileLargeInputTests: XCTestCase {
    /// One input file of one frontend, with what it needs beside it and the command that reads it.
    struct Target {
        var name: String
        var file: String
        /// The arguments after the subcommand's own; `FILE` stands for `file`.
        var arguments: [String]
        var companions: [String: String] = ["Procfile": "web: bundle exec puma -C config/puma.rb\n"]
        /// Valid content of roughly `count` entries, each on its own line.
        var body: (Int) -> String
        /// Valid content with one value of `length` characters on a single line.
        var longLine: (String) -> String
        /// Nested `depth` deep, for formats that nest; nil for line formats.
        var nested: ((Int) -> String)? = nil
    }

    static let jsonNesting: (Int) -> String = { depth in
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    static let targets: [Target] = [
        Target(
            name: "Procfile", file: "Procfile", arguments: ["convert"], companions: [:],
            body: { count in
                (0..<count).map { "worker_\($0): bundle exec sidekiq -q queue_\($0)\n" }.joined()
            },
            longLine: { "web: bundle exec puma \($0)\n" }),
        Target(
            name: "app.json", file: "app.json", arguments: ["convert"],
            body: { count in
                "{\"env\": {\n" + (0..<count).map { "  \"KEY_\($0)\": {\"value\": \"value \($0)\"}" }
                    .joined(separator: ",\n") + "\n}}\n"
            },
            longLine: { "{\n  \"name\": \"shop\",\n  \"description\": \"\($0)\"\n}\n" }, nested: jsonNesting),
        Target(
            name: "heroku-snapshot.json", file: "heroku-snapshot.json", arguments: ["convert"],
            body: { count in
                "{\"app\": {\"name\": \"shop\"},\n\"config_vars\": [\n"
                    + (0..<count).map { "  \"KEY_\($0)\"" }.joined(separator: ",\n") + "\n],\n\"formation\": [\n"
                    + (0..<count).map { "  {\"type\": \"worker_\($0)\", \"quantity\": 1, \"size\": \"Basic\"}" }
                        .joined(separator: ",\n") + "\n]}\n"
            },
            longLine: { "{\n  \"app\": {\"name\": \"shop\"},\n  \"features\": [\"\($0)\"]\n}\n" }, nested: jsonNesting),
        Target(
            name: "config vars JSON", file: "config.json", arguments: ["convert", "--config-vars", "FILE"],
            body: { count in
                "{\n" + (0..<count).map { "  \"KEY_\($0)\": \"value \($0)\"" }.joined(separator: ",\n") + "\n}\n"
            },
            longLine: { "{\n  \"LONG\": \"\($0)\"\n}\n" }, nested: jsonNesting),
        Target(
            name: "config vars shell", file: "config.sh", arguments: ["convert", "--config-vars", "FILE"],
            body: { count in (0..<count).map { "KEY_\($0)='value \($0)'\n" }.joined() },
            longLine: { "A='1'\nLONG='\($0)'\n" }),
        Target(
            name: "config vars listing", file: "config.txt", arguments: ["convert", "--config-vars", "FILE"],
            // `heroku config` pads keys so the values line up; numbering from 100,000 keeps every key as wide.
            body: { count in
                "=== shop Config Vars\n" + (0..<count).map { "KEY_\(100_000 + $0): value \($0)\n" }.joined()
            },
            longLine: { "=== shop Config Vars\nLONG: \($0)\n" }),
        Target(
            name: "config vars dotenv", file: "config.env", arguments: ["convert", "--config-vars", "FILE"],
            body: { count in "# settings\n" + (0..<count).map { "KEY_\($0)=value_\($0)\n" }.joined() },
            longLine: { "# settings\nLONG=\($0)\n" }),
        Target(
            name: "scheduler dashboard", file: "scheduler.json", arguments: ["convert", "--scheduler", "FILE"],
            body: { count in
                "{\"data\": [\n" + (0..<count / 4).map {
                    "  {\"attributes\": {\"command\": \"bundle exec rake task_\($0)\", \"every\": 60, \"at\": 5}}"
                }.joined(separator: ",\n") + "\n]}\n"
            },
            longLine: {
                "{\"data\": [\n  {\"attributes\": {\"command\": \"rake \($0)\", \"every\": 10, \"at\": 0}}\n]}\n"
            },
            nested: jsonNesting),
        Target(
            name: "scheduler job list", file: "scheduler.json", arguments: ["convert", "--scheduler", "FILE"],
            body: { count in
                "[\n" + (0..<count / 4).map {
                    "  {\"command\": \"bundle exec rake task_\($0)\", \"frequency\": \"every_hour_at_5\"}"
                }.joined(separator: ",\n") + "\n]\n"
            },
            longLine: { "[\n  {\"command\": \"rake \($0)\", \"frequency\": \"every_ten_minutes\"}\n]\n" },
            nested: jsonNesting),
        Target(
            name: "scheduler text", file: "scheduler.txt", arguments: ["convert", "--scheduler", "FILE"],
            body: { count in (0..<count / 4).map { "Every hour at :05 $ bundle exec rake task_\($0)\n" }.joined() },
            longLine: { "Every 10 minutes $ rake \($0)\n" }),
        Target(
            name: "domains JSON", file: "domains.json", arguments: ["convert", "--domains", "FILE"],
            body: { count in
                "[\n" + (0..<count).map { "  {\"hostname\": \"www\($0).example.com\", \"kind\": \"custom\"}" }
                    .joined(separator: ",\n") + "\n]\n"
            },
            longLine: { "[\n  {\"hostname\": \"www.example.com\", \"kind\": \"custom\", \"cname\": \"\($0)\"}\n]\n" },
            nested: jsonNesting),
        Target(
            name: "domains lines", file: "domains.txt", arguments: ["convert", "--domains", "FILE"],
            body: { count in (0..<count).map { "www\($0).example.com\n" }.joined() },
            longLine: { "www.example.com # \($0)\n" }),
        Target(
            name: "package.json", file: "package.json", arguments: ["convert"],
            companions: ["Procfile": "web: node server.js\n", "package-lock.json": ""],
            body: { count in
                "{\n  \"engines\": {\"node\": \"20.x\"},\n  \"dependencies\": {\n"
                    + (0..<count).map { "    \"package-\($0)\": \"^1.0.\($0)\"" }.joined(separator: ",\n")
                    + "\n  }\n}\n"
            },
            longLine: { "{\n  \"description\": \"\($0)\",\n  \"engines\": {\"node\": \"20.x\"}\n}\n" },
            nested: jsonNesting),
        Target(
            name: "Gemfile.lock", file: "Gemfile.lock", arguments: ["convert"],
            companions: ["Procfile": "web: bundle exec puma\n", "Gemfile": "source \"https://rubygems.org\"\n"],
            body: { count in
                "GEM\n  remote: https://rubygems.org/\n  specs:\n" + (0..<count).map { "    gem_\($0) (1.0.\($0))\n" }
                    .joined() + "\nRUBY VERSION\n   ruby 3.3.4p94\n"
            },
            longLine: { "GEM\n  specs:\n    \($0) (1.0)\n\nRUBY VERSION\n   ruby 3.3.4p94\n" }),
        Target(
            name: "runtime.txt", file: "runtime.txt", arguments: ["convert"],
            companions: ["Procfile": "web: gunicorn app:app\n", "requirements.txt": "gunicorn\n"],
            body: { count in "python-3.12.4\n" + (0..<count).map { "# note \($0)\n" }.joined() },
            longLine: { "python-3.12.4 \($0)\n" }),
        Target(
            name: "composer.json", file: "composer.json", arguments: ["convert"],
            companions: ["Procfile": "web: heroku-php-apache2 public/\n", "composer.lock": "{}\n"],
            body: { count in
                "{\n  \"require\": {\n    \"php\": \"~8.3.0\",\n"
                    + (0..<count).map { "    \"vendor/package-\($0)\": \"^1.\($0)\"" }.joined(separator: ",\n")
                    + "\n  }\n}\n"
            },
            longLine: { "{\n  \"description\": \"\($0)\",\n  \"require\": {\"php\": \"~8.3.0\"}\n}\n" },
            nested: jsonNesting),
        Target(
            name: "go.mod", file: "go.mod", arguments: ["convert"], companions: ["Procfile": "web: bin/shop\n"],
            body: { count in
                "module example.com/shop\n\ngo 1.22\n\nrequire (\n"
                    + (0..<count).map { "\texample.com/module\($0) v1.0.\($0)\n" }.joined() + ")\n"
            },
            longLine: { "module example.com/\($0)\n\ngo 1.22\n" }),
        Target(
            name: "heroku.yml", file: "heroku.yml", arguments: ["convert"],
            companions: ["Dockerfile": "FROM debian:bookworm-slim\nCMD [\"bin/web\"]\n"],
            body: { count in
                "build:\n  docker:\n    web: Dockerfile\nrun:\n"
                    + (0..<count).map { "  worker-\($0): bin/run --queue=q\($0)\n" }.joined()
            },
            longLine: { "build:\n  docker:\n    web: Dockerfile\nrun:\n  web: bin/web \($0)\n" },
            nested: { depth in "build:\n  docker:\n    web: Dockerfile\nrun: " + jsonNesting(depth) + "\n" }),
        Target(
            name: "convox.yml (lint)", file: "convox.yml", arguments: ["lint", "FILE"], companions: [:],
            body: { count in
                "services:\n" + (0..<count / 4).map { "  service-\($0):\n    build: .\n    command: bin/run \($0)\n" }
                    .joined()
            },
            longLine: { "services:\n  web:\n    build: .\n    command: bin/run \($0)\n" },
            nested: { depth in "services: " + jsonNesting(depth) + "\n" }),
        Target(
            name: "convox.yml (diff)", file: "manifest.yml", arguments: ["diff", "--against", "FILE"],
            body: { count in
                "services:\n" + (0..<count / 4).map { "  service-\($0):\n    build: .\n    command: bin/run \($0)\n" }
                    .joined()
            },
            longLine: { "services:\n  web:\n    build: .\n    command: bin/run \($0)\n" },
            nested: { depth in "services:\n  web:\n    environment: " + jsonNesting(depth) + "\n" }),
    ]

    func makeApp(_ files: [String: [UInt8]]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, contents) in files {
            try Data(contents).write(to: directory.appendingPathComponent(name))
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory
    }

    /// Every file name in the directory with its bytes, to prove an error changed nothing.
    func snapshot(_ app: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: app.path)) ?? [] {
            result[name] = FileManager.default.contents(atPath: app.appendingPathComponent(name).path) ?? Data()
        }
        return result
    }

    /// Runs `target` on `contents` in a fresh app and checks the contract; returns the result for extra checks.
    @discardableResult
    func check(
        _ target: Target, _ contents: String, _ label: String, file: StaticString = #filePath, line: UInt = #line
    ) throws -> CommandResult {
        var files = target.companions.mapValues { Array($0.utf8) }
        files[target.file] = Array(contents.utf8)
        let app = try makeApp(files)
        let before = snapshot(app)
        let context = CommandContext(
            workingDirectory: app.path, environment: [:], isStandardErrorTTY: false, readStandardInput: { [] })
        let arguments = target.arguments.map { $0 == "FILE" ? target.file : $0 }
        let result = TranslateCLI.run(arguments: arguments, context: context)
        let what = "\(target.name), \(label)"
        XCTAssertTrue([0, 1, 2].contains(result.status), "\(what): exit \(result.status)", file: file, line: line)
        if result.status == 2 {
            XCTAssertEqual(snapshot(app), before, "\(what): an error must leave the app unchanged", file: file,
                line: line)
            let errors = result.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
            XCTAssertFalse(errors.isEmpty, "\(what): exit 2 without an error", file: file, line: line)
            for error in errors {
                XCTAssertNotNil(
                    error.range(of: "^\(NSRegularExpression.escapedPattern(for: target.file)):[0-9]+",
                        options: .regularExpression),
                    "\(what): error not located at a line of \(target.file): \(error.prefix(300))", file: file,
                    line: line)
            }
        }
        XCTAssertLessThan(result.standardError.split(separator: "\n").map(\.count).max() ?? 0, 2_000,
            "\(what): a diagnostic line quotes too much input", file: file, line: line)
        return result
    }

    /// Megabytes of valid entries (2 MB or more per file, enough to show quadratic work in a debug build): read in
    /// reasonable time, with no error.
    func testSeveralMegabytes() throws {
        for target in Self.targets {
            let count = 2_000_000 * 1_000 / max(target.body(1_000).utf8.count, 1) + 1
            let contents = target.body(count)
            XCTAssertGreaterThanOrEqual(contents.utf8.count, 2_000_000, "\(target.name): input too small")
            let result = try check(target, contents, "several MB")
            XCTAssertNotEqual(result.status, 2, "\(target.name), several MB: \(result.standardError.prefix(500))")
        }
    }

    /// A single line of 1 MB inside an otherwise valid file.
    func testOneMegabyteLine() throws {
        let value = String(repeating: "x", count: 1_048_576)
        for target in Self.targets {
            try check(target, target.longLine(value), "1 MB line")
        }
    }

    /// JSON and YAML nested 100,000 deep: a located error, not a stack overflow.
    func testNestedOneHundredThousandDeep() throws {
        for target in Self.targets {
            guard let nested = target.nested else { continue }
            let result = try check(target, nested(100_000), "nested 100,000 deep")
            XCTAssertTrue(
                result.standardError.contains("nested more than") || result.standardError.contains("deeper than"),
                "\(target.name): \(result.standardError.prefix(500))")
        }
    }

    /// A file the user cannot read is one located error. Root reads mode-000 files, so the case cannot be made.
    func testUnreadableFileForEveryFrontend() throws {
        guard geteuid() != 0 else {
            throw XCTSkip("running as root, which can read a mode-000 file; skipping the unreadable-file cases")
        }
        for target in Self.targets {
            var files = target.companions.mapValues { Array($0.utf8) }
            files[target.file] = Array(target.body(4).utf8)
            let app = try makeApp(files)
            chmod(app.appendingPathComponent(target.file).path, 0)
            let context = CommandContext(
                workingDirectory: app.path, environment: [:], isStandardErrorTTY: false, readStandardInput: { [] })
            let result = TranslateCLI.run(
                arguments: target.arguments.map { $0 == "FILE" ? target.file : $0 }, context: context)
            XCTAssertEqual(result.status, 2, "\(target.name): \(result.standardError)")
            XCTAssertTrue(result.standardError.contains("\(target.file): error: "), result.standardError)
            XCTAssertTrue(result.standardError.contains("[input.unreadable-file]"), result.standardError)
        }
    }
}
