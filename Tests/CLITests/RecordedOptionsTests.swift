import Foundation
import Backends
import Frontends
import Translator
import XCTest

@testable import translate

/// The pieces behind "reproducible from what is committed" (issue 13, points 1-3) that goldens show only through
/// their effect: which user patterns count as present, how paths become app-relative, and that `.translate.yml`
/// reads back exactly what it was rendered from.
final class RecordedOptionsTests: XCTestCase {
    func testAUsersEquivalentPatternCountsAsPresent() {
        for pattern in [".env", "/.env", "**/.env", ".env*", "*.env", ".e?v"] {
            XCTAssertEqual(OutputWriter.linesNotInForce([".env"], in: pattern, trimsLeadingBlanks: false), [],
                "\(pattern) keeps .env out")
        }
        for pattern in [".env/", "!.env", "# .env", "config/.env", ".envrc"] {
            XCTAssertEqual(OutputWriter.linesNotInForce([".env"], in: pattern, trimsLeadingBlanks: false), [".env"],
                "\(pattern) does not keep .env out")
        }
        // CRLF and no final newline; a later negation re-includes it.
        XCTAssertEqual(OutputWriter.linesNotInForce([".env"], in: "/log\r\n.env", trimsLeadingBlanks: false), [])
        XCTAssertEqual(OutputWriter.linesNotInForce([".env"], in: ".env*\n!.env", trimsLeadingBlanks: false), [".env"])
        // An anchored user pattern covers only the top level; ours names every level.
        XCTAssertEqual(OutputWriter.linesNotInForce(["**/.env"], in: "/.env", trimsLeadingBlanks: true), ["**/.env"])
    }

    func testRelativePaths() {
        XCTAssertEqual(AppDirectory.relativePath(of: "/a/app/x.json", from: "/a/app"), "x.json")
        XCTAssertEqual(AppDirectory.relativePath(of: "/a/other/x.json", from: "/a/app"), "../other/x.json")
        XCTAssertEqual(AppDirectory.relativePath(of: "/a/app", from: "/a/app"), ".")
    }

    func testRecordedOptionsReadBackWhatWasRendered() {
        var options = ConversionOptions(generation: .two, herokuAppName: "shop", domainsPath: "domains.txt")
        options.writesRunbook = false
        options.healthPath = "/up"
        options.envFileName = ".env.convox"
        options.configVarKeys = ["DATABASE_URL", "yes", "A-B"]
        options.databaseURLScheme = "postgres"
        let text = RecordedOptionsBackend.render(options)
        var diagnostics = Diagnostics()
        let recorded = RecordedOptionsReader.read(
            InputFile(path: RecordedOptions.fileName, contents: Array(text.utf8)), into: &diagnostics)
        XCTAssertTrue(diagnostics.isEmpty, "\(diagnostics.all)")
        XCTAssertEqual(recorded.entry("--generation")?.value, "2")
        XCTAssertEqual(recorded.entry("--heroku-app")?.value, "shop")
        XCTAssertEqual(recorded.entry("--domains")?.value, "domains.txt")
        XCTAssertEqual(recorded.entry("--health-path")?.value, "/up")
        XCTAssertEqual(recorded.entry("--env-file")?.value, ".env.convox")
        XCTAssertNotNil(recorded.entry("--no-runbook"))
        XCTAssertEqual(recorded.configVarKeys?.map(\.key), ["DATABASE_URL", "yes", "A-B"])
        XCTAssertEqual(recorded.databaseURLScheme?.value, "postgres")
    }
}
