import Translator
import XCTest

/// The buildpacks' own published values: heroku-buildpack-python vendor/WEB_CONCURRENCY.sh lists them per dyno
/// size in its header; Node.js is RAM / 512 MB (2048 MB above 16 GB); Ruby's SENSIBLE_DEFAULTS table.
final class WebConcurrencyTests: XCTestCase {
    func testBuildpackTables() {
        let rows: [(String, Language, Int?)] = [
            ("basic", .python, 2), ("standard-2x", .python, 4), ("performance-m", .python, 5),
            ("performance-l", .python, 17), ("performance-l-ram", .python, 9), ("performance-xl", .python, 17),
            ("performance-2xl", .python, 33), ("private-s", .python, 4), ("shield-s", .python, 4),
            ("standard-1x", .nodejs, 1), ("standard-2x", .nodejs, 2), ("performance-m", .nodejs, 5),
            ("performance-l", .nodejs, 28), ("performance-l-ram", .nodejs, 15), ("performance-2xl", .nodejs, 63),
            ("standard-1x", .ruby, 2), ("standard-2x", .ruby, 4), ("performance-m", .ruby, 8),
            ("performance-l", .ruby, 16), ("performance-xl", .ruby, nil),
        ]
        for (name, language, expected) in rows {
            guard let size = DynoSize.named(name) else { return XCTFail("unknown size \(name)") }
            XCTAssertEqual(AppTranslator.webConcurrency(for: size, language: language), expected, "row: \(name) \(language)")
        }
    }
}
