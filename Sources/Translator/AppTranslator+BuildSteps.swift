extension DiagnosticID {
    static let buildRailsAssets: DiagnosticID = "build.rails-assets"
    static let buildSecretKeyBase: DiagnosticID = "build.secret-key-base"
    static let buildArgument: DiagnosticID = "build.argument"
    static let buildSecretNotPassed: DiagnosticID = "build.secret-not-passed"
    static let buildWritableDirectories: DiagnosticID = "build.writable-directories"
    static let phpDatabaseDriverUnknown: DiagnosticID = "build.php-database-driver-unknown"
}

/// The framework-specific build steps (Rails assets, Django's collectstatic), the config vars those steps read
/// (`ARG`), the folders the app writes at run time, and the generated SECRET_KEY_BASE, each decided as the
/// Ruby and Python buildpacks decide it.
extension AppTranslator {
    /// A value Rails accepts as SECRET_KEY_BASE while assets compile; it is in the image history, so it must
    /// never be the app's real one (which is only set at run time).
    static let throwawaySecretKeyBase = "assets-precompile-only-not-the-app-secret"

    /// True when `version` (`7.1.3.2`) is at least `major.minor`.
    static func isAtLeast(_ version: String, _ major: Int, _ minor: Int) -> Bool {
        let parts = version.split(separator: ".").map { Int($0.prefix { $0.isNumber }) ?? 0 }
        guard let first = parts.first else { return false }
        return (first, parts.count > 1 ? parts[1] : 0) >= (major, minor)
    }

    /// `rake assets:precompile` when the app has an asset pipeline gem and is not API-only (the buildpack runs
    /// it only when the task is defined: heroku-buildpack-ruby lib/language_pack/rails4.rb). Rails 7.1 and later
    /// take `SECRET_KEY_BASE_DUMMY=1`; older Rails gets a throwaway SECRET_KEY_BASE for that one step.
    func railsBuildCommands(for runtime: LanguageRuntime, into diagnostics: inout Diagnostics) -> [String] {
        let traits = runtime.traits
        guard traits.isRails else { return [] }
        guard traits.hasAssetPipeline, !traits.isRailsAPIOnly else {
            let reason = traits.isRailsAPIOnly ? "config/application.rb sets config.api_only = true"
                : "Gemfile.lock has no asset pipeline gem (sprockets, propshaft, jsbundling-rails, cssbundling-rails, "
                    + "webpacker, shakapacker)"
            diagnostics.note(
                .buildRailsAssets,
                "rake assets:precompile is not run: \(reason), so the task Heroku's Ruby buildpack runs does not exist",
                at: runtime.detectedBy)
            return []
        }
        if let version = traits.railsVersion, Self.isAtLeast(version, 7, 1) {
            return ["SECRET_KEY_BASE_DUMMY=1 bundle exec rake assets:precompile"]
        }
        return ["SECRET_KEY_BASE=\(Self.throwawaySecretKeyBase) bundle exec rake assets:precompile"]
    }

    /// Django's collectstatic, as heroku-buildpack-python bin/steps/collectstatic runs it: only with Django
    /// installed, with the shallowest manage.py up to three levels deep, unless DISABLE_COLLECTSTATIC is set to
    /// anything but 0 (a config var, or app.json's value when there is none).
    func collectstaticCommands(
        for runtime: LanguageRuntime, heroku: HerokuApp, into diagnostics: inout Diagnostics
    ) -> [String] {
        guard let managePy = runtime.traits.managePyPath else {
            if runtime.traits.usesDjango {
                diagnostics.note(
                    .buildCollectstatic,
                    "Django is a dependency but there is no manage.py within three folders of the app, so "
                        + "collectstatic is not run (Heroku's Python buildpack skips it too)",
                    at: runtime.detectedBy)
            }
            return []
        }
        guard runtime.traits.usesDjango else {
            diagnostics.note(
                .buildCollectstatic,
                "\(managePy) is there but Django is not among the dependencies, so collectstatic is not run "
                    + "(Heroku's Python buildpack runs it for Django apps only)",
                at: runtime.detectedBy)
            return []
        }
        // The live value is not read (committed outputs depend on config var names only): a config var of that
        // name counts as set, as it nearly always is to disable the step.
        if let live = heroku.configVars?.last(where: { $0.key == "DISABLE_COLLECTSTATIC" }) {
            diagnostics.note(
                .buildCollectstatic, "DISABLE_COLLECTSTATIC is one of the app's config vars, so collectstatic is not "
                    + "run, as on Heroku (translate reads config var names, not their values)",
                at: live.location, hint: "if its value is 0, add `python \(managePy) collectstatic --noinput` to the "
                    + "build yourself, or remove the config var")
            return []
        }
        let disabled = heroku.appJSON?.environment.last { $0.key == "DISABLE_COLLECTSTATIC" }
            .flatMap { variable in variable.value.map { ($0, variable.location) } }
        if let disabled, !disabled.0.isEmpty, disabled.0 != "0" {
            diagnostics.note(
                .buildCollectstatic, "DISABLE_COLLECTSTATIC is set, so collectstatic is not run, as on Heroku",
                at: disabled.1, hint: "run `python \(managePy) collectstatic --noinput` yourself if the app needs it")
            return []
        }
        diagnostics.note(
            .buildCollectstatic,
            "Heroku runs Django's collectstatic during the build, so the Dockerfile does too; Convox passes the "
                + "build only the app variables the Dockerfile declares with ARG, and never a secret",
            at: runtime.detectedBy, hint: "if settings need a secret to import (SECRET_KEY, DATABASE_URL), give it a "
                + "default in settings, or set DISABLE_COLLECTSTATIC=1 and run collectstatic yourself")
        return ["python \(managePy) collectstatic --noinput"]
    }

