import Foundation
import XCTest

@testable import translate

/// Every corpus app with a heroku.yml converts without an error, and `check` then finds it in sync.
final class HerokuYMLCorpusTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")

    func testCorpusAppsWithHerokuYMLConvert() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)) ?? []
        let apps = names.sorted().filter {
            FileManager.default.fileExists(atPath: Self.corpus.appendingPathComponent("\($0)/heroku.yml").path)
        }
        guard !apps.isEmpty else { throw XCTSkip("no corpus at \(Self.corpus.path); skipping the heroku.yml apps") }
        for name in apps {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("herokuyml-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent(name), to: scratch)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let context = CommandContext(
                workingDirectory: scratch.path, environment: [:], isStandardErrorTTY: false, readStandardInput: { [] })
            let converted = TranslateCLI.run(arguments: ["convert"], context: context)
            XCTAssertEqual(converted.status, 0, "\(name): \(converted.standardError)")
            XCTAssertFalse(converted.standardError.contains(": error:"), "\(name): \(converted.standardError)")
            let manifest = try String(contentsOf: scratch.appendingPathComponent("convox.yml"), encoding: .utf8)
            XCTAssertTrue(manifest.contains("services:\n  web:\n"), "\(name): no web service\n\(manifest)")
            let checked = TranslateCLI.run(arguments: ["check"], context: context)
            XCTAssertEqual(checked.status, 0, "\(name): check after convert: \(checked.standardError)")
        }
        XCTAssertGreaterThanOrEqual(apps.count, 3, "the corpus lost its heroku.yml apps")
    }

    /// Short of running the fuzzer: every prefix of every golden heroku.yml, and each with one byte flipped, goes
    /// through the fuzz target (frontend, Dockerfile reader with the same bytes, mapping rules, backends).
    func testEveryPrefixOfTheGoldenHerokuYMLsRunsThrough() throws {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("golden")
        let cases = try FileManager.default.contentsOfDirectory(atPath: golden.path).sorted()
        var inputs = 0
        for name in cases {
            let file = golden.appendingPathComponent("\(name)/input/heroku.yml")
            // The deep-nesting case alone would take most of the time; its prefixes are all nesting.
            guard let bytes = try? Array(Data(contentsOf: file)), bytes.count <= 600 else { continue }
            inputs += 1
            for length in 0...bytes.count {
                FuzzDriver.run(target: "heroku-yml", Array(bytes.prefix(length)))
                if length < bytes.count {
                    var flipped = bytes
                    flipped[length] ^= 0x20
                    FuzzDriver.run(target: "heroku-yml", flipped)
                }
            }
        }
        XCTAssertGreaterThanOrEqual(inputs, 10, "too few golden heroku.yml files")
    }
}
