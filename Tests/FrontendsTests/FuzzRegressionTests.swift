import Backends
import Foundation
import Frontends
import Translator
import XCTest

/// Every input the fuzzer ever crashed on (`fuzz/regressions/<target>-<n>`, see FUZZING.md) goes through the same
/// steps as `fuzz/FuzzEntry.swift`: the frontend, the mapping rules and every backend. Reaching the end is the test;
/// a trap fails the whole run, which is what a regression would do.
final class FuzzRegressionTests: XCTestCase {
    static let regressionsRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fuzz/regressions")

    /// File names the fuzz entry point lists, so each frontend requests the file it reads.
    static let listing = [
        ".buildpacks", ".python-version", ".ruby-version", "Aptfile", "Dockerfile", "Gemfile", "Gemfile.lock",
        "Pipfile", "Pipfile.lock", "Procfile", "app.json", "build.gradle", "composer.json", "convox.yml", "go.mod",
        "heroku.yml", "package.json", "pom.xml", "project.clj", "requirements.txt", "runtime.txt",
        "system.properties",
    ]

    func testEveryRegressionInputRunsThrough() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.regressionsRoot.path)
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
        XCTAssertFalse(names.isEmpty, "no regression inputs in \(Self.regressionsRoot.path)")
        let targets = FrontendRegistry.all.map { type(of: $0).name } + ["convox-yml"]
        for name in names {
            let target = String(name[..<(name.lastIndex(of: "-") ?? name.endIndex)])
            XCTAssertTrue(targets.contains(target), "\(name): no fuzz target \"\(target)\" (known: \(targets))")
            let bytes = try Array(Data(contentsOf: Self.regressionsRoot.appendingPathComponent(name)))
            run(target: target, bytes)
        }
    }

    /// What `LLVMFuzzerTestOneInput` does for one target.
    func run(target: String, _ bytes: [UInt8]) {
        var diagnostics = Diagnostics()
        if target == "convox-yml" {
            if let root = YAMLReader.read(InputFile(path: "convox.yml", contents: bytes), into: &diagnostics) {
                let normalized = ConvoxManifestNormalizer().normalize(root)
                ConvoxManifestLinter().lint(root, path: "convox.yml", into: &diagnostics)
                _ = ManifestComparison.differences(generated: normalized, manifest: normalized)
            }
            return
        }
        let options = ConversionOptions(
            configVarsPath: "config-vars", schedulerPath: "scheduler", domainsPath: "domains")
        for frontend in FrontendRegistry.all where type(of: frontend).name == target {
            let inputs = frontend.requests(listing: Self.listing, options: options).map { request -> InputFile in
                switch request {
                case .appFile(let name): return InputFile(path: name, contents: bytes)
                case .namedFile(let path): return InputFile(path: path, contents: bytes)
                }
            }
            let heroku = frontend.read(inputs, options: options, into: &diagnostics)
            let app = AppTranslator(options: options).translate(heroku, into: &diagnostics)
            for backend in BackendRegistry.all { _ = backend.render(app, options: options, into: &diagnostics) }
            _ = diagnostics.sorted
        }
    }
}
