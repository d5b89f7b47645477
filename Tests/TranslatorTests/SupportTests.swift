import Translator
import XCTest

final class SupportTests: XCTestCase {
    func testGeneratedHeaderDetectsEdits() {
        let stamped = GeneratedHeader.stamp("services: {}\n", sources: ["Procfile"], style: .hash)
        XCTAssertEqual(GeneratedHeader.status(of: stamped), .unmodified)
        XCTAssertEqual(GeneratedHeader.status(of: stamped + "# mine\n"), .editedByHand)
        XCTAssertEqual(GeneratedHeader.status(of: "services: {}\n"), .notGenerated)
        let markdown = GeneratedHeader.stamp("# Runbook\n", sources: [], style: .html)
        XCTAssertEqual(GeneratedHeader.status(of: markdown), .unmodified)
    }

    func testUnifiedDiffAgainstAnEmptySideListsEveryLine() {
        let lines = (1...20_000).map { "line \($0 % 7)\n" }.joined()
        let added = UnifiedDiff.render(old: "", new: lines, oldLabel: "/dev/null", newLabel: "b/x")
        XCTAssertEqual(added, "--- /dev/null\n+++ b/x\n@@ -0,0 +1,20000 @@\n"
            + lines.split(separator: "\n").map { "+" + $0 + "\n" }.joined())
        let removed = UnifiedDiff.render(old: "a\nb", new: "", oldLabel: "a/x", newLabel: "/dev/null")
        XCTAssertEqual(removed, "--- a/x\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n\\ No newline at end of file\n")
    }

    func testUnifiedDiff() {
        let diff = UnifiedDiff.render(old: "a\nb\nc\n", new: "a\nB\nc\n", oldLabel: "old", newLabel: "new")
        XCTAssertEqual(diff, "--- old\n+++ new\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
        XCTAssertEqual(UnifiedDiff.render(old: "x\n", new: "x\n", oldLabel: "o", newLabel: "n"), "")
        let noNewline = UnifiedDiff.render(old: "", new: "x", oldLabel: "o", newLabel: "n")
        XCTAssertEqual(noNewline, "--- o\n+++ n\n@@ -0,0 +1,1 @@\n+x\n\\ No newline at end of file\n")
    }

    func testDiagnosticsSortAndDeduplicate() {
        var diagnostics = Diagnostics()
        diagnostics.warning("b.second", "two", at: SourceLocation(file: "Procfile", line: 2, column: 1))
        diagnostics.note("a.first", "one", at: SourceLocation(file: "Procfile", line: 1, column: 1))
        diagnostics.note("a.first", "one", at: SourceLocation(file: "Procfile", line: 1, column: 1))
        diagnostics.error("c.general", "no location")
        XCTAssertEqual(diagnostics.sorted.map(\.id.rawValue), ["c.general", "a.first", "b.second"])
    }

    func testCronExpressions() {
        let rows: [(TimerSchedule, String, String)] = [
            (.everyMinutes(10), "*/10 * * * *", "*/10 * * * ?"),
            (.hourly(minute: 30), "30 * * * *", "30 * * * ?"),
            (.daily(hour: 17, minute: 30), "30 17 * * *", "30 17 * * ?"),
        ]
        for (schedule, three, two) in rows {
            XCTAssertEqual(schedule.cronExpression(for: .three), three)
            XCTAssertEqual(schedule.cronExpression(for: .two), two)
        }
    }
}
