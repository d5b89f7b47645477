import Frontends
import Translator
import XCTest

final class HerokuSnapshotFrontendTests: XCTestCase {
    func read(_ text: String, options: ConversionOptions = ConversionOptions()) -> (HerokuApp, [String]) {
        var diagnostics = Diagnostics()
        let app = HerokuSnapshotFrontend().read(
            [InputFile(path: HerokuSnapshot.fileName, text: text)], options: options, into: &diagnostics)
        return (app, diagnostics.sorted.map(\.id.rawValue))
    }

    /// Rows of (snapshot text, a summary of what was read, expected diagnostic ids).
    func testParse() {
        let rows: [(String, String, [String])] = [
            (#"{"app": {"name": "a"}}"#, "a", []),
            (#"{"app": {"name": "a"}, "process_types": {"web": "puma", "worker": "sidekiq"}}"#,
                "a types web=puma worker=sidekiq", []),
            (#"{"app": {"name": "a"}, "formation": [{"type": "web", "quantity": 2, "size": "Basic"}]}"#,
                "a formation web 2 Basic", []),
            (#"{"app": {"name": "a"}, "formation": [{"type": "web", "quantity": -1, "size": "Basic"}]}"#, "a",
                ["snapshot.wrong-type"]),
            (#"{"app": {"name": "a"}, "formation": [{"type": "web", "size": "Basic"}]}"#, "a", ["snapshot.wrong-type"]),
            (#"{"app": {"name": "a"}, "addons": [{"name": "p", "service": "heroku-postgresql", "#
                + #""plan": "heroku-postgresql:mini", "attachments": ["DATABASE"], "config_vars": ["DATABASE_URL"]}]}"#,
                "a addons heroku-postgresql:mini as DATABASE", []),
            (#"{"app": {"name": "a"}, "addons": [{"name": "p"}]}"#, "a", ["snapshot.wrong-type"]),
            (#"{"app": {"name": "a"}, "scheduler_jobs": [{"command": "rake x", "every": 60, "at": 30}]}"#,
                "a jobs rake x", []),
            (#"{"app": {"name": "a"}, "scheduler_jobs": [{"command": "rake x", "every": 60, "at": 75}]}"#, "a",
                ["snapshot.wrong-type"]),
            (#"{"app": {"name": "a"}, "domains": [{"hostname": "a.herokuapp.com", "kind": "heroku"}, "#
                + #"{"hostname": "WWW.Example.com", "kind": "custom"}]}"#, "a domains www.example.com",
                ["domains.heroku-domain"]),
            (#"{"app": {"name": "a"}, "features": ["preboot", 3], "extra": true}"#, "a features preboot",
                ["snapshot.wrong-type", "snapshot.unknown-key"]),
            (#"{"app": {}}"#, "-", ["snapshot.wrong-type"]),
            ("[]", "-", ["snapshot.wrong-type"]),
            ("{", "-", ["json.syntax-error"]),
        ]
        for (text, expected, ids) in rows {
            let (app, found) = read(text)
            var summary = app.snapshot?.app.name ?? "-"
            if let snapshot = app.snapshot {
                if !snapshot.processTypes.isEmpty {
                    summary += " types " + snapshot.processTypes.map { "\($0.name)=\($0.command)" }.joined(separator: " ")
                }
                for entry in snapshot.formation { summary += " formation \(entry.type) \(entry.quantity) \(entry.size)" }
                for addon in snapshot.addons {
                    summary += " addons \(addon.plan) as " + addon.attachments.joined(separator: ",")
                }
                if let jobs = app.schedulerJobs, !jobs.isEmpty { summary += " jobs " + jobs.map(\.command).joined() }
                if let domains = app.domains, !domains.isEmpty {
                    summary += " domains " + domains.map(\.hostname).joined(separator: ",")
                }
                if !snapshot.features.isEmpty { summary += " features " + snapshot.features.map(\.value).joined() }
            }
            XCTAssertEqual(summary, expected, text)
            XCTAssertEqual(found, ids, text)
        }
    }

    /// What the writer renders, the reader reads back the same; the header's hash tells edits apart.
    func testRoundTripAndEditDetection() {
        let snapshot = HerokuSnapshot(
            app: SnapshotApp(name: "shop", region: "eu", stack: "heroku-24"),
            buildpacks: [SnapshotEntry("heroku/ruby")],
            processTypes: [SnapshotProcessType(name: "web", command: "echo \"quoted\" \\ and\ttab")],
            formation: [SnapshotFormation(type: "web", quantity: 3, size: "Standard-2X", command: "puma")],
            addons: [SnapshotAddon(name: "r", service: "heroku-redis", plan: "heroku-redis:mini",
                attachments: ["REDIS", "CACHE"], configVars: ["REDIS_URL"], ownerApp: "other")],
            configVarNames: [SnapshotEntry("B"), SnapshotEntry("A")],
            domains: [SnapshotDomain(hostname: "www.example.com", kind: "custom")],
            features: [SnapshotEntry("preboot")], logDrains: [SnapshotLogDrain(addon: nil)],
            sniEndpoints: [SnapshotEntry("tokyo-1")],
            schedulerJobs: [SnapshotSchedulerJob(command: "rake y", every: 1440, at: 1050, dynoSize: "Basic")])
        let text = HerokuSnapshotDocument.render(snapshot)
        XCTAssertEqual(HerokuSnapshotDocument.status(of: text), .unmodified)
        XCTAssertEqual(HerokuSnapshotDocument.render(snapshot), text, "rendering is not deterministic")
        let (app, ids) = read(text)
        XCTAssertEqual(ids, [])
        guard let back = app.snapshot else { return XCTFail("not read back") }
        XCTAssertEqual(HerokuSnapshotDocument.render(back), text)
        XCTAssertEqual(back.addons.first?.attachments, ["CACHE", "REDIS"])
        XCTAssertEqual(back.configVarNames.map(\.value), ["A", "B"])
        XCTAssertEqual(app.schedulerJobs?.first?.schedule, .daily(hour: 17, minute: 30))

        let edited = text.replacingOccurrences(of: "\"quantity\": 3", with: "\"quantity\": 4")
        XCTAssertEqual(HerokuSnapshotDocument.status(of: edited), .editedByHand)
        XCTAssertEqual(read(edited).1, ["snapshot.edited-by-hand"])
        XCTAssertEqual(HerokuSnapshotDocument.status(of: "{\"app\": {\"name\": \"x\"}}\n"), .notGenerated)
    }

    /// `--scheduler` and `--domains` name other files: the snapshot's jobs and domains are left to them.
    func testFlagsWin() {
        let text = #"{"app": {"name": "a"}, "domains": [{"hostname": "www.example.com", "kind": "custom"}], "#
            + #""scheduler_jobs": [{"command": "rake x", "every": 10, "at": 0}]}"#
        var options = ConversionOptions()
        options.schedulerPath = "jobs.txt"
        options.domainsPath = "domains.txt"
        let (app, _) = read(text, options: options)
        XCTAssertNil(app.schedulerJobs)
        XCTAssertNil(app.domains)
    }
}
