@testable import Frontends
import Translator
import XCTest

final class RuntimeDetectionFrontendTests: XCTestCase {
    func detect(_ files: [(String, String)]) -> (RuntimeDetection?, [String]) {
        var diagnostics = Diagnostics()
        let app = RuntimeDetectionFrontend().read(
            files.map { InputFile(path: $0.0, text: $0.1) }, options: ConversionOptions(), into: &diagnostics)
        return (app.runtime, diagnostics.sorted.map(\.id.rawValue))
    }

    /// Rows of (files, expected "language version packageManager" per runtime, expected diagnostic ids).
    func testDetection() {
        let rows: [([(String, String)], [String], [String])] = [
            ([("Gemfile", "gem 'rails'\n"), ("Gemfile.lock", "RUBY VERSION\n   ruby 3.3.4p94\n")],
                ["ruby 3.3.4 bundler"], []),
            ([("Gemfile", "ruby '3.2.2'\n")], ["ruby 3.2.2 bundler"], ["runtime.missing-lockfile"]),
            ([("Gemfile.lock", "RUBY VERSION\n   ruby 3.3.1\n"), ("Gemfile", ""), (".ruby-version", "ruby-3.2.2\n")],
                ["ruby 3.3.1 bundler"], ["runtime.conflicting-versions"]),
            ([(".ruby-version", "3.3.0"), ("Gemfile", ""), ("Gemfile.lock", "")], ["ruby 3.3.0 bundler"], []),
            ([("package.json", #"{"engines": {"node": "20.x"}}"#), ("package-lock.json", "{}")],
                ["nodejs 20 npm"], []),
            ([("package.json", #"{"engines": {"node": ">=14 <17"}}"#)], ["nodejs 16 npm"], []),
            ([("package.json", #"{"engines": {"node": ">=18"}}"#)], ["nodejs 26 npm"], []),
            ([("package.json", #"{"engines": {"node": ">= 18"}}"#)], ["nodejs 26 npm"], []),
            ([("package.json", #"{"engines": {"node": "16 - 18"}}"#)], ["nodejs 18 npm"], []),
            ([("package.json", #"{"engines": {"node": "^20.11 || ^22"}}"#)], ["nodejs 22 npm"], []),
            ([("package.json", #"{"engines": {"node": "~18.17.0"}}"#)], ["nodejs 18 npm"], []),
            ([("package.json", #"{"engines": {"node": ">=18 <16"}}"#)], ["nodejs - npm"],
                ["runtime.unsatisfiable-version"]),
            ([("package.json", #"{"engines": {"node": ">=99"}}"#)], ["nodejs - npm"],
                ["runtime.unsatisfiable-version"]),
            ([("package.json", #"{"engines": {"node": "lts/*"}}"#)], ["nodejs - npm"], []),
            ([("package.json", "{}"), (".nvmrc", "v18.2\n")], ["nodejs - npm"], ["runtime.version-file-ignored"]),
            ([("package.json", #"{"packageManager": "pnpm@9.1.0"}"#), ("pnpm-lock.yaml", "")], ["nodejs - pnpm"], []),
            ([("package.json", "{}"), ("yarn.lock", ""), (".yarnrc.yml", "")], ["nodejs - yarn-berry"], []),
            ([("package.json", "{}"), ("yarn.lock", ""), ("package-lock.json", "")], ["nodejs - npm"],
                ["runtime.conflicting-lockfiles"]),
            ([("package.json", "{not json")], ["nodejs - npm"], ["runtime.invalid-file"]),
            ([("requirements.txt", "flask\n"), ("runtime.txt", "python-3.11.9\n"), (".python-version", "3.11\n")],
                ["python 3.11.9 pip"], []),
            ([("requirements.txt", ""), (".python-version", "# comment\n3.12\n")], ["python 3.12 pip"], []),
            ([("runtime.txt", "python-3.6.x")], ["python 3.6 none"],
                ["runtime.missing-lockfile", "runtime.invalid-version-file"]),
            ([("requirements.txt", ""), ("runtime.txt", "python-3.12.1 please\n")], ["python - pip"],
                ["runtime.invalid-version-file"]),
            ([("requirements.txt", ""), ("runtime.txt", "3.12\n")], ["python - pip"], ["runtime.invalid-version-file"]),
            ([("requirements.txt", ""), ("runtime.txt", "python-3.12\npython-3.11\n")], ["python - pip"],
                ["runtime.invalid-version-file"]),
            ([("Pipfile", ""), ("Pipfile.lock", #"{"_meta": {"requires": {"python_version": "3.10"}}}"#)],
                ["python 3.10 pipenv"], []),
            ([("pyproject.toml", ""), ("uv.lock", "")], ["python - uv"], []),
            ([("requirements.txt", ""), ("poetry.lock", "")], ["python - pip"], ["runtime.conflicting-lockfiles"]),
            ([("pom.xml", "<project/>"), ("system.properties", "java.runtime.version=1.8\n")], ["java 8 maven"], []),
            ([("build.gradle.kts", ""), ("gradlew", "")], ["gradle - gradle"], []),
            ([("build.sbt", ""), ("system.properties", "java.runtime.version=17.0.2")], ["scala 17 sbt"], []),
            ([("project.clj", "(defproject x :uberjar-name \"x.jar\")")], ["clojure - leiningen"], []),
            ([("composer.json", #"{"require": {"php": "~8.2.0"}}"#)], ["php 8.2 composer"], []),
            ([("composer.json", #"{"require": {"php": "^8.1", "a/b": "1"}}"#)], ["php 8.5 composer"],
                ["runtime.missing-lockfile"]),
            ([("composer.json", #"{"require": {"php": "<8.0"}}"#)], ["php 7.4 composer"], []),
            ([("composer.json", #"{"require": {"php": ">=7.2 <7.3"}}"#)], ["php 7.2 composer"], []),
            ([("composer.json", #"{"require": {"php": "^8.1 <8.2"}}"#)], ["php 8.1 composer"], []),
            ([("composer.json", #"{"require": {"php": ">=7.4,<8.1"}}"#)], ["php 8.0 composer"], []),
            ([("composer.json", #"{"require": {"php": "^7.3 || ^8.0"}}"#)], ["php 8.5 composer"], []),
            ([("composer.json", #"{"require": {"php": "8.1.*"}}"#)], ["php 8.1 composer"], []),
            ([("composer.json", #"{"require": {"php": ">=8.2 <8.1"}}"#)], ["php - composer"],
                ["runtime.unsatisfiable-version"]),
            ([("index.php", "<?php")], ["php - none"], []),
            ([("go.mod", "module x\n\ngo 1.22.3\n")], ["go 1.22 go-modules"], []),
            ([("go.mod", "module x\n// +heroku goVersion go1.21\ngo 1.20\n")], ["go 1.21 go-modules"], []),
            ([("Gemfile", ""), ("Gemfile.lock", ""), ("package.json", "{}")], ["nodejs - npm", "ruby - bundler"], []),
            ([("Gemfile", ""), ("Gemfile.lock", ""), ("requirements.txt", "")], ["ruby - bundler"],
                ["runtime.other-languages"]),
            ([("app.json", #"{"buildpacks": [{"url": "heroku/nodejs"}, {"url": "heroku/python"}]}"#),
                ("package.json", "{}"), ("requirements.txt", "")], ["nodejs - npm", "python - pip"], []),
            ([("app.json", #"{"buildpacks": [{"url": "https://github.com/x/heroku-buildpack-elixir"}]}"#)], [],
                ["runtime.community-buildpack"]),
            ([(".buildpacks", "https://github.com/heroku/heroku-buildpack-go.git#v180\n"), ("go.mod", "go 1.22")],
                ["go 1.22 go-modules"], []),
            ([("app.json", #"{"buildpacks": [{"url": "heroku/ruby"}]}"#)], ["ruby - bundler"],
                ["runtime.buildpack-not-detected"]),
            ([("Dockerfile", ""), ("Gemfile", "")], ["ruby - bundler"], []),
            ([], [], []),
        ]
        for (files, expected, ids) in rows {
            let (runtime, diagnostics) = detect(files)
            let summary = runtime?.languages.map {
                "\($0.language.rawValue) \($0.version ?? "-") \($0.packageManager.rawValue)"
            } ?? []
            XCTAssertEqual(summary, expected, "row: \(files.map(\.0))")
            XCTAssertEqual(diagnostics, ids, "row: \(files.map(\.0))")
        }
    }

    /// The traits that decide build steps: Rails version and asset pipeline, API-only, Django, manage.py found by
    /// the search, Next.js, Laravel and PHP extensions (from composer.json, then composer.lock's packages).
    func testBuildTraits() {
        let lock = "GEM\n  specs:\n    rails (6.1.7)\n      sprockets-rails (>= 2)\n    railties (6.1.7)\n"
            + "    sprockets-rails (3.5.1)\n"
        let rails = detect([("Gemfile", "gem 'rails'\n"), ("Gemfile.lock", lock),
            ("config/application.rb", "  # config.api_only = true\n")]).0?.languages.first?.traits
        XCTAssertEqual(rails?.railsVersion, "6.1.7")
        XCTAssertEqual(rails?.hasAssetPipeline, true)
        XCTAssertEqual(rails?.isRailsAPIOnly, false)
        let api = detect([("Gemfile", ""), ("Gemfile.lock", "GEM\n  specs:\n    railties (7.2.0)\n"),
            ("config/application.rb", "    config.api_only = true\n")]).0?.languages.first?.traits
        XCTAssertEqual(api?.railsVersion, "7.2.0")
        XCTAssertEqual(api?.hasAssetPipeline, false)
        XCTAssertEqual(api?.isRailsAPIOnly, true)

        let djangoRows: [([(String, String)], Bool)] = [
            ([("requirements.txt", "Django==5.0\n")], true),
            ([("requirements.txt", "django-environ\nflask\n")], true),
            ([("requirements.txt", "wagtail>=6\n")], true),
            ([("requirements.txt", "Flask==3\n# django\n")], false),
            ([("Pipfile", "[packages]\ndjango = \"*\"\n")], true),
            ([("pyproject.toml", "dependencies = [\n  \"Django>=5\",\n]\n"), ("uv.lock", "")], true),
            ([("pyproject.toml", "[tool.poetry.dependencies]\nflask = \"^3\"\n"), ("poetry.lock", "")], false),
            ([("Pipfile", ""), ("Pipfile.lock", #"{"default": {"django": {"version": "==5.0"}}}"#)], true),
        ]
        for (files, expected) in djangoRows {
            XCTAssertEqual(detect(files).0?.languages.first?.traits.usesDjango, expected, "row: \(files)")
        }
        var diagnostics = Diagnostics()
        let nested = RuntimeDetectionFrontend().read([
            InputFile(path: "app/requirements.txt", text: "django\n"),
            InputFile(path: "app/src/site/manage.py", contents: [], appRelativePath: "src/site/manage.py"),
        ], options: ConversionOptions(), into: &diagnostics)
        XCTAssertEqual(nested.runtime?.languages.first?.traits.managePyPath, "src/site/manage.py")
        XCTAssertEqual(
            nested.runtime?.languages.first?.traits.hasManagePy, false, "a nested manage.py is not top-level")

        XCTAssertEqual(detect([("package.json", #"{"dependencies": {"next": "14"}}"#)]).0?.languages.first?.traits
            .usesNextJS, true)
        let composer = #"{"require": {"laravel/framework": "^11", "ext-intl": "*", "ext-GD": "*"}}"#
        let composerLock = #"{"packages": [{"name": "a/b", "require": {"ext-bcmath": "*", "ext-intl": "*"}}], "#
            + #""packages-dev": [{"name": "c/d", "require": {"ext-xdebug": "*"}}]}"#
        let php = detect([("composer.json", composer), ("composer.lock", composerLock)]).0?.languages.first?.traits
        XCTAssertEqual(php?.usesLaravel, true)
        XCTAssertEqual(php?.phpExtensions.map(\.name), ["intl", "gd", "bcmath"])
        XCTAssertEqual(php?.phpExtensions.map(\.requiredBy), [nil, nil, "a/b"])
    }

    /// JSON files are read with `JSONReader`: versions point at their own key, a broken file is one located
    /// warning, and app.json's own findings are left to the app.json frontend (so they are not reported twice).
    func testJSONFilesAreLocated() {
        let rows: [([(String, String)], String?, [String])] = [
            ([("package.json", "{\n  \"dependencies\": {\"node\": \"^1\"},\n  \"engines\": {\"node\": \"20.x\"}\n}")],
                "package.json:3:15", []),
            ([("package.json", "{\n  \"engines\": {\n    \"node\": 20,\n}")], nil,
                ["package.json:4:1:runtime.invalid-file"]),
            ([("package.json", "[]")], nil, ["package.json:1:1:runtime.invalid-file"]),
            ([("package.json", "{\"scripts\": {}, \"scripts\": {}}")], nil, ["package.json:1:17:json.duplicate-key"]),
            ([("composer.json", "{\"require\": {\n  \"php\": \"~8.2.0\"}}"), ("index.php", "")], "composer.json:2:3", []),
            ([("Pipfile.lock", "{\"_meta\": {\"requires\": {\"python_version\": \"3.12\"}}}")],
                "Pipfile.lock:1:25", []),
            ([("app.json", "{\"buildpacks\": [{\"url\": \"heroku/go\"}], \"stack\": \"heroku-24\", \"stack\": 1}"),
                ("go.mod", "go 1.22")], "go.mod:1:1", []),
            ([("app.json", "{\"buildpacks\": [{\"url\": \"x/y\"}], \"stack\": \"heroku-24\"}"), ("go.mod", "")], nil,
                ["app.json:1:25:runtime.community-buildpack", "app.json:1:34:runtime.stack"]),
            ([("app.json", "{\"buildpacks\": [,]}"), ("go.mod", "")], nil, []),
        ]
        for (files, versionLocation, expected) in rows {
            var diagnostics = Diagnostics()
            let app = RuntimeDetectionFrontend().read(
                files.map { InputFile(path: $0.0, text: $0.1) }, options: ConversionOptions(), into: &diagnostics)
            XCTAssertEqual(
                app.runtime?.languages.first?.versionLocation?.rendered, versionLocation, "row: \(files.map(\.1))")
            XCTAssertEqual(
                diagnostics.sorted.filter { $0.id.rawValue != "runtime.missing-lockfile" }
                    .map { "\($0.location?.rendered ?? ""):\($0.id)" },
                expected, "row: \(files.map(\.1))")
        }
    }

    func testBuildpackNames() {
        let rows: [(String, Language?, String?)] = [
            ("heroku/nodejs", .nodejs, nil), ("urn:buildpack:heroku/python", .python, nil),
            ("https://github.com/heroku/heroku-buildpack-ruby.git", .ruby, nil),
            ("https://github.com/heroku/heroku-buildpack-php#v250", .php, nil),
            ("https://buildpack-registry.s3.amazonaws.com/buildpacks/heroku/go.tgz", .go, nil),
            ("heroku-community/apt", nil, "apt"), ("https://github.com/heroku/heroku-buildpack-apt", nil, "apt"),
            ("https://github.com/HashNuke/heroku-buildpack-elixir.git", nil, nil), ("heroku/jvm", nil, nil),
        ]
        for (name, language, helper) in rows {
            let reference = BuildpackNames.reference(name, at: SourceLocation(file: "app.json"))
            XCTAssertEqual(reference.language, language, name)
            XCTAssertEqual(reference.knownHelper, helper, name)
        }
    }

    /// A heroku.yml Docker build makes the image the app's own, so findings about buildpack files are not shown.
    func testHerokuYMLDockerBuildSilencesBuildpackFindings() {
        let gemfileOnly: [(String, String)] = [("Gemfile", "ruby '3.2.2'\n")]
        XCTAssertEqual(detect(gemfileOnly).1, ["runtime.missing-lockfile"])
        let docker = gemfileOnly + [("heroku.yml", "build:\n  docker:\n    web: Dockerfile\n")]
        XCTAssertEqual(detect(docker).1, [])
        let languages = gemfileOnly + [("heroku.yml", "build:\n  languages:\n    - ruby\n")]
        XCTAssertEqual(detect(languages).1, ["runtime.missing-lockfile"])
    }
}
