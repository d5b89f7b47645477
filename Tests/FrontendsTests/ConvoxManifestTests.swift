import Backends
import Foundation
import Frontends
import Translator
import XCTest

final class ConvoxManifestTests: XCTestCase {
    static let goldenRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("golden")

    static func parse(_ text: String) -> YAMLNode? {
        var diagnostics = Diagnostics()
        return YAMLReader.parse(text, path: "convox.yml", into: &diagnostics)
    }

    /// Our reader's node as the writer's value, resolving plain scalars the way the writer emits ints and booleans.
    static func value(_ node: YAMLNode) -> YAMLValue {
        switch node.content {
        case .scalar(let text, let style):
            if style == .plain, let number = Int(text) { return .int(number) }
            if style == .plain, text == "true" || text == "false" { return .bool(text == "true") }
            return .string(text)
        case .sequence(let items): return .sequence(items.map(value))
        case .mapping(let pairs): return .mapping(pairs.map { YAMLEntry($0.name, value($0.value)) })
        }
    }

    /// Reading our own rendered convox.yml gives back exactly the structure the backend built.
    func testRenderedManifestReadsBack() {
        let awkward = ["yes", "0123", "a: b", "*/10 * * * *", "x #y", "naïve – ✓", "line\nbreak", "", "-", "'q'"]
        let app = AppIR(
            services: [
                Service(name: "web", role: .web, command: Command(shellText: "puma -p 3000", needsShell: false),
                    port: 3000, scale: Scale(count: 2, memory: 1024),
                    environment: awkward.enumerated().map { EnvironmentDeclaration(key: "K\($0.offset)",
                        defaultValue: $0.element) } + [EnvironmentDeclaration(key: "SECRET", isSecret: true)],
                    resources: [
                        ResourceLink(resource: "database"), ResourceLink(resource: "cache", variable: "REDIS_URL"),
                    ],
                    domains: ["a.example.com", "b.example.com"]),
                Service(name: "worker", role: .worker,
                    command: Command(shellText: "echo $HOME && run \"x: y\"", needsShell: true)),
            ],
            resources: [
                Resource(name: "database", type: .postgres, options: [ResourceOption(key: "version", value: "16")]),
            ],
            timers: [Timer(name: "nightly", schedule: .daily(hour: 3, minute: 0),
                command: Command(shellText: "bin/nightly", needsShell: false), service: "worker")],
            environment: [EnvironmentDeclaration(key: "RAILS_ENV", defaultValue: "production")])
        for generation in [ConversionOptions.Generation.two, .three] {
            let options = ConversionOptions(generation: generation)
            let expected = ConvoxManifestBackend().manifest(for: app, options: options)
            let rendered = YAMLWriter.render(expected)
            guard let node = Self.parse(rendered) else { return XCTFail("could not read:\n\(rendered)") }
            XCTAssertEqual(Self.value(node), expected, rendered)
        }
    }

    /// Every convox.yml translate generated in golden/ lints clean (notes allowed) and diffs as equal to itself.
    func testGeneratedManifestsLintClean() throws {
        let cases = try FileManager.default.contentsOfDirectory(atPath: Self.goldenRoot.path).sorted()
        var checked = 0
        for name in cases {
            let directory = Self.goldenRoot.appendingPathComponent(name)
            guard let data = FileManager.default.contents(
                atPath: directory.appendingPathComponent("expected/convox.yml").path)
            else { continue }
            let arguments = (try? String(contentsOf: directory.appendingPathComponent("args"), encoding: .utf8)) ?? ""
            let generation: ConversionOptions.Generation = arguments.contains("--generation\n2") ? .two : .three
            var diagnostics = Diagnostics()
            guard let root = YAMLReader.parse(String(decoding: data, as: UTF8.self), path: name, into: &diagnostics)
            else {
                XCTFail("\(name): \(diagnostics.sorted.map(\.message))")
                continue
            }
            ConvoxManifestLinter(generation: generation).lint(root, path: name, into: &diagnostics)
            let findings = diagnostics.sorted.filter { $0.severity != .note }
            XCTAssertEqual(findings.map { "\($0.location?.rendered ?? ""): \($0.message)" }, [], name)
            let normalizer = ConvoxManifestNormalizer(generation: generation)
            XCTAssertEqual(ManifestComparison.differences(
                generated: normalizer.normalize(root), manifest: normalizer.normalize(root)), [], name)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 10)
    }

