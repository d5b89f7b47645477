import Foundation
import Frontends
import Translator
import XCTest

@testable import translate

/// Issue 13 point 4: the pre-commit hooks see every input. Their `files:` pattern is derived from what the stages
/// declare (`HookFilePattern`); these tests fail when `.pre-commit-hooks.yaml` holds another pattern, when a
/// frontend asks for a file its declaration misses, or when a real conversion reads a file the pattern misses.
final class HookFilePatternTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    func testHooksFileHoldsTheDerivedPattern() throws {
        let text = try String(
            contentsOf: Self.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let ids = lines.filter { $0.hasPrefix("- id: ") }.map { String($0.dropFirst("- id: ".count)) }
        XCTAssertEqual(ids, ["translate-check", "translate-convert"])
        let patterns = lines.filter { $0.hasPrefix("  files: ") }.map { String($0.dropFirst("  files: ".count)) }
        XCTAssertEqual(patterns.count, ids.count, "every hook needs a files: line")
        for pattern in patterns {
            XCTAssertEqual(
                pattern, HookFilePattern.regularExpression,
                "regenerate the files: lines with `swift run translate hook-pattern`")
        }
        XCTAssertTrue(lines.contains("  entry: translate convert --fail-if-changed"), text)
        let printed = TranslateCLI.run(arguments: ["hook-pattern"], context: Self.context(Self.packageRoot.path))
        XCTAssertEqual(printed.standardOutput, HookFilePattern.regularExpression + "\n")
        XCTAssertFalse(TranslateCLI.generalHelp.contains("hook-pattern"), "hook-pattern is hidden from the help")
    }

    /// The regular expression pre-commit applies and the Swift matcher the tests use say the same.
    func testRegularExpressionAndMatcherAgree() throws {
        let expression = try NSRegularExpression(pattern: HookFilePattern.regularExpression)
        var rows: [(String, Bool)] = [
            ("Procfile", true), ("app.json", true), ("Aptfile", true), (".buildpacks", true), ("yarn.lock", true),
            ("pnpm-lock.yaml", true), ("package-lock.json", true), ("poetry.lock", true), ("uv.lock", true),
            ("composer.lock", true), ("pom.xml", true), ("build.gradle.kts", true), ("build.sbt", true),
            ("project.clj", true), ("heroku-snapshot.json", true), ("heroku.yml", true), ("config/routes.rb", true),
            ("mysite/urls.py", true), ("manage.py", true), ("src/mysite/manage.py", true), (".translate.yml", true),
            ("docker/web.Dockerfile", true), ("Dockerfile.worker", true), ("deploy/convox/convox.yml", true),
            ("MIGRATION.md", true), (".gitignore", true), (".dockerignore", true),
            ("a/b/c/manage.py", false), ("src/models.py", false), ("README.md", false), ("my.site/urls.py", false),
            ("lib/tasks.sbt", false), ("xProcfile", false), ("Procfile.dev", false),
        ]
        for pattern in HookFilePattern.patterns {
            if case .path(let path) = pattern { rows.append((path, true)) }
        }
        for (path, watched) in rows {
            let range = NSRange(path.startIndex..., in: path)
            XCTAssertEqual(expression.firstMatch(in: path, range: range) != nil, watched, "regex: \(path)")
            XCTAssertEqual(HookFilePattern.matches(path), watched, "matcher: \(path)")
        }
    }

    /// Every request a frontend can make, for a listing that holds every name any of them looks for, is covered
    /// by that frontend's own declaration.
    func testEveryRequestIsDeclared() {
        var listing: Set<String> = ["manage.py", "requirements.txt", "build.sbt", "other.sbt", "mysite", "heroku.yml"]
        for frontend in FrontendRegistry.all {
            for case .path(let path) in frontend.readableFiles {
                listing.insert(String(path.split(separator: "/").first ?? ""))
            }
        }
        for withManagePy in [true, false] {
            let names = listing.filter { withManagePy || $0 != "manage.py" }.sorted()
            for frontend in FrontendRegistry.all {
                for request in frontend.requests(listing: names, options: ConversionOptions()) {
                    switch request {
                    case .appFile(let path):
                        XCTAssertTrue(
                            frontend.readableFiles.contains { $0.matches(path) },
                            "\(type(of: frontend).name) asks for \(path), which its readableFiles miss")
                    case .appFileSearch(let name, let depth):
                        XCTAssertTrue(
                            frontend.readableFiles.contains(.named(name, maximumDepth: depth)),
                            "\(type(of: frontend).name) searches for \(name), which its readableFiles miss")
                    case .namedFile:
                        break
                    }
                }
            }
        }
    }

    /// Every app file a real conversion reads (every golden input and every corpus app) is one the hooks watch, but
    /// for the heroku.yml Dockerfiles a note reports as unwatched.
    func testEveryFileReadByAConversionIsWatched() throws {
        var directories: [URL] = []
        let golden = Self.packageRoot.appendingPathComponent("golden")
        for name in try FileManager.default.contentsOfDirectory(atPath: golden.path).sorted() {
            let input = golden.appendingPathComponent("\(name)/input")
            if FileManager.default.fileExists(atPath: input.path) { directories.append(input) }
        }
        let corpusApps = ((try? FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)) ?? []).sorted()
        for name in corpusApps where !name.hasSuffix(".md") {
            directories.append(Self.corpus.appendingPathComponent(name))
        }
        var read = 0
        for directory in directories {
            var diagnostics = Diagnostics()
            guard let app = AppDirectory(typedPath: ".", context: Self.context(directory.path), into: &diagnostics)
            else { continue }
            let conversion = Conversion.run(appDirectory: app, options: ConversionOptions(), into: &diagnostics)
            // The one documented gap: a heroku.yml Dockerfile without "Dockerfile" in its name, said in a note.
            let flagged = diagnostics.all.filter { $0.id.rawValue == "herokuyml.dockerfile-not-watched" }
            for path in conversion.appFilesRead {
                read += 1
                if flagged.contains(where: { $0.message.contains(" names \(path), ") }) { continue }
                XCTAssertTrue(
                    HookFilePattern.matches(path), "\(directory.path): \(path) is read but the hooks do not watch it")
            }
        }
        XCTAssertGreaterThan(read, 500, "too few files read; did the golden or corpus folders move?")
    }

    static func context(_ directory: String) -> CommandContext {
        CommandContext(workingDirectory: directory, environment: [:], isStandardErrorTTY: false,
            readStandardInput: { [] })
    }
}
