import Foundation
import XCTest

/// No output of any golden case (written files, stdout, stderr) holds a raw control character, line or paragraph
/// separator: input text reaches outputs escaped or not at all (hostile cases feed NUL, ESC and U+2028 in).
final class ControlCharacterTests: XCTestCase {
    func testNoRawControlCharacterInAnyExpectedOutput() throws {
        let root = GoldenTests.goldenRoot
        let cases = try FileManager.default.contentsOfDirectory(atPath: root.path)
        var checked = 0
        for name in cases {
            let expected = root.appendingPathComponent(name).appendingPathComponent("expected")
            for path in FileManager.default.subpaths(atPath: expected.path) ?? [] {
                let url = expected.appendingPathComponent(path)
                guard let data = FileManager.default.contents(atPath: url.path) else { continue }
                checked += 1
                let text = String(decoding: data, as: UTF8.self)
                let offending = text.unicodeScalars.first { scalar in
                    scalar != "\n" && scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                        || scalar.value == 0x2028 || scalar.value == 0x2029)
                }
                if let offending {
                    XCTFail("\(name)/expected/\(path) holds U+\(String(offending.value, radix: 16, uppercase: true))")
                }
            }
        }
        XCTAssertGreaterThan(checked, 500, "too few expected files were found under \(root.path)")
    }
}
