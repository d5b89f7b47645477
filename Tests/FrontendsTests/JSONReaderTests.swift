import Frontends
import Translator
import XCTest

final class JSONReaderTests: XCTestCase {
    func parse(_ text: String) -> (JSONNode?, [String]) {
        var diagnostics = Diagnostics()
        guard let source = SourceText.decode(InputFile(path: "x.json", text: text), into: &diagnostics) else {
            return (nil, ["decode failed"])
        }
        let node = JSONReader.parse(source, into: &diagnostics)
        return (node, diagnostics.sorted.map { "\($0.location?.rendered ?? ""):\($0.id)" })
    }

    /// Rows of (JSON text, expected value rendered compactly or nil, expected "line:col:id" diagnostics).
    func testParse() {
        let rows: [(String, String?, [String])] = [
            (#"{"a": "b"}"#, #"{a:"b"}"#, []),
            (#"[1, -2.5e3, true, false, null]"#, "[1,-2.5e3,true,false,null]", []),
            (#"{"v": 10.10}"#, "{v:10.10}", []),
            (#""\u00e9\ud83d\ude00\n\/""#, "\"é😀\n/\"", []),
            ("{\"a\": 1,\n \"a\": 2}", "{a:2}", ["x.json:2:2:json.duplicate-key"]),
            ("{\"a\": 1,}", nil, ["x.json:1:9:json.syntax-error"]),
            ("{\n  \"a\": tru\n}", nil, ["x.json:2:11:json.syntax-error"]),
            ("\"tab\there\"", nil, ["x.json:1:5:json.syntax-error"]),
            ("[01]", nil, ["x.json:1:4:json.syntax-error"]),
            ("{} {}", nil, ["x.json:1:4:json.syntax-error"]),
            (#""\x""#, nil, ["x.json:1:3:json.syntax-error"]),
            ("[", nil, ["x.json:1:2:json.syntax-error"]),
            ("", nil, ["x.json:1:1:json.syntax-error"]),
            ("\r\n\r\n  x", nil, ["x.json:3:3:json.syntax-error"]),
        ]
        for (text, expected, ids) in rows {
            let (node, diagnostics) = parse(text)
            XCTAssertEqual(node.map(render), expected, "row: \(text.debugDescription)")
            XCTAssertEqual(diagnostics, ids, "row: \(text.debugDescription)")
        }
    }

    func testLocationsOfValues() throws {
        let (node, _) = parse("{\n  \"env\": {\n    \"KEY\": \"v\"\n  }\n}")
        let env = try XCTUnwrap(node?.members?.first)
        XCTAssertEqual(env.keyLocation.rendered, "x.json:2:3")
        let key = try XCTUnwrap(env.value.members?.first)
        XCTAssertEqual(key.keyLocation.rendered, "x.json:3:5")
        XCTAssertEqual(key.value.location.rendered, "x.json:3:12")
    }

    /// 100,000 levels of nesting must be a located error, not a stack overflow.
    func testDeepNestingIsAnError() {
        for open in ["[", "{\"a\":"] {
            let (node, diagnostics) = parse(String(repeating: open, count: 100_000))
            XCTAssertNil(node)
            XCTAssertEqual(diagnostics, ["x.json:1:\(JSONReader.maximumDepth * open.count + 1):json.too-deep"])
        }
    }

    func render(_ node: JSONNode) -> String {
        switch node.value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return "\"\(text)\""
        case .array(let elements): return "[" + elements.map(render).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { "\($0.key):\(render($0.value))" }.joined(separator: ",") + "}"
        }
    }
}
