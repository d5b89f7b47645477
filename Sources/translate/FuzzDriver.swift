import Backends
import Frontends
import Translator

/// What the fuzzer does with one input, shared by `fuzz/FuzzEntry.swift` (compiled by fuzz/run with the library
/// sources) and the regression test, so a saved crash input is replayed exactly as it was found.
/// Kept free of the rest of the CLI: fuzz/run compiles this file alone with Translator, Frontends and Backends.
enum FuzzDriver {
    /// The targets: every frontend's name plus `convox-yml` (the reader behind `diff` and `lint`) and
    /// `translate-yml` (the recorded options every `check` reads first, a file users edit).
    static var targets: [String] {
        FrontendRegistry.all.map { type(of: $0).name } + ["convox-yml", "translate-yml"]
    }

    /// File names most frontends ask for, so each one requests the file it reads.
    static let listing = [
        ".buildpacks", ".python-version", ".ruby-version", "Aptfile", "Dockerfile", "Gemfile", "Gemfile.lock",
        "Pipfile", "Pipfile.lock", "Procfile", "app.json", "build.gradle", "composer.json", "convox.yml", "go.mod",
        "heroku.yml", "package.json", "pom.xml", "project.clj", "requirements.txt", "runtime.txt",
        "system.properties", "config", "server.js",
    ]

    /// A small generated-looking manifest, normalised, for the `diff` comparison.
    static let referenceManifest: YAMLNode = {
        var diagnostics = Diagnostics()
        let text = "services:\n  web:\n    build: .\n    command: bin/web\n    port: 3000\n    scale: 2\n"
        let root = YAMLReader.read(InputFile(path: "generated.yml", text: text), into: &diagnostics)
        return root.map { ConvoxManifestNormalizer().normalize($0) } ?? YAMLNode(.mapping([]), line: 1, column: 1)
    }()

    /// Feeds `bytes` to `target` (nil: every target): the frontend, then, as in a real run, the mapping rules and
    /// every backend, so a crash anywhere downstream counts too.
    static func run(target: String?, _ bytes: [UInt8]) {
        if target == nil || target == "convox-yml" {
            var diagnostics = Diagnostics()
            if let root = YAMLReader.read(InputFile(path: "convox.yml", contents: bytes), into: &diagnostics) {
                let normalized = ConvoxManifestNormalizer().normalize(root)
                ConvoxManifestLinter().lint(root, path: "convox.yml", into: &diagnostics)
                // `diff` compares it with a generated manifest: drive the comparison both ways.
                _ = ManifestComparison.differences(generated: normalized, manifest: referenceManifest)
                _ = ManifestComparison.differences(generated: referenceManifest, manifest: normalized)
            }
            if target != nil { return }
        }
        if target == nil || target == "translate-yml" {
            var diagnostics = Diagnostics()
            _ = RecordedOptionsReader.read(InputFile(path: ".translate.yml", contents: bytes), into: &diagnostics)
            if target != nil { return }
        }
        let options = ConversionOptions(
            configVarsPath: "config-vars", schedulerPath: "scheduler", domainsPath: "domains")
        for frontend in FrontendRegistry.all where target == nil || type(of: frontend).name == target {
            var diagnostics = Diagnostics()
            func files(_ requests: [InputRequest]) -> [InputFile] {
                requests.map { request -> InputFile in
                    switch request {
                    case .appFile(let name): return InputFile(path: name, contents: bytes)
                    case .namedFile(let path): return InputFile(path: path, contents: bytes)
                    case .appFileSearch(let name, _):
                        return InputFile(path: name, contents: bytes, appRelativePath: name)
                    }
                }
            }
            var inputs = files(frontend.requests(listing: listing, options: options))
            inputs += files(frontend.followUpRequests(after: inputs, options: options))
            let heroku = frontend.read(inputs, options: options, into: &diagnostics)
            let app = AppTranslator(options: options).translate(heroku, into: &diagnostics)
            for backend in BackendRegistry.all { _ = backend.render(app, options: options, into: &diagnostics) }
            _ = diagnostics.sorted
        }
    }
}
