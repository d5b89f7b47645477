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
            // Columns count Unicode scalars, not bytes, also after multi-byte text and on CR LF lines.
            ("{\"é😀\": \"ü\", x}", nil, ["x.json:1:13:json.syntax-error"]),
            ("{\"a\": \"€\",\r\n \"b\": \"日本\" x}", nil, ["x.json:2:12:json.syntax-error"]),
            ("[\"e\u{301}\", tru]", nil, ["x.json:1:11:json.syntax-error"]),
            ("\r[\r\"ö\"\r,\"ö\" 1]", nil, ["x.json:4:6:json.syntax-error"]),
        ]
        for (text, expected, ids) in rows {
            let (node, diagnostics) = parse(text)
            XCTAssertEqual(node.map(render), expected, "row: \(text.debugDescription)")
            XCTAssertEqual(diagnostics, ids, "row: \(text.debugDescription)")
        }
    }

    /// Rows of (JSON text, "line:col" of the syntax error): the error points at the offending character.
    func testSyntaxErrorLocations() {
        let rows: [(String, String)] = [
            ("[1,]", "1:4"),
            ("[1 2]", "1:4"),
            ("{\"a\" 1}", "1:6"),
            ("{a: 1}", "1:2"),
            ("[-]", "1:3"),
            ("[1.]", "1:4"),
            ("[tru]", "1:5"),
            ("[\"abc", "1:6"),
            ("[\"a\tb\"]", "1:4"),
            ("[\"\\u12\"]", "1:7"),
            ("[1]\n x", "2:2"),
            ("[\r\n1,\r\n]", "3:1"),
            ("[\r1,\r]", "3:1"),
        ]
        for (text, expected) in rows {
            let (node, diagnostics) = parse(text)
            XCTAssertNil(node, "row: \(text.debugDescription)")
            XCTAssertEqual(diagnostics, ["x.json:\(expected):json.syntax-error"], "row: \(text.debugDescription)")
        }
    }

    /// A duplicate key is named by its whole key path, so the user finds it in a long file; the last one is kept.
    func testDuplicateKeyNamesItsKeyPath() throws {
        var diagnostics = Diagnostics()
        let source = try XCTUnwrap(SourceText.decode(
            InputFile(path: "x.json", text: "{\"data\": [{}, {\"a\": 1, \"b\": 2, \"a\": 3, \"a\": 4}]}"),
            into: &diagnostics))
        let node = try XCTUnwrap(JSONReader.parse(source, into: &diagnostics))
        let entry = try XCTUnwrap(node.member("data")?.value.elements?.last)
        XCTAssertEqual(entry.members?.map(\.key), ["b", "a"])
        XCTAssertEqual(entry.member("a")?.value.scalarText, "4")
        XCTAssertNil(entry.member("c"))
        XCTAssertEqual(diagnostics.all.map(\.message), [
            #"key "data[1].a" appears again (first on line 1); the last one is used"#,
            #"key "data[1].a" appears again (first on line 1); the last one is used"#,
        ])
        XCTAssertEqual(diagnostics.all.map(\.location?.keyPath), ["data[1].a", "data[1].a"])
        XCTAssertEqual(diagnostics.all.map(\.location?.column), [32, 40])
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
