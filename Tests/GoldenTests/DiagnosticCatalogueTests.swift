import Foundation
import XCTest

/// Every diagnostic id declared in Sources is listed in the README's table, and every id a golden case prints is
/// declared: ids are the stable names users grep for, so none may go undocumented.
final class DiagnosticCatalogueTests: XCTestCase {
    static let root = GoldenTests.goldenRoot.deletingLastPathComponent()

    func testEveryDeclaredIdIsInTheReadme() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let declared = try declaredIDs()
        XCTAssertGreaterThan(declared.count, 50, "the scan of Sources found too few ids")
        for id in declared.sorted() where !readme.contains("| `\(id)` |") {
            XCTFail("diagnostic id \(id) is declared in Sources but missing from the README's table")
        }
    }

    func testEveryPrintedIdIsDeclared() throws {
        let declared = try declaredIDs()
        let cases = try FileManager.default.contentsOfDirectory(atPath: GoldenTests.goldenRoot.path)
        for name in cases.sorted() {
            let stderr = GoldenTests.goldenRoot.appendingPathComponent("\(name)/expected/stderr")
            guard let text = try? String(contentsOf: stderr, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where line.hasSuffix("]") {
                guard let open = line.lastIndex(of: "[") else { continue }
                let id = String(line[line.index(after: open)..<line.index(before: line.endIndex)])
                XCTAssertTrue(declared.contains(id), "\(name): prints undeclared id \(id)")
            }
        }
    }

    /// `static let x: DiagnosticID = "area.name"` in every Swift file under Sources.
    func declaredIDs() throws -> Set<String> {
        var ids = Set<String>()
        let sources = Self.root.appendingPathComponent("Sources")
        guard let enumerator = FileManager.default.enumerator(atPath: sources.path) else { return ids }
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
            for line in text.split(separator: "\n") {
                guard let marker = line.range(of: "DiagnosticID = \"") else { continue }
                let rest = line[marker.upperBound...]
                if let end = rest.firstIndex(of: "\"") { ids.insert(String(rest[..<end])) }
            }
        }
        return ids
    }
}