    /// Rows of (generated, manifest, expected difference summaries): the forms Convox loads the same are equal.
    func testNormalizedComparison() {
        let rows: [(String, String, [String])] = [
            ("services:\n  web:\n    scale:\n      count: 2\n", "services:\n  web:\n    scale: 2\n", []),
            ("services:\n  web:\n    port: 3000\n", "services:\n  web:\n    port: http:3000\n", []),
            ("services:\n  web:\n    port: 3000\n", "services:\n  web:\n    port: {port: 3000, scheme: HTTP}\n", []),
            ("services:\n  web: {}\n", "services:\n  web:\n    health: /\n    build: .\n", []),
            ("services:\n  web: {}\n", "services:\n  web:\n    health: {interval: 5, grace: 5}\n    sticky: no\n", []),
            ("services:\n  web:\n    scale:\n      count: 1\n",
             "services:\n  web:\n    scale:\n      count: {min: 1, max: 1}\n", []),
            ("environment: [A=1, B]\nservices:\n  web: {}\n",
             "services:\n  web:\n    environment:\n      - B\n      - A=1\n", []),
            ("services:\n  web:\n    domain: a.com,b.com\n", "services:\n  web:\n    domain: [b.com, a.com]\n", []),
            ("resources:\n  db:\n    type: postgres\n    options:\n      version: \"16\"\n",
             "resources:\n  db:\n    type: postgres\n    options:\n      version: 16\n", []),
            ("timers:\n  t:\n    schedule: \"0 3 * * *\"\n", "timers:\n  t:\n    schedule: \"0 3 * * ? *\"\n", []),
            ("services:\n  web:\n    environment: [KEY]\n", "services:\n  web:\n    environment: [KEY=]\n",
             ["services.web.environment.KEY: generated KEY, manifest KEY="]),
            ("services:\n  web:\n    scale: 2\n", "services:\n  web:\n    scale: 3\n",
             ["services.web.scale.count: generated 2, manifest 3"]),
            ("services:\n  web: {}\n", "services:\n  web: {}\nresources:\n  cache:\n    type: redis\n",
             ["resources: only in manifest ({cache: {options: {}, type: redis}})"]),
            ("services:\n  web:\n    health: /\n", "services:\n  web:\n    health:\n      interval: 10\n",
             ["services.web.health.grace: generated 5, manifest 10",
              "services.web.health.interval: generated 5, manifest 10",
              "services.web.health.timeout: generated 4, manifest 9"]),
            // Defaults of ApplyDefaults written out, and empty values, are what Convox loads anyway.
            ("services:\n  web: {}\n", "services:\n  web:\n    drain: 30\n    timeout: 60\n", []),
            ("services:\n  web: {}\n", "services:\n  web:\n    drain: 0\n    timeout: 0\n", []),
            ("services:\n  web: {}\n", "services:\n  web:\n    liveness:\n      grace: 10\n", []),
            ("services:\n  web:\n    liveness:\n      path: /live\n",
             "services:\n  web:\n    liveness: {path: /live, grace: 10, interval: 5, timeout: 5, successThreshold: 1, "
                + "failureThreshold: 3}\n", []),
            ("services:\n  web: {}\n",
             "resources: []\ntimers: {}\nservices:\n  web:\n    resources: []\n    labels: {}\n    domain:\n", []),
            ("services:\n  web:\n    drain: 10\n", "services:\n  web: {}\n",
             ["services.web.drain: generated 10, manifest 30"]),
            ("timers:\n  t:\n    schedule: \"0 3 * * *\"\n    concurrency: Forbid\n",
             "timers:\n  t:\n    schedule: \"0 3 * * *\"\n    concurrency: forbid\n    parallelCount: 1\n", []),
            ("timers:\n  t:\n    schedule: \"0 3 * * *\"\n",
             "timers:\n  t:\n    schedule: \"0 3 * * *\"\n    concurrency: Allow\n", []),
            // Generation 3 sets PORT to the service's port.
            ("services:\n  web:\n    port: 3000\n", "services:\n  web:\n    port: 3000\n    environment: [PORT=3000]\n",
             []),
            ("services:\n  web:\n    port: 3000\n", "services:\n  web:\n    port: 3000\n    environment: [PORT=4000]\n",
             ["services.web.environment.PORT: only in manifest (PORT=4000)"]),
            ("services:\n  web: {}\n", "services:\n  web:\n    environment: [PORT=3000]\n",
             ["services.web.environment.PORT: only in manifest (PORT=3000)"]),
        ]
        let normalizer = ConvoxManifestNormalizer()
        for (generated, manifest, expected) in rows {
            guard let left = Self.parse(generated), let right = Self.parse(manifest) else {
                XCTFail("row does not parse: \(generated.debugDescription)")
                continue
            }
            let differences = ManifestComparison.differences(
                generated: normalizer.normalize(left), manifest: normalizer.normalize(right))
            XCTAssertEqual(differences.map(\.summary), expected, "row: \(manifest.debugDescription)")
        }
    }

