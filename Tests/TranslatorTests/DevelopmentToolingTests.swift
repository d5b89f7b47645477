import Translator
import XCTest

final class DevelopmentToolingTests: XCTestCase {
    func testLooksLikeDevelopmentTooling() {
        let rows: [(String, Bool)] = [
            // The byte path (ASCII text) and the Character path agree on word edges.
            ("webpack/", true), ("/", false), ("x:watch", true), ("x:watch ", true), ("a\tguard", true),
            ("bin/webpacker", false), ("WEBPACK", true), ("é webpack", true), ("é x:watch", true),
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
