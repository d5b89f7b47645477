@testable import Frontends
import Translator
import XCTest

final class SchedulerFrontendTests: XCTestCase {
    /// Reads `text` and returns "cron=command" per job (cron in generation 3 form), plus the diagnostic ids.
    func read(_ text: String) -> (jobs: [String], ids: [String]) {
        var diagnostics = Diagnostics()
        let jobs = SchedulerFrontend().read(
            [InputFile(path: "jobs", text: text)], options: ConversionOptions(), into: &diagnostics
        ).schedulerJobs ?? []
        return (
            jobs.map {
                "\($0.schedule.cronExpression(for: .three))=\($0.command)" + ($0.dynoSize.map { "@\($0)" } ?? "")
            },
            diagnostics.sorted.map(\.id.rawValue)
        )
    }

    /// Rows of (text form, expected jobs, expected diagnostic ids).
    func testTextForm() {
        let rows: [(String, [String], [String])] = [
            ("every 10 minutes $ rake a", ["*/10 * * * *=rake a"], []),
            ("Every ten minutes $ rake a", ["*/10 * * * *=rake a"], []),
            ("every_ten_minutes $ rake a", ["*/10 * * * *=rake a"], []),
            ("every hour at :30 $ rake a", ["30 * * * *=rake a"], []),
            ("every hour at 5 UTC $ rake a", ["5 * * * *=rake a"], []),
            ("hourly at :00 $ rake a", ["0 * * * *=rake a"], []),
            ("every_hour_at_50 $ rake a", ["50 * * * *=rake a"], []),
            ("every day at 17:30 $ rake a", ["30 17 * * *=rake a"], []),
            ("Every day at 5:30 PM UTC $ rake a", ["30 17 * * *=rake a"], []),
            ("every day at 12:00 AM $ rake a", ["0 0 * * *=rake a"], []),
            ("every day at 12:30 pm $ rake a", ["30 12 * * *=rake a"], []),
            ("daily at 04:00 $ rake a", ["0 4 * * *=rake a"], []),
            ("every_day_at_0:00 $ rake a", ["0 0 * * *=rake a"], []),
            ("every hour at :30 Standard-2X $ rake a", ["30 * * * *=rake a@Standard-2X"], []),
            ("every 10 minutes $ echo $HOME $ x", ["*/10 * * * *=echo $HOME $ x"], []),
            ("\u{FEFF}# c\r\n\r\n  every 10 minutes $ a\r\n", ["*/10 * * * *=a"], []),
            ("", [], ["scheduler.empty"]),
            ("# only a comment\n", [], ["scheduler.empty"]),
            ("every 10 minutes rake a", [], ["scheduler.invalid-line"]),
            ("every 10 minutes $   ", [], ["scheduler.invalid-line"]),
            ("$ rake a", [], ["scheduler.invalid-line"]),
            ("every 7 minutes $ rake a", [], ["scheduler.invalid-schedule"]),
            ("every 5 minutes $ rake a", ["*/5 * * * *=rake a"], []),
            ("every hour at :60 $ rake a", [], ["scheduler.invalid-schedule"]),
            ("every day at 24:00 $ rake a", [], ["scheduler.invalid-schedule"]),
            ("every day at 13:00 PM $ rake a", [], ["scheduler.invalid-schedule"]),
            ("every day at 5:3 $ rake a", [], ["scheduler.invalid-schedule"]),
            ("every hour at :30 Mega-9X $ rake a", [], ["scheduler.invalid-line"]),
            ("every hour at :30 Basic nightly $ rake a", [], ["scheduler.invalid-line"]),
            ("every 10 minutes $ a\nbad\nevery hour at :00 $ b", ["*/10 * * * *=a", "0 * * * *=b"],
                ["scheduler.invalid-line"]),
        ]
        for (text, expected, ids) in rows {
            let result = read(text)
            XCTAssertEqual(result.jobs, expected, "row: \(text.debugDescription)")
            XCTAssertEqual(result.ids, ids, "row: \(text.debugDescription)")
        }
    }

