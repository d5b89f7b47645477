import Backends
import Foundation
import Translator
import XCTest

final class EnvFileBackendTests: XCTestCase {
    /// Values every reader takes literally, and values that would be read differently (left out, key named).
    static let representable = [
        "plain", "", "a\\b", "it's $HOME", "x#y", "#start", "a=b=c", "mid \"quote\"", "é😀", "sp ace", "back`tick`",
        "trailing\\",
    ]
    static let unrepresentable = ["l1\nl2", " lead", "trail ", "'quoted'", "\"dq\"", "a #b", "pre${HOME}"]

    func render() -> (String, [Diagnostic]) {
        var values: [EnvironmentValue] = []
        for (index, value) in (Self.representable + Self.unrepresentable).enumerated() {
            values.append(EnvironmentValue(key: "K\(index)", value: value, isSecret: true))
        }
        var diagnostics = Diagnostics()
        let files = EnvFileBackend().render(
            AppIR(environmentValues: values), options: ConversionOptions(), into: &diagnostics)
        XCTAssertEqual(files.map(\.path), [".env"])
        XCTAssertEqual(files.first?.isSecret, true)
        return (files.first?.contents ?? "", diagnostics.sorted)
    }

    func testUnrepresentableValuesAreNamedNeverShown() {
        let (contents, diagnostics) = render()
        XCTAssertEqual(diagnostics.count, Self.unrepresentable.count)
        for (offset, value) in Self.unrepresentable.enumerated() {
            let key = "K\(Self.representable.count + offset)"
            XCTAssertTrue(diagnostics.contains { $0.message.contains("value of \(key) ") }, key)
            XCTAssertFalse(diagnostics.contains { $0.message.contains(value) || ($0.hint ?? "").contains(value) })
            XCTAssertFalse(contents.contains("\(key)="))
        }
        XCTAssertFalse(contents.split(separator: "\n").contains { $0.hasPrefix("#") && $0.contains("=") },
            "comment lines must not contain \"=\": `convox env set` reads every line that has one")
    }

    /// docker --env-file and `convox env set` take everything after the first `=`; python-dotenv must agree.
    func testDockerConvoxAndDotenvAgree() throws {
        let (contents, _) = render()
        var literal: [String: String] = [:]
        for line in contents.split(separator: "\n", omittingEmptySubsequences: false)
        where !line.hasPrefix("#") && line.contains("=") {
            let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            literal[String(parts[0])] = String(parts[1])
        }
        for (index, value) in Self.representable.enumerated() { XCTAssertEqual(literal["K\(index)"], value) }

        let python = URL(fileURLWithPath: "/usr/bin/env")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("envfile-\(UUID().uuidString)")
        try contents.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = python
        process.arguments = ["python3", "-c",
            "import json,sys\ntry:\n import dotenv\nexcept ImportError:\n sys.exit(3)\n"
                + "print(json.dumps(dotenv.dotenv_values(sys.argv[1])))", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        do { try process.run() } catch { throw XCTSkip("python3 not installed; skipping the python-dotenv check") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw XCTSkip("python-dotenv not installed; skipping the python-dotenv check")
        }
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: String?])
        XCTAssertEqual(parsed.count, literal.count)
        for (key, value) in literal { XCTAssertEqual(parsed[key] ?? nil, value, key) }
    }
}
