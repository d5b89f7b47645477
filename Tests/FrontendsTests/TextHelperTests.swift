import Foundation
@testable import Frontends
import Translator
import XCTest

/// The fast text helpers must answer exactly as the Foundation calls they replaced, or outputs would change.
final class TextHelperTests: XCTestCase {
    let samples = [
        "", " ", "\t", "  rails (7.1.3)  ", "\u{00A0}nbsp\u{3000}", " \u{301}combining", "a: b", "a #b", "x\t#y",
        "${HOME}", "$ {HOME}", "postgres://u:p@host/db", "SECRET_KEY", "key", "é: ü", "\r\n", "tab:\tvalue",
        "\u{2028}line", "ends with space ", "日本語 テキスト", "👍🏽 thumbs",
    ]

    func testTrimmingWhitespaceMatchesFoundation() {
        for sample in samples {
            XCTAssertEqual(
                sample.trimmingWhitespace(), sample.trimmingCharacters(in: .whitespaces), sample.debugDescription)
            let substring = sample.dropFirst(0)
            XCTAssertEqual(substring.trimmingWhitespace(), substring.trimmingCharacters(in: .whitespaces))
        }
    }

    func testContainsLiteralMatchesFoundationOnThesePatterns() {
        for sample in samples {
            for pattern in [": ", " #", "\t#", "${", "://", "SECRET", "KEY", "@", "テ", "🏽"] {
                XCTAssertEqual(
                    sample.containsLiteral(pattern), sample.range(of: pattern) != nil,
                    "\(sample.debugDescription) contains \(pattern.debugDescription)")
            }
        }
        XCTAssertFalse("abc".containsLiteral(""))
    }

    func testLinesSplitAsCharactersDo() {
        let rows: [(String, [String])] = [
            ("a\nb", ["a", "b"]), ("a\r\nb\rc\n", ["a", "b", "c"]), ("\n\n", ["", ""]),
            ("x\n\u{301}y", ["x", "\u{301}y"]), ("", []), ("é\r\n\r\nü", ["é", "", "ü"]),
        ]
        for (text, expected) in rows {
            let source = SourceText(path: "f", text: text)
            XCTAssertEqual(source.lines.map { String($0.text) }, expected, text.debugDescription)
            XCTAssertEqual(source.lines.map(\.number), Array(stride(from: 1, through: expected.count, by: 1)))
        }
    }
}
