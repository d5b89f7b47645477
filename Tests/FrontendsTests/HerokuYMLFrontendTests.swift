import XCTest

@testable import Frontends
@testable import Translator

final class HerokuYMLFrontendTests: XCTestCase {
    func read(_ files: [(String, String)]) -> (HerokuYMLManifest?, [String]) {
        var diagnostics = Diagnostics()
        let app = HerokuYMLFrontend().read(
            files.map { InputFile(path: $0.0, text: $0.1) }, options: ConversionOptions(), into: &diagnostics)
        return (app.herokuYML, diagnostics.sorted.map(\.id.rawValue))
    }

    /// Rows of (heroku.yml, Dockerfiles, expected summary of the manifest, expected diagnostic ids).
    func testSections() {
        let dockerfile = ("Dockerfile", "FROM x\nCMD [\"bin/web\"]\n")
        let rows: [(String, [(String, String)], String, [String])] = [
            ("build:\n  docker:\n    web: Dockerfile\n", [dockerfile], "build web=.|Dockerfile cmd=bin/web", []),
            ("build:\n  docker:\n    web:\n      dockerfile: ./app/Dockerfile.web\n",
                [("app/Dockerfile.web", "FROM x\n")], "build web=app|Dockerfile.web cmd=-", []),
            ("build:\n  docker:\n    web: Dockerfile\nrun:\n  web: bin/web\n  sync:\n    command:\n      - bin/sync --all\n"
                + "    image: web\n", [dockerfile],
                "build web=.|Dockerfile cmd=bin/web; run web=bin/web; run sync=bin/sync --all@web", []),
            ("build:\n  docker:\n    web: Dockerfile\nrelease:\n  command:\n    - bin/migrate\n    - --verbose\n",
                [dockerfile], "build web=.|Dockerfile cmd=bin/web; release=bin/migrate --verbose", []),
            ("build:\n  docker:\n    web: Dockerfile\n  config:\n    A: 1\n    B: \"two\"\n    C:\n", [dockerfile],
                "build web=.|Dockerfile cmd=bin/web; config A=1; config B=two", ["herokuyml.empty-value"]),
            ("setup:\n  addons:\n    - plan: heroku-postgresql:essential-0\n      as: DB\n  config:\n    X: y\n", [],
                "addon heroku-postgresql:essential-0 as DB; setup X=y", []),
            ("setup:\n  addons:\n    - heroku-redis\n", [], "", ["herokuyml.wrong-type"]),
            ("build:\n  languages:\n    - go\nrun:\n  web: app\n", [], "run web=app", ["herokuyml.build-manifest"]),
            ("build:\n  docker:\n    web: Dockerfile\n", [], "build web=.|Dockerfile cmd=-", ["herokuyml.missing-dockerfile"]),
            ("build:\n  docker:\n    web: ../Dockerfile\n", [], "", ["herokuyml.invalid-path"]),
            ("bulid:\n  docker:\n    web: Dockerfile\n", [], "", ["herokuyml.unknown-key"]),
            ("- build\n", [], "nil", ["herokuyml.wrong-type"]),
            ("# only comments\n", [], "", []),
        ]
        for (text, dockerfiles, expected, ids) in rows {
            let (manifest, diagnostics) = read([("heroku.yml", text)] + dockerfiles)
            XCTAssertEqual(manifest.map(summary) ?? "nil", expected, text)
            XCTAssertEqual(diagnostics, ids, text)
        }
    }

    /// The Dockerfiles are asked for after heroku.yml is read, and only paths inside the app.
    func testFollowUpRequests() {
        let text = "build:\n  docker:\n    web: Dockerfile\n    worker: ./w/Dockerfile\n    other: /etc/x\n"
        let requests = HerokuYMLFrontend().followUpRequests(
            after: [InputFile(path: "heroku.yml", text: text)], options: ConversionOptions())
        XCTAssertEqual(requests, [.appFile("Dockerfile"), .appFile("w/Dockerfile")])
    }

    func summary(_ manifest: HerokuYMLManifest) -> String {
        var parts: [String] = []
        for build in manifest.builds {
            parts.append("build \(build.processType)=\(build.context)|\(build.manifest) cmd=\(build.image?.command ?? "-")")
        }
        parts += manifest.buildConfig.map { "config \($0.key)=\($0.value)" }
        parts += manifest.processes.map { "run \($0.processType)=\($0.command)" + ($0.image.map { "@\($0)" } ?? "") }
        if let release = manifest.release { parts.append("release=\(release.command)") }
        parts += manifest.setupAddons.map { "addon \($0.planText)" + ($0.attachmentName.map { " as \($0)" } ?? "") }
        parts += manifest.setupConfig.map { "setup \($0.key)=\($0.value)" }
        return parts.joined(separator: "; ")
    }
}

final class DockerfileReaderTests: XCTestCase {
    /// Rows of (Dockerfile, CMD, ENTRYPOINT, ARGs).
    func testFacts() {
        let rows: [(String, String?, String?, [String])] = [
            ("FROM a\nCMD [\"rails\", \"server\"]\n", "rails server", nil, []),
            ("FROM a\nCMD bin/web \\\n    --port $PORT\n", "bin/web --port $PORT", nil, []),
            ("FROM a\nENTRYPOINT [\"/entry.sh\"]\nCMD [\"uwsgi\", \"a b.ini\"]\n", "uwsgi 'a b.ini'", "/entry.sh", []),
            ("ARG V=1\nFROM a:${V} AS build\nCMD [\"x\"]\nFROM b\nARG NIGHTLY=0\narg lower\n", nil, nil,
                ["V", "NIGHTLY"]),
            ("FROM a\n# CMD [\"commented\"]\ncmd [\"lower\", \"case\"]\n", "lower case", nil, []),
            ("FROM a\nCMD [\"unclosed\"\n", "[\"unclosed\"", nil, []),
        ]
        for (text, command, entrypoint, arguments) in rows {
            let facts = DockerfileReader.read(SourceText(path: "Dockerfile", text: text))
            XCTAssertEqual(facts.command, command, text)
            XCTAssertEqual(facts.entrypoint, entrypoint, text)
            XCTAssertEqual(facts.arguments, arguments, text)
        }
    }
}
