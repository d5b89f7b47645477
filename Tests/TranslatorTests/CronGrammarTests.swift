import Foundation
import Translator
import XCTest

/// Our own 5-field cron grammar, strict enough to catch a bad schedule before Convox (or Kubernetes / CloudWatch)
/// does: minute 0-59, hour 0-23, day of month 1-31, month 1-12, day of week 0-6; each field a list of `*`, `N`,
/// `N-M`, optionally `/step`. Generation 2 (AWS cron) needs exactly one of day of month and day of week to be `?`;
/// generation 3 allows no `?`.
enum CronGrammar {
    static let ranges: [ClosedRange<Int>] = [0...59, 0...23, 1...31, 1...12, 0...6]

    static func isValid(_ expression: String, generation: ConversionOptions.Generation) -> Bool {
        let fields = expression.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 5 else { return false }
        let questionMarks = [2, 4].filter { fields[$0] == "?" }
        switch generation {
        case .two: guard questionMarks.count == 1 else { return false }
        case .three: guard questionMarks.isEmpty else { return false }
        }
        for (index, field) in fields.enumerated() where !(field == "?" && questionMarks.contains(index)) {
            guard isValidField(field, range: ranges[index]) else { return false }
        }
        return true
    }

    static func isValidField(_ field: String, range: ClosedRange<Int>) -> Bool {
        let items = field.split(separator: ",", omittingEmptySubsequences: false)
        return !items.isEmpty && items.allSatisfy { item in
            let parts = item.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { return false }
            if parts.count == 2 {
                guard let step = number(parts[1]), step >= 1, step <= range.upperBound else { return false }
            }
            let base = parts[0]
            if base == "*" { return true }
            let bounds = base.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), let low = number(bounds[0]), range.contains(low) else { return false }
            guard bounds.count == 2 else { return parts.count == 1 }
            guard let high = number(bounds[1]), range.contains(high), low <= high else { return false }
            return true
        }
    }

    static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 2, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}

final class CronGrammarTests: XCTestCase {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every schedule Heroku Scheduler can express, at its boundaries.
    static let schedules: [TimerSchedule] = [.everyMinutes(10)]
        + [0, 10, 30, 50, 59].map { .hourly(minute: $0) }
        + [(0, 0), (0, 30), (17, 30), (23, 30), (23, 59)].map { .daily(hour: $0.0, minute: $0.1) }

    /// The grammar itself: rows of (expression, generation, valid?).
    func testGrammar() {
        let rows: [(String, ConversionOptions.Generation, Bool)] = [
            ("*/10 * * * *", .three, true), ("30 17 * * *", .three, true), ("0-59/15 1,2 1-31 1-12 0-6", .three, true),
            ("*/10 * * * ?", .two, true), ("30 17 ? * 1", .two, true),
            ("*/10 * * * ?", .three, false), ("*/10 * * * *", .two, false), ("0 0 ? * ?", .two, false),
            ("60 * * * *", .three, false), ("0 24 * * *", .three, false), ("0 0 0 * *", .three, false),
            ("0 0 * 13 *", .three, false), ("0 0 * * 7", .three, false), ("*/0 * * * *", .three, false),
            ("5-1 * * * *", .three, false), ("* * * *", .three, false), ("* * * * * *", .three, false),
            ("*  * * * *", .three, false), ("a * * * *", .three, false), ("1, * * * *", .three, false),
            ("@daily", .three, false), ("5/2 * * * *", .three, false),
        ]
        for (expression, generation, expected) in rows {
            XCTAssertEqual(CronGrammar.isValid(expression, generation: generation), expected,
                "row: \(expression) on generation \(generation.rawValue)")
        }
    }

