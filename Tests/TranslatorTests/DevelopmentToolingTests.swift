import Translator
import XCTest

final class DevelopmentToolingTests: XCTestCase {
    func testLooksLikeDevelopmentTooling() {
        let rows: [(String, Bool)] = [
            ("assets bin/webpack-dev-server", true), ("web bin/dev server", true), ("css npm run css:watch", true),
            ("webpack npx webpack --watch", true), ("guard bundle exec guard", true),
            ("devices bundle exec rails runner DeviceServer.run", false),
            ("worker node worker.js --env development --server x", false), ("worker bundle exec sidekiq", false),
            ("watcher bin/watch", false),
        ]
        for (text, expected) in rows {
            XCTAssertEqual(AppTranslator.looksLikeDevelopmentTooling(text), expected, "row: \(text)")
        }
    }
}