    /// Variable names whose values front-end bundlers inline at build time: public by design.
    static let publicBuildPrefixes = ["NEXT_PUBLIC_", "REACT_APP_", "VITE_", "VUE_APP_", "GATSBY_", "NUXT_PUBLIC_",
        "EXPO_PUBLIC_", "PUBLIC_"]

    /// The app's variables the build steps read. On Heroku every config var is set during the build; Convox
    /// passes a value only for a Dockerfile `ARG` of that name (convox/convox pkg/build/docker.go `buildArgs`,
    /// convox/rack the same), and it stays in the image history, so this is limited to what builds read and is
    /// never done for a secret: the environment name (NODE_ENV, RAILS_ENV), the front-end build prefixes and
    /// the settings module collectstatic imports.
    func buildArguments(
        plan: BuildPlan, runtimes: [LanguageRuntime], heroku: HerokuApp, into diagnostics: inout Diagnostics
    ) -> [BuildArgument] {
        guard !plan.buildCommands.isEmpty else { return [] }
        let languages = Set(runtimes.map(\.language))
        let runsNodeBuild = plan.buildCommands.contains { $0.contains(" run ") || $0.contains("assets:precompile") }
        let runsCollectstatic = plan.buildCommands.contains { $0.contains("collectstatic") }
        // A config var is known by name only (its value never shapes a committed output); nil stands for it.
        var variables: [(key: String, value: String?, location: SourceLocation, isConfigVar: Bool)] = []
        for variable in heroku.appJSON?.environment ?? [] {
            if let value = variable.value { variables.append((variable.key, value, variable.location, false)) }
        }
        for configVar in heroku.configVars ?? [] {
            variables.removeAll { $0.key == configVar.key }
            variables.append((configVar.key, nil, configVar.location, true))
        }
        var arguments: [BuildArgument] = []
        for variable in variables {
            let key = variable.key
            let setsEnvironment = plan.environment.first { $0.key == key }
            let isRead: Bool
            if let setsEnvironment {
                isRead = ["NODE_ENV", "RAILS_ENV", "RACK_ENV"].contains(key)
                    && (variable.value.map { $0 != setsEnvironment.value } ?? true)
            } else if Self.publicBuildPrefixes.contains(where: key.hasPrefix) {
                isRead = runsNodeBuild && (languages.contains(.nodejs) || languages.contains(.ruby))
            } else {
                isRead = runsCollectstatic && ["DJANGO_SETTINGS_MODULE", "DJANGO_CONFIGURATION"].contains(key)
            }
            guard isRead else { continue }
            if SecretDetection.isSecret(key: key, value: variable.value) {
                diagnostics.warning(
                    .buildSecretNotPassed,
                    "the build steps read \(key), but it looks like a secret, so it is not passed to the image build "
                        + "(build arguments stay in the image history)",
                    at: variable.location, hint: "give the build a non-secret default, or rename the variable if it "
                        + "is not a secret")
                continue
            }
            // A config var reaches the app's environment through the env file; an app.json value only reaches
            // convox.yml, which Convox does not pass to the build, so it becomes the ARG's default.
            let defaultValue = variable.isConfigVar ? setsEnvironment?.value : variable.value
            arguments.append(BuildArgument(
                key: key, defaultValue: defaultValue, overridesEnvironment: setsEnvironment != nil))
            diagnostics.warning(
                .buildArgument,
                "\(key) is declared as a Dockerfile ARG, so Convox passes the app's value to the build as Heroku "
                    + "did; its value ends up in the image's history",
                at: variable.location, hint: "keep secrets out of \(key); anyone who can pull the image can read it")
        }
        return arguments
    }