    /// Generation 2 defaults (convox/rack pkg/manifest ApplyDefaults): drain 30, scale cooldowns 60; no PORT rule,
    /// since generation 2 never sets PORT.
    func testGenerationTwoDefaults() {
        let normalizer = ConvoxManifestNormalizer(generation: .two)
        let rows: [(String, String, [String])] = [
            ("services:\n  web: {}\n",
             "services:\n  web:\n    drain: 30\n    scale:\n      cooldown: {down: 60, up: 60}\n", []),
            ("services:\n  web:\n    port: 3000\n", "services:\n  web:\n    port: 3000\n    environment: [PORT=3000]\n",
             ["services.web.environment.PORT: only in manifest (PORT=3000)"]),
        ]
        for (generated, manifest, expected) in rows {
            guard let left = Self.parse(generated), let right = Self.parse(manifest) else {
                XCTFail("row does not parse: \(generated.debugDescription)")
                continue
            }
            let differences = ManifestComparison.differences(
                generated: normalizer.normalize(left), manifest: normalizer.normalize(right))
            XCTAssertEqual(differences.map(\.summary), expected, "row: \(manifest.debugDescription)")
        }
    }

    /// A top-level entry that differs alike in every service is reported once; one a service overrides is not.
    /// Values are masked without `showsValues`.
    func testTopLevelEnvironmentOnceAndMasked() {
        let rows: [(String, String, [String])] = [
            ("services:\n  web: {}\n  worker: {}\n",
             "environment: [A=secret, B]\nservices:\n  web: {}\n  worker: {}\n",
             ["environment.A: only in manifest (A=…)", "environment.B: only in manifest (B)"]),
            ("services:\n  web: {}\n  worker: {}\n",
             "environment: [A=1]\nservices:\n  web:\n    environment: [A=2]\n  worker: {}\n",
             ["services.web.environment.A: only in manifest (A=…)",
              "services.worker.environment.A: only in manifest (A=…)"]),
            ("environment: [A=1]\nservices:\n  web: {}\n", "environment: [A=2]\nservices:\n  web: {}\n",
             ["environment.A: generated A=…, manifest A=… (the values differ; --show-values prints them)"]),
            ("services:\n  web:\n    command: bin/web\n", "services:\n  web:\n    command: TOKEN=x bin/web\n",
             ["services.web.command: generated bin/web, manifest …"]),
            ("services:\n  web:\n    scale: 2\n", "services:\n  web:\n    scale: 3\n    labels: {a: b}\n",
             ["services.web.labels: only in manifest ({a: …})", "services.web.scale.count: generated 2, manifest 3"]),
        ]
        let normalizer = ConvoxManifestNormalizer()
        for (generated, manifest, expected) in rows {
            guard let left = Self.parse(generated), let right = Self.parse(manifest) else {
                XCTFail("row does not parse: \(generated.debugDescription)")
                continue
            }
            let differences = ManifestComparison.differences(
                generated: normalizer.normalize(left), manifest: normalizer.normalize(right), showsValues: false,
                topLevelEnvironment: ManifestComparison.TopLevelEnvironment(
                    generated: normalizer.topLevelEnvironment(left), manifest: normalizer.topLevelEnvironment(right)))
            XCTAssertEqual(differences.map(\.summary), expected, "row: \(manifest.debugDescription)")
        }
    }