    func testEveryScheduleIsValidCron() {
        for schedule in Self.schedules {
            for generation in [ConversionOptions.Generation.two, .three] {
                let expression = schedule.cronExpression(for: generation)
                XCTAssertTrue(CronGrammar.isValid(expression, generation: generation),
                    "\(schedule) gives \(expression) on generation \(generation.rawValue)")
            }
        }
        XCTAssertEqual(TimerSchedule.everyMinutes(10).cronExpression(for: .three), "*/10 * * * *")
        XCTAssertEqual(TimerSchedule.hourly(minute: 30).cronExpression(for: .three), "30 * * * *")
        XCTAssertEqual(TimerSchedule.daily(hour: 17, minute: 30).cronExpression(for: .three), "30 17 * * *")
        XCTAssertEqual(TimerSchedule.daily(hour: 17, minute: 30).cronExpression(for: .two), "30 17 * * ?")
    }

    /// Every `schedule:` in every golden convox.yml, checked in the dialect of that case's generation.
    func testEveryGoldenScheduleIsValidCron() throws {
        let schedules = try Self.goldenSchedules()
        XCTAssertGreaterThan(schedules.count, 10, "expected the scheduler golden cases to emit schedules")
        for (caseName, expression, generation) in schedules {
            XCTAssertTrue(CronGrammar.isValid(expression, generation: generation),
                "\(caseName): \(expression) is not valid generation \(generation.rawValue) cron")
        }
    }

    /// The same expressions through python's croniter, which also tells when each fires next.
    func testSchedulesWithCroniter() throws {
        var expressions = try Self.goldenSchedules().map(\.expression)
        expressions += Self.schedules.flatMap { [$0.cronExpression(for: .two), $0.cronExpression(for: .three)] }
        let script = """
            import sys
            from datetime import datetime
            from croniter import croniter
            for line in sys.stdin.read().splitlines():
                if not croniter.is_valid(line):
                    print("INVALID " + line)
                    continue
                print(line + " -> " + croniter(line, datetime(2024, 1, 1)).get_next(datetime).strftime("%H:%M"))
            """
        let output = try runCroniter(script: script, input: expressions.joined(separator: "\n"))
        XCTAssertFalse(output.contains("INVALID"), output)
        XCTAssertTrue(output.contains("30 17 * * * -> 17:30"), output)
        XCTAssertTrue(output.contains("30 17 * * ? -> 17:30"), output)
        XCTAssertTrue(output.contains("*/10 * * * ? -> 00:10"), output)
        XCTAssertTrue(output.contains("30 * * * * -> 00:30"), output)
    }

    func runCroniter(script: String, input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let standardInput = Pipe()
        let standardOutput = Pipe()
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        process.standardError = Pipe()
        do { try process.run() } catch { throw XCTSkip("env or python3 not installed; skipping the croniter check") }
        standardInput.fileHandleForWriting.write(Data(input.utf8))
        try standardInput.fileHandleForWriting.close()
        let data = standardOutput.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw XCTSkip("python3 or its croniter module not installed (pip install croniter); skipping the "
                + "croniter check")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func goldenSchedules() throws
        -> [(caseName: String, expression: String, generation: ConversionOptions.Generation)]
    {
        let golden = repositoryRoot.appendingPathComponent("golden")
        var result: [(String, String, ConversionOptions.Generation)] = []
        for caseName in try FileManager.default.contentsOfDirectory(atPath: golden.path).sorted() {
            let directory = golden.appendingPathComponent(caseName)
            guard let manifest = try? String(
                contentsOf: directory.appendingPathComponent("expected/convox.yml"), encoding: .utf8)
            else { continue }
            let arguments = (try? String(contentsOf: directory.appendingPathComponent("args"), encoding: .utf8))?
                .split(separator: "\n").map(String.init) ?? []
            let generation: ConversionOptions.Generation =
                zip(arguments, arguments.dropFirst()).contains { $0 == "--generation" && $1 == "2" }
                    || arguments.contains("--generation=2") ? .two : .three
            for line in manifest.split(separator: "\n") {
                let trimmed = line.drop { $0 == " " }
                guard trimmed.hasPrefix("schedule: ") else { continue }
                var value = trimmed.dropFirst("schedule: ".count)
                XCTAssertTrue(
                    value.hasPrefix("\"") && value.hasSuffix("\""), "\(caseName): schedule not quoted: \(line)")
                value = value.dropFirst().dropLast()
                result.append((caseName, String(value), generation))
            }
        }
        return result
    }
}
