import Foundation
import Translator
import XCTest

@testable import translate

/// Secret values may only ever reach the env file. For every golden case, the secrets the pipeline itself
/// classified are searched for in every other file the run wrote, in stdout and stderr, and in `--dump-ir`.
final class SecretLeakTests: XCTestCase {
    func testNoSecretValueLeavesTheEnvFile() throws {
        var secretsChecked: [String: Int] = [:]
        for goldenCase in try GoldenCase.all(in: GoldenTests.goldenRoot) {
            let arguments = goldenCase.arguments
            guard arguments.first == "convert",
                let parsed = try? ArgumentParser.parse(
                    Array(arguments.dropFirst()), subcommand: "convert", options: ConvertCommand.options)
            else { continue }
            let scratch = FileManager.default.temporaryDirectory
                .appendingPathComponent("secrets-\(goldenCase.name)-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: goldenCase.directory.appendingPathComponent("input"), to: scratch)
            defer { try? FileManager.default.removeItem(at: scratch) }
            try GoldenCase.restoreGitFiles(under: scratch)
            let standardInput = (try? Data(contentsOf: goldenCase.directory.appendingPathComponent("stdin"))) ?? Data()
            let context = CommandContext(
                workingDirectory: scratch.path, environment: [:], isStandardErrorTTY: false,
                readStandardInput: { Array(standardInput) })
            var diagnostics = Diagnostics()
            guard let directory = AppDirectory(
                typedPath: parsed.positionals.first ?? ".", context: context, into: &diagnostics)
            else { continue }
            let conversion = Conversion.run(
                appDirectory: directory, options: ConversionArguments.conversionOptions(from: parsed),
                into: &diagnostics)
            let secrets = conversion.app.environmentValues.filter(\.isSecret).map(\.value).filter { $0.count >= 4 }
            guard !secrets.isEmpty else { continue }
            secretsChecked[goldenCase.name] = secrets.count
            let secretFiles = Set(conversion.files.filter(\.isSecret).map(\.path))
            XCTAssertFalse(secretFiles.isEmpty, "\(goldenCase.name): secrets but no secret output file")

            // With --out DIR the run's paths carry DIR in front of the file's own path.
            var outputs = try goldenCase.run().filter { output in
                !secretFiles.contains { output.key == $0 || output.key.hasSuffix("/" + $0) }
            }
            let dump = TranslateCLI.run(arguments: arguments + ["--dump-ir"], context: context)
            outputs["--dump-ir stdout"] = dump.standardOutput
            outputs["--dump-ir stderr"] = dump.standardError
            for (path, contents) in outputs {
                for secret in secrets where contents.contains(secret) {
                    XCTFail("\(goldenCase.name): a secret value (\(secret.count) characters) appears in \(path)")
                }
            }
        }
        XCTAssertGreaterThanOrEqual(secretsChecked["secret-not-leaked"] ?? 0, 5, "the secret corpus shrank")
        XCTAssertGreaterThanOrEqual(secretsChecked.count, 3, "too few golden cases carry secrets: \(secretsChecked)")
    }

    /// The env file is created 0600 (no moment where others can read it) and listed in `.gitignore`.
    func testEnvFileModeAndGitIgnore() throws {
        let source = GoldenTests.goldenRoot.appendingPathComponent("secret-not-leaked/input")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("envmode-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let context = CommandContext(
            workingDirectory: scratch.path, environment: [:], isStandardErrorTTY: false, readStandardInput: { [] })
        let result = TranslateCLI.run(arguments: ["convert", "--config-vars", "heroku.env"], context: context)
        XCTAssertEqual(result.status, 0, result.standardError)
        let attributes = try FileManager.default.attributesOfItem(atPath: scratch.appendingPathComponent(".env").path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let gitignore = try String(contentsOf: scratch.appendingPathComponent(".gitignore"), encoding: .utf8)
        XCTAssertEqual(gitignore, ".env\n/heroku.env\n", "the env file and the config vars export it came from")

        // A second run changes nothing, and a user's .gitignore keeps its mode and text when a line is appended.
        let again = TranslateCLI.run(arguments: ["convert", "--config-vars", "heroku.env"], context: context)
        XCTAssertEqual(
            again.standardOutput.split(separator: "\n").sorted(),
            [".dockerignore: unchanged", ".env: unchanged", ".gitignore: unchanged", ".translate.yml: unchanged",
             "MIGRATION.md: unchanged",
             "convox.yml: unchanged"])
        let gitignorePath = scratch.appendingPathComponent(".gitignore").path
        try "build/".write(toFile: gitignorePath, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: gitignorePath)
        _ = TranslateCLI.run(arguments: ["convert", "--config-vars", "heroku.env"], context: context)
        XCTAssertEqual(try String(contentsOfFile: gitignorePath, encoding: .utf8), "build/\n.env\n/heroku.env\n")
        let mode = try FileManager.default.attributesOfItem(atPath: gitignorePath)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o640)
    }
}

/// `diff` without `--show-values` prints no value of the user's manifest that could be a secret: for every golden
/// `diff` case, each environment default the manifest sets (4 characters or more) is searched for in the recorded
/// stdout (stderr holds the conversion's own notes, where a word like "production" is no leak), and each string
/// marked `fake` in the secrets fixtures in stdout and stderr.
final class DiffSecretTests: XCTestCase {
    func testDiffPrintsNoManifestValueWithoutShowValues() throws {
        var checked = 0
        for goldenCase in try GoldenCase.all(in: GoldenTests.goldenRoot) {
            let arguments = goldenCase.arguments
            guard arguments.first == "diff", let against = arguments.firstIndex(of: "--against"),
                against + 1 < arguments.count
            else { continue }
            let manifestURL = goldenCase.directory.appendingPathComponent("input")
                .appendingPathComponent(arguments[against + 1])
            guard let manifest = try? String(contentsOf: manifestURL, encoding: .utf8) else { continue }
            var values: [String] = []
            var markedValues: [String] = []
            for line in manifest.split(separator: "\n") {
                markedValues += line.split(separator: " ").map(String.init).filter { $0.contains("fake") }
                var item = line.drop { $0 == " " }
                guard item.hasPrefix("- ") else { continue }
                item = item.dropFirst(2).drop { $0 == "\"" }
                if let equals = item.firstIndex(of: "=") {
                    let value = String(item[item.index(after: equals)...].reversed().drop { $0 == "\"" }.reversed())
                    if value.count >= 4 { values.append(value) }
                }
            }
            let expected = goldenCase.directory.appendingPathComponent("expected")
            let stdout = (try? String(contentsOf: expected.appendingPathComponent("stdout"), encoding: .utf8)) ?? ""
            let printed = stdout
                + ((try? String(contentsOf: expected.appendingPathComponent("stderr"), encoding: .utf8)) ?? "")
            let showsValues = arguments.contains("--show-values")
            if !showsValues {
                for value in values {
                    checked += 1
                    XCTAssertFalse(
                        stdout.contains(value), "\(goldenCase.name): the manifest's value \(value) is printed")
                }
                for value in markedValues {
                    checked += 1
                    XCTAssertFalse(printed.contains(value), "\(goldenCase.name): the manifest's \(value) is printed")
                }
            }
            if showsValues, goldenCase.name.hasPrefix("diff-show-values") {
                XCTAssertTrue(printed.contains("fake"), "\(goldenCase.name): --show-values shows no value")
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 20, "too few manifest values checked")
    }
}