    /// Rows of (manifest line(s), lines as `diff --text` prints them without `--show-values`).
    func testMaskedLines() {
        let rows: [(String, [String])] = [
            ("environment:\n  - A=secret\n  - \"B=x y\"\n  - C\n  - D=\n",
             ["environment:", "  - A=…", "  - B=…", "  - C", "  - D="]),
            ("services:\n  web:\n    command: TOKEN=x bin/web # note\n    port: 3000 # web\n    scale: 2\n",
             ["services:", "  web:", "    command: …", "    port: 3000 # …", "    scale: 2"]),
            ("# a password: x\nservices:\n  web:\n    labels: {a: b}\n    resources: [db]\n    domain: []\n",
             ["# …", "services:", "  web:", "    labels: …", "    resources: [db]", "    domain: []"]),
            ("services:\n  web:\n    initContainer:\n      command: |\n        x --password=y\n\n        z\n"
                + "    port: 1\n",
             ["services:", "  web:", "    initContainer:", "      command: |", "        …", "", "        …",
              "    port: 1"]),
            ("resources:\n  db:\n    type: postgres\n    options:\n      version: 16\n      password: p\n",
             ["resources:", "  db:", "    type: postgres", "    options:", "      version: 16", "      password: …"]),
            ("services:\n  web:\n    command: \"a\n      b\"\n",
             ["services:", "  web:", "    command: …", "      …"]),
            ("timers:\n  t:\n    schedule: \"0 3 * * *\"\n    command: bin/x --key=k\n",
             ["timers:", "  t:", "    schedule: \"0 3 * * *\"", "    command: …"]),
            // Lines split at the Character "\n" as UnifiedDiff splits them, so CRLF text stays one line, masked.
            ("environment:\r\n  - A=secret\r\n", ["…"]),
            ("environment:\n  - A=x: y\n  - B= # none\n  - 'C=q' # c\n  - -x\n  - D #d\n",
             ["environment:", "  - A=…", "  - B=", "  - C=…", "  - …", "  - D"]),
            ("services:\r\n  web:\r\n    command: x\r\n", ["services:\r\n  web:\r\n    command: …"]),
            ("environment:\n- A=1\nservices:\n  web:\n    environment:\n    - B=2\n    annotations:\n    - t=s\n",
             ["environment:", "- A=…", "services:", "  web:", "    environment:", "    - B=…", "    annotations:",
              "    - …"]),
        ]
        for (text, expected) in rows {
            XCTAssertEqual(ManifestValueMasking.maskedLines(text), expected, "row: \(text.debugDescription)")
        }
        XCTAssertEqual(
            ManifestValueMasking.maskedLines("services:\n  web:\n    command: a\n    environment:\n    - A=1\n",
                environmentOnly: true),
            ["services:", "  web:", "    command: a", "    environment:", "    - A=…"])
    }

    /// Rows of (manifest, expected diagnostic ids) for the linter, generation 3.
    func testLintRules() {
        let rows: [(String, [String])] = [
            ("services:\n  web:\n    build: .\n    port: 3000\n", []),
            ("services:\n  Web: {}\n", ["lint.invalid-name"]),
            ("services:\n  web:\n    resources: [db]\n", ["lint.unknown-resource"]),
            ("resources:\n  db: {}\n", ["lint.missing-key"]),
            ("resources:\n  db:\n    type: mongodb\n", ["lint.resource-type"]),
            ("resources:\n  db:\n    type: postgres\n    options:\n      version: 14.2\n", ["lint.unquoted-version"]),
            ("services:\n  web:\n    deployment:\n      minimum: -1\n", ["lint.deployment-bounds"]),
            ("services:\n  web:\n    internal: true\n    internalRouter: true\n",
             ["lint.internal-and-internal-router"]),
            ("services:\n  web: {}\ntimers:\n  t:\n    schedule: \"0 3 * * ?\"\n    command: x\n    service: web\n",
             []),
            ("services:\n  web: {}\ntimers:\n  t:\n    schedule: \"0 3 1? * *\"\n    command: x\n    service: web\n",
             ["lint.cron-question-mark"]),
            ("timers:\n  t:\n    schedule: \"0 3 * * *\"\n    command: x\n    service: web\n",
             ["lint.unknown-service"]),
            ("services:\n  web:\n    command: [a, b]\n", ["lint.list-command"]),
            ("services:\n  web:\n    comand: x\n", ["lint.unknown-key"]),
            ("services:\n  web:\n    labels: {system: x}\n", ["lint.reserved-label"]),
            ("services:\n  web:\n    port: abc\n", ["lint.wrong-type"]),
            ("services:\n  web:\n    domain: ${HOST}\n", ["lint.interpolation"]),
            ("environment: [HOST]\nservices:\n  web:\n    domain: ${HOST}\n", ["lint.required-environment"]),
            ("- a\n", ["lint.wrong-type"]),
        ]
        for (text, ids) in rows {
            guard let root = Self.parse(text) else {
                XCTFail("row does not parse: \(text.debugDescription)")
                continue
            }
            var diagnostics = Diagnostics()
            ConvoxManifestLinter().lint(root, path: "convox.yml", into: &diagnostics)
            XCTAssertEqual(diagnostics.sorted.map(\.id.rawValue), ids, "row: \(text.debugDescription)")
        }
    }
}
