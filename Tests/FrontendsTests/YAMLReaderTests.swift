import Foundation
import Frontends
import Translator
import XCTest

final class YAMLReaderTests: XCTestCase {
    /// The node as compact flow text with every scalar quoted, so rows can state exact structure and strings.
    static func dump(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let text, _): return "\"" + text.replacingOccurrences(of: "\n", with: "\\n") + "\""
        case .sequence(let items): return "[" + items.map(dump).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { "\(dump($0.key)): \(dump($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// Rows of (YAML text, expected dump, expected diagnostic ids). A nil dump means the text must not parse.
    static let rows: [(String, String?, [String])] = [
        ("a: 1\nb: two\n", #"{"a": "1", "b": "two"}"#, []),
        ("---\na: 1\n", #"{"a": "1"}"#, []),
        ("--- # start\na: 1\n...\n", #"{"a": "1"}"#, []),
        ("", #""""#, []),
        ("# only a comment\n", #""""#, []),
        ("a:\n  b:\n    c: d\n", #"{"a": {"b": {"c": "d"}}}"#, []),
        ("a:\n- x\n- y\nb: z\n", #"{"a": ["x", "y"], "b": "z"}"#, []),
        ("a:\n  - x\n  -  y # c\n", #"{"a": ["x", "y"]}"#, []),
        ("- a: 1\n  b: 2\n- c\n", #"[{"a": "1", "b": "2"}, "c"]"#, []),
        ("- - a\n  - b\n", #"[["a", "b"]]"#, []),
        ("a:\nb: ~\n", #"{"a": "", "b": "~"}"#, []),
        ("a: 'it''s'\nb: \"x\\ty\\u00e9\\\\\"\n", "{\"a\": \"it's\", \"b\": \"x\ty\u{e9}\\\"}", []),
        ("a: \"x\\\n   y\"\n", #"{"a": "xy"}"#, []),
        ("a: 'one\n  two\n\n  three'\n", #"{"a": "one two\nthree"}"#, []),
        ("a: plain\n  continued\nb: c\n", #"{"a": "plain continued", "b": "c"}"#, []),
        ("a: b#c # comment\n", #"{"a": "b#c"}"#, []),
        ("a: http://x:80/y\n", #"{"a": "http://x:80/y"}"#, []),
        ("a: |\n  line 1\n  line 2\n\nb: 1\n", #"{"a": "line 1\nline 2\n", "b": "1"}"#, []),
        ("a: |-\n  x\n", #"{"a": "x"}"#, []),
        ("a: |+\n  x\n\n", #"{"a": "x\n\n"}"#, []),
        ("a: >\n  folded\n  text\n\n  para\n    more\n", #"{"a": "folded text\npara\n  more\n"}"#, []),
        ("a: |2\n   x\n", #"{"a": " x\n"}"#, []),
        ("a: [x, 'y', {b: c}]\n", #"{"a": ["x", "y", {"b": "c"}]}"#, []),
        ("a: {b: 1, c: [d,\n  e]} # c\n", #"{"a": {"b": "1", "c": ["d", "e"]}}"#, []),
        ("a: []\nb: {}\n", #"{"a": [], "b": {}}"#, []),
        // Multi-byte text in every kind of scalar, with CR LF and lone CR line breaks.
        ("é: ü😀\r\n  ñ\r\n\r\n  ö\rb: 'é\r\n  ''ü'''\nc: \"😀\\x41\\u00fc\\\n  ä\"\n",
            "{\"é\": \"ü😀 ñ\\nö\", \"b\": \"é 'ü'\", \"c\": \"😀Aüä\"}", []),
        ("a: |\r\n  é\r\n   ü\r\n\r\nb: >-\r  ñ\r  ö\r\n", "{\"a\": \"é\\n ü\\n\", \"b\": \"ñ ö\"}", []),
        ("[é, {ü: 😀}, 'ñ']\n", "[\"é\", {\"ü\": \"😀\"}, \"ñ\"]", []),
        // A value on its key's line, folded or not over the lines below.
        ("a: x \t\n\n  y\nb: z # c\n  w\nc: v\n", nil, ["yaml.syntax"]),
        ("a: x  \n\n  y\nb: z\n  w\nc: v\n", #"{"a": "x\ny", "b": "z w", "c": "v"}"#, []),
        ("a: x\n  - y\n", nil, ["yaml.syntax"]),
        ("a: x\n  # c\n  y\n", nil, ["yaml.syntax"]),
        ("a: 1\na: 2\n", #"{"a": "2"}"#, ["yaml.duplicate-key"]),
        ("\"quoted key\": v\n", #"{"quoted key": "v"}"#, []),
        ("a:\r\n  - b\r\n", #"{"a": ["b"]}"#, []),
        ("\u{FEFF}a: b\n", #"{"a": "b"}"#, []),
        ("a:   spaced   \n# c\n\n  # c2\nb:\n  # c3\n  c: d\n", #"{"a": "spaced", "b": {"c": "d"}}"#, []),
        ("- x\n  y\n-\n  z\n- 'q'\n", #"["x y", "z", "q"]"#, []),
        ("a: >-\n  one\n\n\n  two\n    three\n  four\n", #"{"a": "one\n\ntwo\n  three\nfour"}"#, []),
        ("a: |\n\n  x\n  # not a comment\n", #"{"a": "\nx\n# not a comment\n"}"#, []),
        ("a: \"\\x41\\U0001F600 \\\" \\/\"\n", #"{"a": "A\#u{1F600} " /"}"#, []),
        ("a: \"x\n\n  y \"\n", #"{"a": "x\ny "}"#, []),
        ("a: {b, c: }\n", #"{"a": {"b": "", "c": ""}}"#, []),
        ("a: [ \"x, y\", 'z]' ]\n", #"{"a": ["x, y", "z]"]}"#, []),
        ("- a:\n  - b\n  c: d\n", #"[{"a": ["b"], "c": "d"}]"#, []),
        ("a: -1\nb: -x\nc: :x\nd: x:y\n", #"{"a": "-1", "b": "-x", "c": ":x", "d": "x:y"}"#, []),
        ("a: &x 1\n", nil, ["yaml.unsupported"]),
        ("a: *x\n", nil, ["yaml.unsupported"]),
        ("a: !!str 1\n", nil, ["yaml.unsupported"]),
        ("<<: {a: 1}\n", nil, ["yaml.unsupported"]),
        ("? a\n: b\n", nil, ["yaml.unsupported"]),
        ("a: 1\n---\nb: 2\n", nil, ["yaml.unsupported"]),
        ("%YAML 1.2\n---\na: 1\n", nil, ["yaml.unsupported"]),
        ("a:\n\tb: 1\n", nil, ["yaml.syntax"]),
        ("a: b: c\n", nil, ["yaml.syntax"]),
        ("a: 'open\n", nil, ["yaml.syntax"]),
        ("a: [1, 2\n", nil, ["yaml.syntax"]),
        ("a: 1\n  b: 2\n", nil, ["yaml.syntax"]),
        ("a:\n  b: 1\n c: 2\n", nil, ["yaml.syntax"]),
        ("a: \"\\q\"\n", nil, ["yaml.syntax"]),
        ("a: - b\n", nil, ["yaml.syntax"]),
        ("just text\n- item\n", nil, ["yaml.syntax"]),
    ]

    func testRows() {
        for (text, expected, ids) in Self.rows {
            var diagnostics = Diagnostics()
            let node = YAMLReader.parse(text, path: "convox.yml", into: &diagnostics)
            XCTAssertEqual(node.map(Self.dump), expected, "row: \(text.debugDescription)")
            XCTAssertEqual(diagnostics.sorted.map(\.id.rawValue), ids, "row: \(text.debugDescription)")
        }
    }

    func testLocations() {
        var diagnostics = Diagnostics()
        let text = "services:\n  web:\n    port: 3000\n    environment:\n      - A=1\n"
        guard let root = YAMLReader.parse(text, path: "convox.yml", into: &diagnostics),
            let web = root["services"]?.pair("web"), let port = web.value.pair("port"),
            let item = web.value["environment"]?.items?.first
        else { return XCTFail("did not parse") }
        XCTAssertEqual([web.key.line, web.key.column], [2, 3])
        XCTAssertEqual([port.key.line, port.key.column, port.value.line, port.value.column], [3, 5, 3, 11])
        XCTAssertEqual([item.line, item.column], [5, 9])

        let broken = YAMLReader.parse("a: 1\nb:\n  c: [1,\n", path: "m.yml", into: &diagnostics)
        XCTAssertNil(broken)
        XCTAssertEqual(diagnostics.sorted.last?.location?.rendered, "m.yml:3:6")
    }

    /// The reader scans bytes but counts columns in Unicode scalars: these pin the numbers after multi-byte text,
    /// a tab, CR LF and a lone CR (the ones the scalar-based reader gave).
    func testLocationsAfterMultiByteTextAndLineBreaks() {
        var diagnostics = Diagnostics()
        guard let root = YAMLReader.parse("é1: ü\r\nb:\r  ñ😀: [ä, 'ö']\n", path: "m.yml", into: &diagnostics),
            let first = root.pair("é1"), let nested = root["b"]?.pair("ñ😀"), let items = nested.value.items
        else { return XCTFail("did not parse: \(diagnostics.sorted.map(\.message))") }
        XCTAssertEqual([first.key.line, first.key.column, first.value.line, first.value.column], [1, 1, 1, 5])
        XCTAssertEqual([nested.key.line, nested.key.column, nested.value.line, nested.value.column], [3, 3, 3, 7])
        XCTAssertEqual(items.map { [$0.line, $0.column] }, [[3, 8], [3, 11]])
        XCTAssertEqual(items.map(\.scalarText), ["ä", "ö"])

        let failures: [(String, String)] = [
            ("ü: 'é😀' \tx\n", "m.yml:1:10"),
            ("a: 1\r\nb: 2\r\n  c: 3\r\n", "m.yml:3:4"),
            ("a: 1\rb: \"\\é\"\r", "m.yml:2:5"),
            ("a: |\r  é\r   ü\r\n x: [\r", "m.yml:4:2"),
        ]
        for (text, location) in failures {
            var diagnostics = Diagnostics()
            XCTAssertNil(YAMLReader.parse(text, path: "m.yml", into: &diagnostics), text.debugDescription)
            XCTAssertEqual(diagnostics.sorted.last?.location?.rendered, location, text.debugDescription)
        }
        var escape = Diagnostics()
        _ = YAMLReader.parse("a: \"\\é\"\n", path: "m.yml", into: &escape)
        XCTAssertEqual(escape.sorted.last?.message, "unknown escape '\\é' in a double-quoted value")
    }

    /// A repeated key is found in a small mapping (searched directly) and in a large one (through an index), before
    /// and after the index is built; the later value wins at the first key's place.
    func testRepeatedKeysInSmallAndLargeMappings() {
        for count in [3, 7, 8, 9, 20] {
            let lines = (0..<count).map { "k\($0): \($0)" } + ["k0: again", "k\(count - 1): last"]
            var diagnostics = Diagnostics()
            guard let root = YAMLReader.parse(lines.joined(separator: "\n"), path: "m.yml", into: &diagnostics)
            else { return XCTFail("did not parse") }
            XCTAssertEqual(root.pairs?.map(\.name), (0..<count).map { "k\($0)" })
            XCTAssertEqual(root["k0"]?.scalarText, "again")
            XCTAssertEqual(root["k\(count - 1)"]?.scalarText, "last")
            XCTAssertEqual(diagnostics.sorted.map { $0.location?.rendered ?? "" },
                ["m.yml:\(count + 1):1", "m.yml:\(count + 2):1"])
        }
    }

    /// Deep nesting is an error, never a stack overflow.
    func testDeepNestingIsAnError() {
        let depth = 100_000
        let cases = [
            String(repeating: "[", count: depth) + String(repeating: "]", count: depth),
            String(repeating: "{a: ", count: depth) + String(repeating: "}", count: depth),
            (0..<500).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n"),
            String(repeating: "- ", count: depth) + "x",
        ]
        for text in cases {
            var diagnostics = Diagnostics()
            XCTAssertNil(YAMLReader.parse(text, path: "deep.yml", into: &diagnostics))
            XCTAssertEqual(diagnostics.sorted.map(\.id.rawValue), ["yaml.too-deep"])
        }
    }

    /// Every convox.yml in the shared corpus, and every row above, read the same as PyYAML's BaseLoader (which
    /// keeps every scalar as text, like our reader).
    func testAgreesWithPyYAML() throws {
        let corpus = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpus")
        var documents: [(String, String)] = []
        if let names = try? FileManager.default.contentsOfDirectory(atPath: corpus.path) {
            for name in names.sorted() {
                let file = corpus.appendingPathComponent(name).appendingPathComponent("convox.yml")
                if let data = FileManager.default.contents(atPath: file.path) {
                    documents.append((name + "/convox.yml", String(decoding: data, as: UTF8.self)))
                }
            }
        }
        let corpusCount = documents.count
        // PyYAML reads an empty document as null, and the byte-order mark is SourceText's job, not the parser's.
        for (offset, row) in Self.rows.enumerated()
        where row.1 != nil && row.1 != "\"\"" && !row.0.contains("\u{FEFF}") {
            documents.append(("row \(offset)", row.0))
        }
        let parsed = try PyYAML.load(documents.map(\.1))
        if corpusCount == 0 { print("no convox.yml found under \(corpus.path); checked the table rows only") }
        for ((name, text), python) in zip(documents, parsed) {
            var diagnostics = Diagnostics()
            guard let node = YAMLReader.parse(text, path: name, into: &diagnostics) else {
                XCTFail("\(name): our reader failed: \(diagnostics.sorted.map(\.message)) (PyYAML: \(python))")
                continue
            }
            XCTAssertTrue(PyYAML.object(for: node).isEqual(python), "\(name): PyYAML reads \(python)")
        }
    }
}

/// Runs python3 with PyYAML's BaseLoader over several documents at once; skips the test when either is missing.
enum PyYAML {
    static func load(_ documents: [String]) throws -> [NSObject] {
        let script = """
            import json, sys
            try:
                import yaml
            except ImportError:
                sys.exit(3)
            out = []
            for text in json.load(sys.stdin):
                out.append(yaml.load(text, Loader=yaml.BaseLoader))
            json.dump(out, sys.stdout)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw XCTSkip("python3 is not installed; skipping the PyYAML comparison")
        }
        let payload = try JSONSerialization.data(withJSONObject: documents)
        input.fileHandleForWriting.write(payload)
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 3 || process.terminationStatus == 127 {
            throw XCTSkip("python3 or PyYAML (python3 -c 'import yaml') is not installed; skipping the comparison")
        }
        guard process.terminationStatus == 0,
            let parsed = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [NSObject]
        else {
            XCTFail("python3 failed (status \(process.terminationStatus))")
            return []
        }
        return parsed
    }

    /// Our node as the Foundation object JSONSerialization makes from PyYAML's output.
    static func object(for node: YAMLNode) -> NSObject {
        switch node.content {
        case .scalar(let text, _): return text as NSString
        case .sequence(let items): return items.map(object(for:)) as NSArray
        case .mapping(let pairs):
            let dictionary = NSMutableDictionary()
            for pair in pairs { dictionary[pair.name] = object(for: pair.value) }
            return dictionary
        }
    }
}
