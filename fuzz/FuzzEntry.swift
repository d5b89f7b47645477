// libFuzzer entry point. fuzz/run compiles this file together with Sources/Translator, Sources/Frontends and
// Sources/Backends as one module, so every frontend in FrontendRegistry is reachable without SwiftPM.
import Foundation

/// The frontend under test, from FUZZ_TARGET (a `Frontend.name`), or every frontend when unset.
private let selectedTarget = ProcessInfo.processInfo.environment["FUZZ_TARGET"]

/// File names most frontends ask for, so each one requests the file it reads.
private let listing = [
    ".buildpacks", ".python-version", ".ruby-version", "Aptfile", "Dockerfile", "Gemfile", "Gemfile.lock",
    "Pipfile", "Pipfile.lock", "Procfile", "app.json", "build.gradle", "composer.json", "convox.yml", "go.mod",
    "heroku.yml", "package.json", "pom.xml", "project.clj", "requirements.txt", "runtime.txt", "system.properties",
]

/// A small generated-looking manifest, normalised, for the `diff` comparison.
private let referenceManifest: YAMLNode = {
    var diagnostics = Diagnostics()
    let text = "services:\n  web:\n    build: .\n    command: bin/web\n    port: 3000\n    scale: 2\n"
    let root = YAMLReader.read(InputFile(path: "generated.yml", text: text), into: &diagnostics)
    return root.map { ConvoxManifestNormalizer().normalize($0) } ?? YAMLNode(.mapping([]), line: 1, column: 1)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if selectedTarget == nil || selectedTarget == "convox-yml" {
        // The reader for hand-written manifests (`diff`, `lint`): read, normalise and lint.
        var diagnostics = Diagnostics()
        if let root = YAMLReader.read(InputFile(path: "convox.yml", contents: bytes), into: &diagnostics) {
            let normalized = ConvoxManifestNormalizer().normalize(root)
            ConvoxManifestLinter().lint(root, path: "convox.yml", into: &diagnostics)
            // `diff` compares it with a generated manifest: drive the comparison both ways.
            _ = ManifestComparison.differences(generated: normalized, manifest: referenceManifest)
            _ = ManifestComparison.differences(generated: referenceManifest, manifest: normalized)
        }
        if selectedTarget != nil { return 0 }
    }
    let options = ConversionOptions(
        configVarsPath: "config-vars", schedulerPath: "scheduler", domainsPath: "domains")
    for frontend in FrontendRegistry.all where selectedTarget == nil || type(of: frontend).name == selectedTarget {
        var diagnostics = Diagnostics()
        let inputs = frontend.requests(listing: listing, options: options).map { request -> InputFile in
            switch request {
            case .appFile(let name): return InputFile(path: name, contents: bytes)
            case .namedFile(let path): return InputFile(path: path, contents: bytes)
            }
        }
        let heroku = frontend.read(inputs, options: options, into: &diagnostics)
        // Drive the mapping rules and every backend too: a crash anywhere downstream counts.
        let app = AppTranslator(options: options).translate(heroku, into: &diagnostics)
        for backend in BackendRegistry.all { _ = backend.render(app, options: options, into: &diagnostics) }
        _ = diagnostics.sorted
    }
    return 0
}
