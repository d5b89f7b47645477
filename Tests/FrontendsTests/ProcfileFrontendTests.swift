import Frontends
import Translator
import XCTest

final class ProcfileFrontendTests: XCTestCase {
    /// Rows of (Procfile text, expected "name=command" pairs, expected diagnostic ids).
    func testParse() {
        let rows: [(String, [String], [String])] = [
            ("web: gunicorn app:app\n", ["web=gunicorn app:app"], []),
            ("web:cmd", ["web=cmd"], []),
            ("web:: run", ["web=: run"], []),
            ("a:b: c", ["a=b: c"], []),
            ("web: run --x # trailing", ["web=run --x # trailing"], []),
            ("# c\n\nweb: run\n  # indented comment", ["web=run"], []),
            ("\u{FEFF}web: run\r\nworker: w\r\n", ["web=run", "worker=w"], []),
            ("web: run\rworker: w\r", ["web=run", "worker=w"], []),
            ("web: run   ", ["web=run"], []),
            ("web: a\nweb: b", ["web=b"], ["procfile.duplicate-type"]),
            ("web:\nworker: w", ["worker=w"], ["procfile.empty-command"]),
            ("web: \t", [], ["procfile.empty", "procfile.empty-command"]),
            ("web run", [], ["procfile.empty", "procfile.invalid-line"]),
            ("my.web: a\nweb: b", ["web=b"], ["procfile.invalid-line"]),
            ("wéb: a\nweb: b", ["web=b"], ["procfile.invalid-line"]),
            ("  web: run", ["web=run"], ["procfile.loose-syntax"]),
            ("web : run", ["web=run"], ["procfile.loose-syntax"]),
            ("", [], ["procfile.empty"]),
            ("my-web: a\nmy_worker: b\nWEB: c", ["my-web=a", "my_worker=b", "WEB=c"], []),
        ]
        for (text, expected, ids) in rows {
            var diagnostics = Diagnostics()
            let processes = ProcfileFrontend().read(
                [InputFile(path: "Procfile", text: text)], options: ConversionOptions(), into: &diagnostics
            ).processTypes ?? []
            XCTAssertEqual(processes.map { "\($0.name)=\($0.command)" }, expected, "row: \(text.debugDescription)")
            XCTAssertEqual(diagnostics.sorted.map(\.id.rawValue), ids, "row: \(text.debugDescription)")
        }
    }

    func testLocations() {
        var diagnostics = Diagnostics()
        let processes = ProcfileFrontend().read(
            [InputFile(path: "Procfile", text: "# x\nweb:   node s.js\n")], options: ConversionOptions(),
            into: &diagnostics
        ).processTypes ?? []
        XCTAssertEqual(processes.first?.location, SourceLocation(file: "Procfile", line: 2, column: 1))
        XCTAssertEqual(processes.first?.commandLocation, SourceLocation(file: "Procfile", line: 2, column: 8))
    }

    func testInvalidUTF8AndNUL() {
        var diagnostics = Diagnostics()
        _ = ProcfileFrontend().read(
            [InputFile(path: "Procfile", contents: Array("web: a\nb: ".utf8) + [0xFF])], options: ConversionOptions(),
            into: &diagnostics)
        XCTAssertEqual(diagnostics.sorted.map(\.id.rawValue), ["input.invalid-utf8"])
        XCTAssertEqual(diagnostics.sorted.first?.location, SourceLocation(file: "Procfile", line: 2, column: 4))
        diagnostics = Diagnostics()
        _ = ProcfileFrontend().read(
            [InputFile(path: "Procfile", contents: [0x77, 0x00])], options: ConversionOptions(), into: &diagnostics)
        XCTAssertEqual(diagnostics.sorted.map(\.id.rawValue), ["input.nul-byte"])
    }
}