    /// Folders the app writes at run time that build steps (run as root) may have created root-owned.
    func writableDirectories(for runtimes: [LanguageRuntime]) -> [String] {
        var directories: [String] = []
        for runtime in runtimes {
            switch runtime.language {
            case .ruby: directories += runtime.traits.isRails ? ["tmp", "log", "storage"] : ["tmp"]
            case .nodejs: directories += runtime.traits.usesNextJS ? [".next/cache"] : []
            case .php: directories += runtime.traits.usesLaravel ? ["storage", "bootstrap/cache"] : []
            default: break
            }
        }
        return directories.reduce(into: []) { result, path in if !result.contains(path) { result.append(path) } }
    }

    /// The PHP extensions of composer.json and composer.lock, the database driver of each database add-on, and
    /// Heroku's php.ini settings.
    func phpSetup(for runtime: LanguageRuntime, heroku: HerokuApp, into diagnostics: inout Diagnostics) -> PHPSetup {
        var drivers: [(name: String, reason: String)] = []
        for addon in heroku.appJSON?.addons ?? [] {
            switch addon.service {
            case "heroku-postgresql":
                drivers += [("pdo_pgsql", addon.service), ("pgsql", addon.service)]
            case "jawsdb", "jawsdb-maria", "cleardb":
                drivers += [("pdo_mysql", addon.service), ("mysqli", addon.service)]
            default:
                break
            }
        }
        // Without the add-on in app.json, the config vars the add-ons set still say which database it is; by
        // name only (the DATABASE_URL scheme is a value, which never shapes a committed output).
        let configVarNames = Set((heroku.configVars ?? []).map(\.key))
        if drivers.isEmpty {
            if configVarNames.contains(where: { $0.hasPrefix("HEROKU_POSTGRESQL_") }) {
                drivers += [("pdo_pgsql", "HEROKU_POSTGRESQL_*"), ("pgsql", "HEROKU_POSTGRESQL_*")]
            } else if let mysql = ["JAWSDB_URL", "JAWSDB_MARIA_URL", "CLEARDB_DATABASE_URL"]
                .first(where: configVarNames.contains)
            {
                drivers += [("pdo_mysql", mysql), ("mysqli", mysql)]
            } else if let database = heroku.configVars?.last(where: { $0.key == "DATABASE_URL" }),
                let scheme = options.databaseURLScheme
            {
                // Recorded by convert from the live value's scheme (see ConversionOptions.databaseURLScheme).
                let reason = "DATABASE_URL (\(scheme), \(database.location.rendered))"
                drivers += scheme == "postgres" ? [("pdo_pgsql", reason), ("pgsql", reason)]
                    : [("pdo_mysql", reason), ("mysqli", reason)]
            } else if let database = heroku.configVars?.last(where: { $0.key == "DATABASE_URL" }) {
                diagnostics.note(
                    .phpDatabaseDriverUnknown, "DATABASE_URL is one of the app's config vars, but no postgres:// or "
                        + "mysql:// value of it was read (`convert` records its scheme as database_url_scheme in "
                        + ".translate.yml), so no PHP database driver is added", at: database.location,
                    hint: "name the database add-on in app.json (heroku-postgresql, jawsdb or cleardb), or add "
                        + "pdo_pgsql or pdo_mysql to composer.json `require` as ext-pdo_pgsql")
            }
        }
        return PHPExtensionCatalog.setup(
            required: runtime.traits.phpExtensions, databaseDrivers: drivers,
            phpVersion: runtime.version ?? Self.defaultVersion(of: .php), location: runtime.detectedBy,
            into: &diagnostics)
    }

    /// Heroku's Ruby buildpack gives every Rails 4.1+ app a generated SECRET_KEY_BASE (heroku-buildpack-ruby
    /// lib/language_pack/helpers/default_env_vars.rb); on Convox nobody does, so it is declared as a secret the
    /// runbook generates, unless the app already sets one.
    func declareBuildpackSecrets(_ heroku: HerokuApp, to app: inout AppIR, into diagnostics: inout Diagnostics) {
        guard let runtime = heroku.runtime, !runtime.hasOwnDockerfile, heroku.herokuYML?.builds.isEmpty != false,
            let ruby = runtime.languages.first(where: { $0.language == .ruby }), ruby.traits.isRails,
            ruby.traits.railsVersion.map({ Self.isAtLeast($0, 4, 1) }) ?? true,
            !(app.environment + app.services.flatMap(\.environment)).contains(where: { $0.key == "SECRET_KEY_BASE" }),
            !app.envFileKeys.contains("SECRET_KEY_BASE")
        else { return }
        app.environment.append(EnvironmentDeclaration(
            key: "SECRET_KEY_BASE", isRequired: true, isSecret: true, origin: ruby.detectedBy))
        diagnostics.note(
            .buildSecretKeyBase,
            "Heroku's Ruby buildpack gave this Rails app a generated SECRET_KEY_BASE; convox.yml declares it and "
                + "MIGRATION.md generates one",
            at: ruby.detectedBy, hint: "to keep existing sessions and signed cookies valid, copy Heroku's value "
                + "instead: `heroku run 'echo $SECRET_KEY_BASE'`")
    }
}
