import Backends
import Foundation
import XCTest

final class YAMLWriterTests: XCTestCase {
    /// Every value that some YAML reader would take for a non-string must be quoted.
    func testScalarQuoting() {
        let quoted = [
            "", "y", "Y", "yes", "No", "NO", "on", "OFF", "true", "False", "null", "~", "<<", "=", "0", "8000",
            "0123", "1:30", "1.0", ".5", ".inf", "-.Inf", "+1", "-1", "1e3", "2019-07-06", "*/10 * * * *", "@daily",
            "&a", "!tag", "|x", ">x", "'a'", "\"a\"", "%x", "`x`", "- x", "-", "? x", ":x", "a: b", "a #b", "a:",
            " a", "a ", "a\nb", "a\tb", "---", "...", "{a}", "[a]", ",a", "#a", "\u{FEFF}a", "a\u{2028}b",
        ]
        for value in quoted {
            XCTAssertFalse(YAMLWriter.isPlainSafe(value), "should be quoted: \(value.debugDescription)")
        }
        let plain = [
            "web", "gunicorn mysite.wsgi --bind=0.0.0.0:8000", ".", "./bin/start", "a#b", "key=value",
            "SECRET_KEY=foo", "sh -c 'exec a'", "naïve", "postgres", "a:b",
        ]
        for value in plain {
            XCTAssertTrue(YAMLWriter.isPlainSafe(value), "should stay plain: \(value.debugDescription)")
        }
    }

    func testDoubleQuotedEscapes() {
        XCTAssertEqual(YAMLWriter.doubleQuoted("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"")
    }

    func testBlockLayout() {
        let value = YAMLValue.mapping([
            YAMLEntry("services", .mapping([
                YAMLEntry("web", .mapping([
                    YAMLEntry("port", .int(8000)),
                    YAMLEntry("resources", .sequence([.string("database")])),
                    YAMLEntry("empty", .sequence([])),
                ])),
            ])),
            YAMLEntry("list", .sequence([.mapping([YAMLEntry("a", .string("1")), YAMLEntry("b", .bool(true))])])),
        ])
        XCTAssertEqual(YAMLWriter.render(value), """
            services:
              web:
                port: 8000
                resources:
                  - database
                empty: []
            list:
              - a: "1"
                b: true

            """)
    }

    /// Round trip through PyYAML, when it is installed: every scalar must load back as the same string.
    func testRoundTripWithPyYAML() throws {
        let values = [
            "y", "n", "NO", "on", "0123", "1:30", "1_000", "0x1F", "0o17", "0b101", "1e3", ".nan", "2001-12-14",
            "*/10 * * * *", "a: b", "a #b", "it's", "\"q\"", "tab\there", "line\nbreak", "~", "null", "naïve",
            "sh -c 'bundle exec puma -p $PORT'", "=", "<<", "-", "",
        ]
        let document = YAMLWriter.render(.sequence(values.map { .string($0) }))
        let script = "import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))"
        guard let output = try runPython(script, input: document) else {
            throw XCTSkip("python3 with PyYAML is not installed; skipping the PyYAML round trip")
        }
        let decoded = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [Any]
        XCTAssertEqual(decoded?.compactMap { $0 as? String }, values)
    }

    func runPython(_ script: String, input: String) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = Pipe()
        do { try process.run() } catch { return nil }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