    /// Rows of (dashboard JSON:API payload, expected jobs, expected diagnostic ids).
    func testDashboardJSON() {
        func payload(_ attributes: String) -> String {
            #"{"data":[{"type":"jobs","id":"1","attributes":{"# + attributes + "}}]}"
        }
        let rows: [(String, [String], [String])] = [
            (payload(#""command":"rake a","every":10,"at":0"#), ["*/10 * * * *=rake a"], []),
            (payload(#""command":"rake a","every":10"#), ["*/10 * * * *=rake a"], []),
            (payload(#""command":"rake a","every":60,"at":30,"dyno-size":"Hobby""#), ["30 * * * *=rake a@Hobby"], []),
            (payload(#""command":"rake a","every":1440,"at":1050,"ran-at":null,"created-at":"x""#),
                ["30 17 * * *=rake a"], []),
            (payload(#""command":"rake a","every":1440,"at":0,"dyno-size":null"#), ["0 0 * * *=rake a"], []),
            (#"{"data":{"type":"jobs","attributes":{"command":"rake a","every":10,"at":0}}}"#,
                ["*/10 * * * *=rake a"], []),
            (#"{"data":[]}"#, [], ["scheduler.empty"]),
            (#"{"jobs":[]}"#, [], ["scheduler.unknown-format", "scheduler.unknown-key"]),
            (#"{"data":"x"}"#, [], ["scheduler.unknown-format"]),
            (payload(#""command":"rake a","every":30,"at":0"#), [], ["scheduler.invalid-schedule"]),
            (payload(#""command":"rake a","every":60"#), [], ["scheduler.invalid-schedule"]),
            (payload(#""command":"rake a","every":60,"at":60"#), [], ["scheduler.invalid-schedule"]),
            (payload(#""command":"rake a","every":60,"at":1.5"#), [], ["scheduler.invalid-schedule"]),
            (payload(#""command":"rake a","every":1440,"at":-1"#), [], ["scheduler.invalid-schedule"]),
            (payload(#""command":"rake a","every":10,"at":3"#), [], ["scheduler.invalid-schedule"]),
            (payload(#""command":"rake a","every":1e1,"at":0"#), [], ["scheduler.invalid-schedule"]),
            (payload(#""command":"","every":10"#), [], ["scheduler.invalid-job"]),
            (payload(#""every":10"#), [], ["scheduler.invalid-job"]),
            (payload(#""command":"rake a","every":10,"dyno-size":1"#), [], ["scheduler.invalid-job"]),
            (payload(#""command":"rake a","every":10,"colour":"red""#), ["*/10 * * * *=rake a"],
                ["scheduler.unknown-key"]),
            (payload(#""command":"rake a","command":"rake b","every":10"#), ["*/10 * * * *=rake b"],
                ["json.duplicate-key"]),
            (payload(#""command":"rake a","every":10,"expire-after":"2030-01-01T00:00:00Z""#),
                ["*/10 * * * *=rake a"], ["scheduler.job-expires"]),
        ]
        for (text, expected, ids) in rows {
            let result = read(text)
            XCTAssertEqual(result.jobs, expected, "row: \(text)")
            XCTAssertEqual(result.ids, ids, "row: \(text)")
        }
    }

    /// Rows of (plain JSON job list, expected jobs, expected diagnostic ids).
    func testJobList() {
        let rows: [(String, [String], [String])] = [
            (#"[{"command":"rake a","frequency":"every_ten_minutes"}]"#, ["*/10 * * * *=rake a"], []),
            (#"[{"command":"rake a","frequency":"every_hour_at_0"}]"#, ["0 * * * *=rake a"], []),
            (#"[{"command":"rake a","frequency":"every_day_at_17:30","dyno_size":"Standard-1X"}]"#,
                ["30 17 * * *=rake a@Standard-1X"], []),
            (#"[{"command":"rake a","frequency":"every_hour","at":":15"}]"#, ["15 * * * *=rake a"], []),
            (#"[{"command":"rake a","frequency":"every_hour","at":15}]"#, ["15 * * * *=rake a"], []),
            (#"[{"command":"rake a","frequency":"every_day","at":"6:00"}]"#, ["0 6 * * *=rake a"], []),
            (#"[{"command":"rake a","frequency":"every_day","at":1050}]"#, ["30 17 * * *=rake a"], []),
            (#"[]"#, [], ["scheduler.empty"]),
            (#"[{"command":"rake a","frequency":"every_minute"}]"#, [], ["scheduler.invalid-schedule"]),
            (#"[{"command":"rake a","frequency":"Every_Ten_Minutes"}]"#, [], ["scheduler.invalid-schedule"]),
            (#"[{"command":"rake a","frequency":"every_day_at_7"}]"#, [], ["scheduler.invalid-schedule"]),
            (#"[{"command":"rake a","frequency":"every_hour_at_30","at":30}]"#, [], ["scheduler.invalid-schedule"]),
            (#"[{"command":"rake a","frequency":"every_hour"}]"#, [], ["scheduler.invalid-schedule"]),
            (#"[{"command":"rake a","frequency":"every_day","at":"25:00"}]"#, [], ["scheduler.invalid-schedule"]),
            (#"[{"command":"rake a","frequency":10}]"#, [], ["scheduler.invalid-schedule"]),
            (#"[{"command":"rake a"}]"#, [], ["scheduler.invalid-schedule"]),
            (#"[{"command":5,"frequency":"every_ten_minutes"}]"#, [], ["scheduler.invalid-job"]),
            (#"["rake a"]"#, [], ["scheduler.invalid-job"]),
            (#"[{"command":"rake a","frequency":"every_ten_minutes","size":"Basic"}]"#, ["*/10 * * * *=rake a"],
                ["scheduler.unknown-key"]),
        ]
        for (text, expected, ids) in rows {
            let result = read(text)
            XCTAssertEqual(result.jobs, expected, "row: \(text)")
            XCTAssertEqual(result.ids, ids, "row: \(text)")
        }
    }

    func testFormatDetection() {
        var diagnostics = Diagnostics()
        let frontend = SchedulerFrontend()
        func format(_ text: String) -> SchedulerFrontend.Format {
            guard let source = SourceText.decode(InputFile(path: "jobs", text: text), into: &diagnostics) else {
                return .text
            }
            return frontend.parse(source, into: &diagnostics).format
        }
        XCTAssertEqual(format("  \n{\"data\": []}"), .dashboardJSON)
        XCTAssertEqual(format("\u{FEFF}[]"), .jobList)
        XCTAssertEqual(format("every 10 minutes $ a"), .text)
    }

    func testLocations() {
        var diagnostics = Diagnostics()
        let text = "[\n  {\"command\": \"rake a\",\n"
            + "   \"frequency\": \"every_ten_minutes\", \"dyno_size\": \"Basic\"}\n]"
        let jobs = SchedulerFrontend().read(
            [InputFile(path: "jobs.json", text: text)], options: ConversionOptions(), into: &diagnostics
        ).schedulerJobs ?? []
        XCTAssertEqual(jobs.first?.location, SourceLocation(file: "jobs.json", line: 2, column: 3))
        XCTAssertEqual(jobs.first?.commandLocation, SourceLocation(file: "jobs.json", line: 2, column: 15))
        XCTAssertEqual(jobs.first?.dynoSizeLocation, SourceLocation(file: "jobs.json", line: 3, column: 51))
        let textJobs = SchedulerFrontend().read(
            [InputFile(path: "jobs.txt", text: "\n  every hour at :05 Basic $  rake b\n")],
            options: ConversionOptions(), into: &diagnostics
        ).schedulerJobs ?? []
        XCTAssertEqual(textJobs.first?.location, SourceLocation(file: "jobs.txt", line: 2, column: 3))
        XCTAssertEqual(textJobs.first?.commandLocation, SourceLocation(file: "jobs.txt", line: 2, column: 30))
        XCTAssertEqual(textJobs.first?.dynoSizeLocation, SourceLocation(file: "jobs.txt", line: 2, column: 21))
        XCTAssertTrue(diagnostics.isEmpty, "\(diagnostics.sorted)")
    }

    func testInvalidUTF8IsLocated() {
        var diagnostics = Diagnostics()
        _ = SchedulerFrontend().read(
            [InputFile(path: "jobs", contents: Array("[\n\"".utf8) + [0xC3])], options: ConversionOptions(),
            into: &diagnostics)
        XCTAssertEqual(diagnostics.sorted.map(\.id.rawValue), ["input.invalid-utf8"])
    }
}

final class SchedulerJSONSyntaxTests: XCTestCase {
    /// The Scheduler reads its JSON with the shared `JSONReader`: deep nesting is one located error, never a stack
    /// overflow, and a syntax error is not followed by a "no jobs" warning.
    func testDeepNestingAndSyntaxErrors() {
        let rows: [(String, [String])] = [
            (String(repeating: "{\"a\":", count: 10_000), ["jobs:1:1001:json.too-deep"]),
            (String(repeating: "[", count: 100_000), ["jobs:1:201:json.too-deep"]),
            ("[{\"command\": \"rake a\" \"frequency\": \"every_ten_minutes\"}]", ["jobs:1:23:json.syntax-error"]),
            ("{\"data\": [}", ["jobs:1:11:json.syntax-error"]),
        ]
        for (text, expected) in rows {
            var diagnostics = Diagnostics()
            let jobs = SchedulerFrontend().read(
                [InputFile(path: "jobs", text: text)], options: ConversionOptions(), into: &diagnostics
            ).schedulerJobs
            XCTAssertEqual(jobs, [], "row: \(text.prefix(60))")
            XCTAssertEqual(
                diagnostics.sorted.map { "\($0.location?.rendered ?? ""):\($0.id)" }, expected,
                "row: \(text.prefix(60))")
        }
    }
}
