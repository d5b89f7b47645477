@testable import Translator
import XCTest

final class RailsBuildTests: XCTestCase {
    func rails(_ version: String?, assets: Bool = true, apiOnly: Bool = false) -> LanguageRuntime {
        var traits = RuntimeTraits(isRails: true)
        traits.railsVersion = version
        traits.hasAssetPipeline = assets
        traits.isRailsAPIOnly = apiOnly
        return LanguageRuntime(
            language: .ruby, packageManager: .bundler, manifests: ["Gemfile", "Gemfile.lock"],
            detectedBy: SourceLocation(file: "Gemfile"), traits: traits)
    }

    /// Rows of (Rails version, asset pipeline, API-only, expected build commands, expected variables).
    func testBuildStepsAndEnvironmentByVersion() {
        let translator = AppTranslator(options: ConversionOptions())
        let rows: [(String?, Bool, Bool, [String], [String])] = [
            ("7.1.3", true, false, ["SECRET_KEY_BASE_DUMMY=1 bundle exec rake assets:precompile"],
                ["RAILS_LOG_TO_STDOUT", "RAILS_SERVE_STATIC_FILES"]),
            ("7.0.8", true, false, ["SECRET_KEY_BASE=\(AppTranslator.throwawaySecretKeyBase) bundle exec rake "
                + "assets:precompile"], ["RAILS_LOG_TO_STDOUT", "RAILS_SERVE_STATIC_FILES"]),
            ("4.2.11", true, false, ["SECRET_KEY_BASE=\(AppTranslator.throwawaySecretKeyBase) bundle exec rake "
                + "assets:precompile"], ["RAILS_SERVE_STATIC_FILES"]),
            ("4.1.0", true, false, ["SECRET_KEY_BASE=\(AppTranslator.throwawaySecretKeyBase) bundle exec rake "
                + "assets:precompile"], []),
            ("8.0.1", false, false, [], ["RAILS_LOG_TO_STDOUT", "RAILS_SERVE_STATIC_FILES"]),
            ("8.0.1", true, true, [], ["RAILS_LOG_TO_STDOUT", "RAILS_SERVE_STATIC_FILES"]),
            (nil, true, false, ["SECRET_KEY_BASE=\(AppTranslator.throwawaySecretKeyBase) bundle exec rake "
                + "assets:precompile"], ["RAILS_LOG_TO_STDOUT", "RAILS_SERVE_STATIC_FILES"]),
        ]
        for (version, assets, apiOnly, commands, variables) in rows {
            var diagnostics = Diagnostics()
            let runtime = rails(version, assets: assets, apiOnly: apiOnly)
            XCTAssertEqual(translator.railsBuildCommands(for: runtime, into: &diagnostics), commands,
                "row: \(version ?? "-")")
            let names = translator.environment(for: runtime).map(\.key)
                .filter { $0.hasPrefix("RAILS_") && $0 != "RAILS_ENV" }
            XCTAssertEqual(names, variables, "row: \(version ?? "-")")
        }
    }
}
