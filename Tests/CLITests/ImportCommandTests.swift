import Foundation
import Translator
import XCTest

@testable import translate

/// `translate import` against recorded Platform API responses (Tests/Fixtures/platform-api, modelled on devcenter's
/// platform-api-reference) served by a server on 127.0.0.1 that each test starts and stops: no network.
final class ImportCommandTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/platform-api")
    static let token = "fake-token-0f9e8d7c-6b5a-4321-9876-abcdefabcdef"
    static let app = "shop-prod"
    static let appID = "01234567-89ab-cdef-0123-456789abcdef"
    static let slugID = "c0ffee00-0000-4000-8000-000000000312"

    /// Fixture file for each request path.
    static let routes: [String: String] = [
        "/apps/\(app)": "app.json",
        "/apps/\(app)/buildpack-installations": "buildpack-installations.json",
        "/apps/\(app)/formation": "formation.json",
        "/apps/\(app)/releases": "releases.json",
        "/apps/\(app)/slugs/\(slugID)": "slug.json",
        "/apps/\(app)/addons": "addons.json",
        "/apps/\(app)/addon-attachments": "addon-attachments.json",
        "/apps/\(app)/config-vars": "config-vars.json",
        "/apps/\(app)/domains": "domains.json",
        "/apps/\(app)/features": "features.json",
        "/apps/\(app)/log-drains": "log-drains.json",
        "/apps/\(app)/sni-endpoints": "sni-endpoints.json",
        "/apps/\(appID)/jobs": "scheduler-jobs.json",
    ]

    /// The fixture server: fixtures by path, `overrides` answered first (in order) for their path, and the
    /// domains list split into two pages joined by `Next-Range`, as the API pages a long list.
    final class FixtureServer: @unchecked Sendable {
        let lock = NSLock()
        var overrides: [String: [CannedResponse]]
        var bodies: [String: String]
        var server: LoopbackHTTPServer?

        init(overrides: [String: [CannedResponse]] = [:], bodies: [String: String] = [:]) throws {
            self.overrides = overrides
            var loaded: [String: String] = [:]
            for (path, file) in ImportCommandTests.routes {
                loaded[path] = try String(contentsOf: ImportCommandTests.fixtures.appendingPathComponent(file),
                    encoding: .utf8)
            }
            self.bodies = loaded.merging(bodies) { $1 }
            server = try LoopbackHTTPServer { [unowned self] request in respond(request) }
        }

        func respond(_ request: RecordedRequest) -> CannedResponse {
            lock.lock()
            defer { lock.unlock() }
            if var queue = overrides[request.path], !queue.isEmpty {
                let next = queue.removeFirst()
                overrides[request.path] = queue
                return next
            }
            guard let body = bodies[request.path] else {
                return CannedResponse(status: 404, body: #"{"id": "not_found", "message": "Couldn't find that app."}"#)
            }
            if request.path == "/apps/\(ImportCommandTests.app)/domains",
                let all = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [Any], all.count == 2
            {
                func page(_ item: Any) -> String {
                    String(decoding: (try? JSONSerialization.data(withJSONObject: [item])) ?? Data(), as: UTF8.self)
                }
                if request.headers["range"] == "]aa000000-0000-4000-8000-000000000001..; max=1" {
                    return CannedResponse(status: 200, body: page(all[1]))
                }
                return CannedResponse(
                    status: 206, headers: ["Next-Range": "]aa000000-0000-4000-8000-000000000001..; max=1"],
                    body: page(all[0]))
            }
            return CannedResponse(status: 200, headers: ["RateLimit-Remaining": "4321"], body: body)
        }

        var baseURL: String { server?.baseURL ?? "" }
        var requests: [RecordedRequest] { server?.requests ?? [] }
        func stop() { server?.stop() }
    }

    /// Delays the client asked to wait, recorded instead of slept.
    final class SleepRecorder: @unchecked Sendable {
        let lock = NSLock()
        var delays: [Double] = []
        func record(_ delay: Double) {
            lock.lock()
            delays.append(delay)
            lock.unlock()
        }
    }

    func makeApp(_ files: [String: String] = ["Procfile": "worker: bundle exec sidekiq -C config/sidekiq.yml\n"
        + "release: bin/rails db:migrate\n"]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, contents) in files {
            try contents.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory
    }

    func runImport(
        _ directory: URL, _ server: FixtureServer?, extra: [String] = [],
        environment: [String: String] = ["HEROKU_API_KEY": ImportCommandTests.token],
        sleeps: SleepRecorder = SleepRecorder()
    ) -> CommandResult {
        var context = CommandContext(
            workingDirectory: directory.path, environment: environment, isStandardErrorTTY: false,
            readStandardInput: { [] })
        context.sleep = { sleeps.record($0) }
        var arguments = ["import", Self.app]
        if let server { arguments += ["--api-url", server.baseURL, "--scheduler-url", server.baseURL + "/"] }
        return TranslateCLI.run(arguments: arguments + extra, context: context)
    }

    func listing(_ directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    func read(_ directory: URL, _ name: String) -> String {
        (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    func testImportWritesSnapshotValuesAndGitIgnore() throws {
        let server = try FixtureServer()
        defer { server.stop() }
        let app = try makeApp()
        let result = runImport(app, server)
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(result.standardOutput,
            ".gitignore: created\nheroku-config.json: created\nheroku-snapshot.json: created\n")
        let expectedURL = Self.fixtures.appendingPathComponent("expected-heroku-snapshot.json")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try read(app, "heroku-snapshot.json").write(to: expectedURL, atomically: true, encoding: .utf8)
            XCTFail("re-recorded \(expectedURL.path)")
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        XCTAssertEqual(read(app, "heroku-snapshot.json"), expected,
            UnifiedDiff.render(old: expected, new: read(app, "heroku-snapshot.json"), oldLabel: "expected",
                newLabel: "actual"))
        XCTAssertEqual(HerokuSnapshotDocument.status(of: read(app, "heroku-snapshot.json")), .unmodified)

        // The values, exactly as `heroku config --json` gives them, readable by their owner only.
        let values = try JSONSerialization.jsonObject(with: Data(read(app, "heroku-config.json").utf8)) as? [String: String]
        let fixture = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.fixtures.appendingPathComponent("config-vars.json"))) as? [String: String]
        XCTAssertEqual(values, fixture)
        let attributes = try FileManager.default.attributesOfItem(
            atPath: app.appendingPathComponent("heroku-config.json").path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertEqual(read(app, ".gitignore"), "heroku-config.json\n")

        // Headers and ranges as heroku/cli sends them.
        let requests = server.requests
        XCTAssertEqual(requests.count, 14, requests.map(\.path).joined(separator: "\n"))
        for request in requests {
            XCTAssertEqual(request.headers["authorization"], "Bearer \(Self.token)", request.path)
            XCTAssertEqual(request.headers["accept"], request.path.hasSuffix("/jobs")
                ? "application/vnd.api+json" : "application/vnd.heroku+json; version=3", request.path)
        }
        XCTAssertEqual(requests.first { $0.path.hasSuffix("/releases") }?.headers["range"],
            "version ..; max=10, order=desc")
        let domainRequests = requests.filter { $0.path.hasSuffix("/domains") }
        XCTAssertEqual(domainRequests.map { $0.headers["range"] ?? "-" },
            ["-", "]aa000000-0000-4000-8000-000000000001..; max=1"])

        // A re-import of an unchanged app changes no byte.
        let again = runImport(app, server)
        XCTAssertEqual(again.status, 0, again.standardError)
        XCTAssertEqual(again.standardOutput,
            ".gitignore: unchanged\nheroku-config.json: unchanged\nheroku-snapshot.json: unchanged\n")
        XCTAssertEqual(read(app, "heroku-snapshot.json"), expected)
    }

    func testConvertReadsTheSnapshotAndTheValues() throws {
        let server = try FixtureServer()
        defer { server.stop() }
        let app = try makeApp(["Procfile": "worker: bundle exec sidekiq -C config/sidekiq.yml\n",
            "Gemfile": "source 'https://rubygems.org'\ngem 'rails'\n"])
        XCTAssertEqual(runImport(app, server).status, 0)
        let context = CommandContext(
            workingDirectory: app.path, environment: [:], isStandardErrorTTY: false, readStandardInput: { [] })
        let converted = TranslateCLI.run(arguments: ["convert"], context: context)
        XCTAssertEqual(converted.status, 0, converted.standardError)
        let manifest = read(app, "convox.yml")
        for expected in ["  database:\n    type: rds-postgres", "  heroku-postgresql-cobalt:\n    type: postgres",
            "  redis:\n    type: elasticache-redis", "domain: www.shop.example.com", "schedule: \"*/10 * * * *\"",
            "count: 2", "memory: 2560"]
        {
            XCTAssertTrue(manifest.contains(expected), "convox.yml lacks \(expected):\n\(manifest)")
        }
        XCTAssertTrue(read(app, ".dockerignore").contains("heroku-config.json\n"), read(app, ".dockerignore"))
        XCTAssertTrue(read(app, ".env").contains("SECRET_KEY_BASE="))
        XCTAssertFalse(manifest.contains("fake0secret"))
    }

    func testRateLimitAndRetriesBackOff() throws {
        let formation = "/apps/\(Self.app)/formation"
        let server = try FixtureServer(overrides: [
            "/apps/\(Self.app)": [CannedResponse(status: 200, headers: ["RateLimit-Remaining": "0"],
                body: try String(contentsOf: Self.fixtures.appendingPathComponent("app.json"), encoding: .utf8))],
            formation: [CannedResponse(status: 429, headers: ["Retry-After": "3"], body: #"{"id": "rate_limit"}"#),
                CannedResponse(status: 503, body: #"{"id": "unavailable", "message": "Try again."}"#)],
        ])
        defer { server.stop() }
        let app = try makeApp()
        let sleeps = SleepRecorder()
        let result = runImport(app, server, sleeps: sleeps)
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(sleeps.delays, [2, 3, 2], "pause at RateLimit-Remaining 0, Retry-After, then backoff")
        XCTAssertEqual(server.requests.filter { $0.path == formation }.count, 3)
    }

    func assertFailsWritingNothing(
        _ result: CommandResult, _ app: URL, id: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(result.status, 2, result.standardError, file: file, line: line)
        XCTAssertTrue(result.standardError.contains("[\(id)]"), result.standardError, file: file, line: line)
        XCTAssertFalse(result.standardError.contains(Self.token), "the token was printed", file: file, line: line)
        XCTAssertFalse(result.standardOutput.contains(Self.token), file: file, line: line)
        XCTAssertEqual(listing(app), ["Procfile"], "a file was written", file: file, line: line)
    }

    func testServerErrorsAfterBoundedRetries() throws {
        let path = "/apps/\(Self.app)/config-vars"
        let server = try FixtureServer(overrides: [path: Array(repeating: CannedResponse(status: 503), count: 10)])
        defer { server.stop() }
        let app = try makeApp()
        let sleeps = SleepRecorder()
        let result = runImport(app, server, sleeps: sleeps)
        assertFailsWritingNothing(result, app, id: "import.server-error")
        XCTAssertTrue(result.standardError.contains("GET \(path): error: Heroku answered HTTP 503 4 times"),
            result.standardError)
        XCTAssertEqual(sleeps.delays, [1, 2, 4])
        let other = try FixtureServer(overrides: [path: [CannedResponse(status: 500)]])
        defer { other.stop() }
        assertFailsWritingNothing(runImport(app, other), app, id: "import.server-error")
    }

    func testBadTokenIsExplainedAndNeverEchoed() throws {
        let echo = #"{"id": "unauthorized", "message": "Invalid credentials provided: Bearer \#(Self.token)"}"#
        let server = try FixtureServer(overrides: ["/apps/\(Self.app)": [CannedResponse(status: 401, body: echo)]])
        defer { server.stop() }
        let app = try makeApp()
        let result = runImport(app, server)
        assertFailsWritingNothing(result, app, id: "import.unauthorized")
        XCTAssertTrue(result.standardError.contains("heroku login"), result.standardError)
        XCTAssertTrue(result.standardError.contains("Bearer <token>"), result.standardError)
        let forbidden = try FixtureServer(overrides: ["/apps/\(Self.app)": [CannedResponse(status: 403)]])
        defer { forbidden.stop() }
        assertFailsWritingNothing(runImport(app, forbidden), app, id: "import.unauthorized")
    }

    func testUnknownAppIsNotFound() throws {
        let server = try FixtureServer(overrides: ["/apps/\(Self.app)": [CannedResponse(status: 404,
            body: #"{"id": "not_found", "message": "Couldn't find that app."}"#)]])
        defer { server.stop() }
        let app = try makeApp()
        let result = runImport(app, server)
        assertFailsWritingNothing(result, app, id: "import.not-found")
        XCTAssertTrue(result.standardError.contains("Heroku has no app \"shop-prod\""), result.standardError)
    }

    func testMalformedAndUnexpectedAnswersAreLocatedErrors() throws {
        let path = "/apps/\(Self.app)/formation"
        let broken = try FixtureServer(bodies: [path: "[{\"type\": \"web\", \"quantity\": 2,"])
        defer { broken.stop() }
        let app = try makeApp()
        let result = runImport(app, broken)
        assertFailsWritingNothing(result, app, id: "json.syntax-error")
        XCTAssertTrue(result.standardError.hasPrefix("GET \(path):1:"), result.standardError)

        let shaped = try FixtureServer(bodies: [path: #"{"type": "web", "quantity": 2}"#])
        defer { shaped.stop() }
        let unexpected = runImport(app, shaped)
        assertFailsWritingNothing(unexpected, app, id: "import.invalid-response")
        XCTAssertTrue(unexpected.standardError.hasPrefix("GET \(path):1:1: error: formation entries are an object, "
            + "expected an array"), unexpected.standardError)

        let wrongField = try FixtureServer(bodies: [path: #"[{"type": "web", "quantity": "two", "size": "Basic"}]"#])
        defer { wrongField.stop() }
        assertFailsWritingNothing(runImport(app, wrongField), app, id: "import.invalid-response")
    }

    func testTimeoutIsAnError() throws {
        let server = try FixtureServer(overrides: ["/apps/\(Self.app)": [CannedResponse(status: 200, hangs: true)]])
        defer { server.stop() }
        let app = try makeApp()
        let result = runImport(app, server, extra: ["--timeout", "1"])
        assertFailsWritingNothing(result, app, id: "import.timeout")
    }

    func testTokenFromNetrcOrNone() throws {
        let server = try FixtureServer()
        defer { server.stop() }
        let app = try makeApp()
        assertFailsWritingNothing(runImport(app, server, environment: ["HOME": app.path + "/nowhere"]), app,
            id: "import.no-token")
        XCTAssertTrue(server.requests.isEmpty, "a request was sent without a token")

        let home = try makeApp([".netrc": "machine git.heroku.com\n  login me@example.com\n  password other\n"
            + "machine api.heroku.com\n  login me@example.com\n  password \(Self.token)\n"])
        let result = runImport(app, server, environment: ["HOME": home.path])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(server.requests.first?.headers["authorization"], "Bearer \(Self.token)")
    }

    /// Marked secrets in every field that must stay out (config var values, drain URLs and tokens, certificates,
    /// a private key, signed URLs, e-mail addresses) and in a field the API does not document: none reaches the
    /// snapshot, stdout or stderr; the unknown field is reported by name.
    func testPlantedSecretsNeverReachTheSnapshot() throws {
        var counter = 0
        func marker() -> String {
            counter += 1
            return "SECRET-MARKER-\(counter)"
        }
        let secretFields: Set<String> = ["url", "token", "certificate_chain", "private_key", "git_url", "web_url",
            "email", "log_input_url", "output_stream_url", "provider_id", "checksum", "commit_description"]
        func plant(_ value: Any) -> Any {
            if let array = value as? [Any] { return array.map(plant) }
            guard var object = value as? [String: Any] else { return value }
            // process_types maps process names to the commands the snapshot records on purpose: no fields there.
            for (key, member) in object where key != "process_types" {
                object[key] = secretFields.contains(key) && !(member is [String: Any]) ? marker() : plant(member)
            }
            object["private_key"] = marker()
            object["undocumented_field"] = marker()
            return object
        }
        var bodies: [String: String] = [:]
        for (path, file) in Self.routes {
            let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(file))
            var json = try JSONSerialization.jsonObject(with: data)
            if file == "config-vars.json", let values = json as? [String: String] {
                json = values.mapValues { _ in marker() }
            } else {
                json = plant(json)
            }
            bodies[path] = String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]),
                as: UTF8.self)
        }
        let server = try FixtureServer(bodies: bodies)
        defer { server.stop() }
        let app = try makeApp()
        let result = runImport(app, server)
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertGreaterThan(counter, 60)
        let snapshot = read(app, "heroku-snapshot.json")
        XCTAssertFalse(snapshot.isEmpty)
        for (name, text) in [("snapshot", snapshot), ("stdout", result.standardOutput),
            ("stderr", result.standardError)]
        {
            XCTAssertFalse(text.contains("SECRET-MARKER"), "a planted secret reached the \(name):\n\(text)")
        }
        XCTAssertTrue(result.standardError.contains("\"undocumented_field\""), result.standardError)
        XCTAssertTrue(read(app, "heroku-config.json").contains("SECRET-MARKER"), "the values file lost the values")
    }

    /// The outputs of the commands `--print-commands` lists (the CLI's shapes: `apps:info` wraps the app,
    /// `addons --json` embeds attachments, `releases:info` is one release) give the same snapshot as the API.
    func testSavedOutputsGiveTheSameSnapshot() throws {
        func fixture(_ name: String) throws -> Any {
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
        }
        let attachments = try fixture("addon-attachments.json") as? [[String: Any]] ?? []
        let addons = (try fixture("addons.json") as? [[String: Any]] ?? []).map { addon -> [String: Any] in
            var addon = addon
            addon["attachments"] = attachments.filter {
                ($0["addon"] as? [String: Any])?["name"] as? String == addon["name"] as? String
            }
            return addon
        }
        let release = (try fixture("releases.json") as? [[String: Any]] ?? []).first { $0["current"] as? Bool == true }
        let saved: [String: Any] = [
            "apps-info.json": ["app": try fixture("app.json"), "addons": addons, "collaborators": [], "dynos": [],
                "pipeline_coupling": NSNull()] as [String: Any],
            "addons.json": addons, "release.json": release ?? [:],
            "buildpack-installations.json": try fixture("buildpack-installations.json"),
            "formation.json": try fixture("formation.json"), "slug.json": try fixture("slug.json"),
            "config-vars.json": try fixture("config-vars.json"), "domains.json": try fixture("domains.json"),
            "features.json": try fixture("features.json"), "log-drains.json": try fixture("log-drains.json"),
            "sni-endpoints.json": try fixture("sni-endpoints.json"),
            "scheduler-jobs.json": try fixture("scheduler-jobs.json"),
        ]
        let app = try makeApp()
        let export = app.appendingPathComponent("heroku-export")
        try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
        for (name, json) in saved {
            try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted])
                .write(to: export.appendingPathComponent(name))
        }
        let result = runImport(app, nil, extra: ["--from", "heroku-export"], environment: [:])
        XCTAssertEqual(result.status, 0, result.standardError)
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("expected-heroku-snapshot.json"),
            encoding: .utf8)
        XCTAssertEqual(read(app, "heroku-snapshot.json"), expected,
            UnifiedDiff.render(old: expected, new: read(app, "heroku-snapshot.json"), oldLabel: "expected",
                newLabel: "from saved outputs"))
    }

    func testPrintCommandsNeedsNoTokenAndNoNetwork() throws {
        let app = try makeApp()
        let result = runImport(app, nil, extra: ["--print-commands"], environment: [:])
        XCTAssertEqual(result.status, 0, result.standardError)
        for command in ["HEROKU_APP=shop-prod", "heroku apps:info --json -a \"$HEROKU_APP\" > heroku-export/apps-info.json",
            "heroku addons --json", "heroku config --json", "heroku domains --json", "heroku features --json",
            "heroku drains --json", "heroku releases:info --json", "/formation", "/buildpack-installations",
            "/sni-endpoints", "/slugs/", "particleboard.heroku.com/apps/"]
        {
            XCTAssertTrue(result.standardOutput.contains(command), "missing \(command):\n\(result.standardOutput)")
        }
        XCTAssertEqual(listing(app), ["Procfile"])
    }

    func testEditedSnapshotAndOtherValuesNeedForce() throws {
        let server = try FixtureServer()
        defer { server.stop() }
        let app = try makeApp()
        XCTAssertEqual(runImport(app, server).status, 0)
        let snapshotPath = app.appendingPathComponent("heroku-snapshot.json")
        let edited = read(app, "heroku-snapshot.json").replacingOccurrences(of: "\"us\"", with: "\"eu\"")
        try edited.write(to: snapshotPath, atomically: true, encoding: .utf8)
        let refused = runImport(app, server)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.standardError.contains("[output.edited-by-hand]"), refused.standardError)
        XCTAssertEqual(read(app, "heroku-snapshot.json"), edited)
        XCTAssertEqual(runImport(app, server, extra: ["--force"]).status, 0)
        XCTAssertNotEqual(read(app, "heroku-snapshot.json"), edited)

        try "{\"KEY\": \"mine\"}\n".write(to: app.appendingPathComponent("heroku-config.json"), atomically: true,
            encoding: .utf8)
        let values = runImport(app, server)
        XCTAssertEqual(values.status, 2)
        XCTAssertTrue(values.standardError.contains("[output.not-generated]"), values.standardError)
        XCTAssertFalse(values.standardError.contains("mine"))
    }

    /// A progress line per request, written at once, only when stderr is a terminal.
    func testProgressLinesOnATerminal() throws {
        let server = try FixtureServer()
        defer { server.stop() }
        let app = try makeApp()
        final class Lines: @unchecked Sendable {
            let lock = NSLock()
            var all: [String] = []
        }
        let lines = Lines()
        var context = CommandContext(
            workingDirectory: app.path, environment: ["HEROKU_API_KEY": Self.token, "NO_COLOR": "1"],
            isStandardErrorTTY: true, readStandardInput: { [] })
        context.writeProgress = { line in
            lines.lock.lock()
            lines.all.append(line)
            lines.lock.unlock()
        }
        let result = TranslateCLI.run(arguments: ["import", Self.app, "--api-url", server.baseURL, "--scheduler-url",
            server.baseURL], context: context)
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(lines.all.count, 14, lines.all.joined())
        XCTAssertEqual(lines.all.first, "translate: GET /apps/shop-prod\n")
        XCTAssertFalse(lines.all.joined().contains(Self.token))
        XCTAssertEqual(runImport(app, server).standardError.contains("translate: GET"), false)
    }

    /// A container app's (or a config-only) current release has no slug: a warning, and no process types.
    func testReleaseWithoutSlug() throws {
        let releases = #"[{"id": "r1", "version": 3, "current": true, "status": "succeeded", "slug": null}]"#
        let server = try FixtureServer(bodies: ["/apps/\(Self.app)/releases": releases])
        defer { server.stop() }
        let app = try makeApp()
        let result = runImport(app, server)
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardError.contains("[import.no-slug]"), result.standardError)
        XCTAssertTrue(read(app, "heroku-snapshot.json").contains("\"process_types\": {}"))
        XCTAssertFalse(server.requests.contains { $0.path.contains("/slugs/") })
    }

    /// The built executable, in its own process, imports from the loopback server and `convert` then needs no flag.
    func testBuiltExecutableImportsThenConverts() throws {
        guard let executable = BinaryTests.executable else {
            throw XCTSkip("the translate executable was not found beside the test bundle")
        }
        let server = try FixtureServer()
        defer { server.stop() }
        let app = try makeApp()
        func run(_ arguments: [String]) throws -> (Int32, String, String) {
            let result = try ProcessRun.run(
                executable, arguments, in: app,
                environment: ["HEROKU_API_KEY": Self.token, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"],
                replacingEnvironment: true)
            return (result.status, result.standardOutput, result.standardError)
        }
        let (status, _, stderr) = try run(["import", Self.app, "--api-url", server.baseURL, "--scheduler-url",
            server.baseURL])
        XCTAssertEqual(status, 0, stderr)
        XCTAssertFalse(stderr.contains(Self.token))
        let (converted, output, convertErrors) = try run(["convert", "--dry-run"])
        XCTAssertEqual(converted, 0, convertErrors)
        XCTAssertTrue(output.contains("convox.yml: would be created"), output)
    }

    /// A redirect is not followed (the token would go along), and plain http is refused except to this machine.
    func testRedirectsAndPlainHTTPAreRefused() throws {
        let server = try FixtureServer(overrides: ["/apps/\(Self.app)": [CannedResponse(status: 302,
            headers: ["Location": "http://127.0.0.1:9/elsewhere"])]])
        defer { server.stop() }
        let app = try makeApp()
        let result = runImport(app, server)
        assertFailsWritingNothing(result, app, id: "import.server-error")
        XCTAssertTrue(result.standardError.contains("HTTP 302"), result.standardError)
        let context = CommandContext(
            workingDirectory: app.path, environment: ["HEROKU_API_KEY": Self.token], isStandardErrorTTY: false,
            readStandardInput: { [] })
        let plain = TranslateCLI.run(arguments: ["import", Self.app, "--api-url", "http://api.example.com"],
            context: context)
        XCTAssertEqual(plain.status, 64)
        XCTAssertTrue(plain.standardError.contains("unencrypted"), plain.standardError)
    }

    func testNetrcParsing() {
        let rows: [(String, String?)] = [
            ("machine api.heroku.com login a password t1", "t1"),
            ("machine api.heroku.com\n  login a\n  password t2\nmachine git.heroku.com password t3", "t2"),
            ("machine git.heroku.com password t3", nil),
            ("default login a password t4", "t4"),
            ("macdef init\nmachine api.heroku.com password wrong\n\nmachine api.heroku.com password t5", "t5"),
        ]
        for (text, expected) in rows {
            XCTAssertEqual(HerokuToken.password(inNetrc: text, machine: "api.heroku.com"), expected, text)
        }
    }
}
