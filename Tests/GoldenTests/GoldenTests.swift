import Foundation
import Translator
import XCTest

@testable import translate

/// Runs every case in `golden/` through the CLI entry point and compares every file it writes, plus its stdout,
/// stderr and exit status, byte for byte. `UPDATE_GOLDEN=1 swift test` re-records the expected files and then
/// fails, so a re-recording run can never pass in CI unnoticed.
final class GoldenTests: XCTestCase {
    static let goldenRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("golden")

    /// Names that are the run's streams, not files it wrote.
    static let streamFiles = ["stdout", "stderr", "status"]

    func testGoldenCases() throws {
        let isUpdating = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil
        let cases = try GoldenCase.all(in: Self.goldenRoot)
        XCTAssertFalse(cases.isEmpty, "no golden cases found in \(Self.goldenRoot.path)")
        var recorded = 0
        for goldenCase in cases {
            let actual = try goldenCase.run()
            if isUpdating {
                try goldenCase.record(actual)
                recorded += 1
                continue
            }
            let expected = try goldenCase.expected()
            for path in Set(actual.keys).union(expected.keys).sorted() {
                switch (expected[path], actual[path]) {
                case (nil, .some):
                    XCTFail("\(goldenCase.name): unexpected output file \(path)")
                case (.some, nil):
                    XCTFail("\(goldenCase.name): expected output file \(path) was not produced")
                case let (.some(want), .some(got)) where want != got:
                    let diff = UnifiedDiff.render(
                        old: want, new: got, oldLabel: "expected/\(path)", newLabel: "actual/\(path)")
                    XCTFail("\(goldenCase.name): \(path) differs\n\(diff)")
                default:
                    break
                }
            }
        }
        if isUpdating {
            XCTFail("re-recorded \(recorded) golden cases; review `git diff golden/`, then run `swift test` again")
        }
    }
}

/// One folder under `golden/`: `input/` (the app), optional `args` (one argument per line; default `convert`),
/// optional `stdin`, and `expected/` (written files plus `stdout`, `stderr`, `status`).
struct GoldenCase {
    var name: String
    var directory: URL

    static func all(in root: URL) throws -> [GoldenCase] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).sorted().compactMap { name in
            let directory = root.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(
                atPath: directory.appendingPathComponent("input").path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { return nil }
            return GoldenCase(name: name, directory: directory)
        }
    }

    var arguments: [String] {
        guard let text = try? String(contentsOf: directory.appendingPathComponent("args"), encoding: .utf8) else {
            return ["convert"]
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    /// Runs the case in a scratch copy of `input/` and returns every new or changed file plus the streams.
    func run() throws -> [String: String] {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("golden-\(name)-\(UUID().uuidString)")
        let app = scratch.appendingPathComponent("app")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.copyItem(at: directory.appendingPathComponent("input"), to: app)
        try Self.restoreGitFiles(under: app)
        let before = try Self.files(under: app)
        let standardInput = (try? Data(contentsOf: directory.appendingPathComponent("stdin"))) ?? Data()
        let context = CommandContext(
            workingDirectory: app.path, environment: [:], isStandardErrorTTY: false,
            readStandardInput: { Array(standardInput) })
        let result = TranslateCLI.run(arguments: arguments, context: context)
        var outputs: [String: String] = [:]
        for (path, contents) in try Self.files(under: app) where before[path] != contents {
            outputs[Self.storedName(path)] = contents
        }
        outputs["stdout"] = result.standardOutput
        outputs["stderr"] = result.standardError
        outputs["status"] = "\(result.status)\n"
        return outputs
    }

    func expected() throws -> [String: String] {
        try Self.files(under: directory.appendingPathComponent("expected"))
    }

    func record(_ outputs: [String: String]) throws {
        let expected = directory.appendingPathComponent("expected")
        try? FileManager.default.removeItem(at: expected)
        for (path, contents) in outputs {
            let file = expected.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: file)
        }
    }

    /// A `.gitignore` inside golden/ would make git ignore the case's own files (an expected `.env`), so golden
    /// folders store it as `.gitignore.golden`; the runner renames it for the run and back when recording.
    static let gitFileSuffix = ".golden"

    static func storedName(_ path: String) -> String {
        path == ".gitignore" || path.hasSuffix("/.gitignore") ? path + gitFileSuffix : path
    }

    static func restoreGitFiles(under root: URL) throws {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return }
        var stored: [URL] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".gitignore" + gitFileSuffix) { stored.append(root.appendingPathComponent(relative)) }
        }
        for file in stored { try FileManager.default.moveItem(at: file, to: file.deletingPathExtension()) }
    }

    /// Relative path to contents for every regular file under `root`, hidden files included.
    static func files(under root: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let path = root.appendingPathComponent(relative).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: path)
            {
                result[relative] = String(decoding: data, as: UTF8.self)
            }
        }
        return result
    }
}
