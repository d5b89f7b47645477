import Translator
import XCTest

final class RuntimeImageSupportTests: XCTestCase {
    /// Rows of (language, requested version, expected "supported", "replaced <version> <release>" or "unbuildable").
    func testArchivedDebianImages() {
        let rows: [(Language, String, String)] = [
            (.ruby, "2.7.1", "replaced 2.7 bullseye"),
            (.ruby, "2.7.8", "supported"),
            (.ruby, "2.7", "supported"),
            (.ruby, "2.5.9", "unbuildable"),
            (.ruby, "3.0.1", "replaced 3.0 bullseye"),
            (.ruby, "3.3.4", "supported"),
            (.python, "3.6", "replaced 3.6 bullseye"),
            (.python, "3.6.15", "replaced 3.6.15 bullseye"),
            (.python, "3.5.10", "unbuildable"),
            (.python, "2.7.18", "unbuildable"),
            (.python, "3.8.5", "replaced 3.8 bookworm"),
            (.python, "3.8.18", "supported"),
            (.python, "3.12", "supported"),
            (.nodejs, "4", "unbuildable"),
            (.nodejs, "10", "unbuildable"),
            (.nodejs, "12", "replaced 12 bullseye"),
            (.nodejs, "15", "unbuildable"),
            (.nodejs, "16", "supported"),
            (.php, "7.2", "unbuildable"),
            (.php, "7.3", "replaced 7.3 bullseye"),
            (.php, "7.4", "supported"),
            (.go, "1.11", "supported"),
        ]
        for (language, version, expected) in rows {
            let summary: String
            switch RuntimeImageSupport.status(of: language, version: version) {
            case .supported: summary = "supported"
            case .replaced(_, let replacement): summary = "replaced \(replacement.version) \(replacement.debianRelease)"
            case .unbuildable: summary = "unbuildable"
            }
            XCTAssertEqual(summary, expected, "row: \(language) \(version)")
        }
    }
}
