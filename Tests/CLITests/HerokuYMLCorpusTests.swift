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
}
