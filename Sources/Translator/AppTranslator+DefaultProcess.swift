extension DiagnosticID {
    static let defaultWebCommand: DiagnosticID = "app.default-web-command"
}

/// Heroku's buildpacks declare default process types (`bin/release`), used when the app has no Procfile
/// (heroku.md fact 24). The last buildpack's defaults win, as on Heroku.
extension AppTranslator {
    /// The `web` process the last detected buildpack would declare, or nil when it declares none.
    func defaultProcessTypes(for heroku: HerokuApp, into diagnostics: inout Diagnostics) -> [ProcessType]? {
        guard let runtime = heroku.runtime?.languages.last, let command = Self.defaultWebCommand(for: runtime)
        else { return nil }
        let location = SourceLocation(file: runtime.detectedBy.file)
        diagnostics.note(
            .defaultWebCommand,
            "there is no Procfile, so web runs `\(command)`, the default of Heroku's "
                + "\(runtime.language.displayName) buildpack",
            at: location, hint: "add a Procfile with a `web:` line to choose the command yourself")
        return [ProcessType(name: "web", command: command, location: location, commandLocation: location)]
    }

    /// The buildpack's default `web` command; nil for the buildpacks that declare none (Python, Go, Scala,
    /// Ruby without Rails or config.ru).
    public static func defaultWebCommand(for runtime: LanguageRuntime) -> String? {
        switch runtime.language {
        case .nodejs:
            return "npm start"
        case .php:
            return "heroku-php-apache2"
        case .ruby:
            if runtime.traits.isRails { return "bin/rails server -p ${PORT:-5000} -e $RAILS_ENV" }
            return runtime.traits.hasRackup ? "bundle exec rackup config.ru -p ${PORT:-5000}" : nil
        case .java:
            return "java -Dserver.port=$PORT $JAVA_OPTS -jar target/*.jar"
        case .gradle:
            return "java -Dserver.port=$PORT $JAVA_OPTS -jar build/libs/*.jar"
        case .clojure:
            guard let uberjar = runtime.traits.uberjarName else { return "lein with-profile production trampoline run" }
            return "java $JVM_OPTS -jar target/\(uberjar)"
        case .python, .go, .scala:
            return nil
        }
    }

    /// Why there is nothing to convert, naming what is missing.
    func nothingToConvertReason(_ heroku: HerokuApp) -> (message: String, hint: String) {
        if heroku.herokuYML != nil, heroku.runtime?.languages.isEmpty ?? true {
            return ("no Procfile found, and heroku.yml has neither `build.docker` nor `run`, so there is nothing "
                + "to convert", "add `build: docker: web: Dockerfile` (or a `run` section) to heroku.yml")
        }
        if let runtime = heroku.runtime?.languages.last {
            return ("no Procfile found, and Heroku's \(runtime.language.displayName) buildpack declares no default "
                + "web process, so there is nothing to convert",
                "add a Procfile with a `web:` line, for example `web: gunicorn app.wsgi`")
        }
        return ("no Procfile found and no language Heroku's buildpacks detect (Gemfile, package.json, "
            + "requirements.txt, ...), so there is nothing to convert",
            "run translate in the app's root directory, where Heroku reads the Procfile")
    }
}
