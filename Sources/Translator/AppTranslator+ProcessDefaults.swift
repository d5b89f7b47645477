extension DiagnosticID {
    static let defaultProcessType: DiagnosticID = "service.buildpack-default-type"
    static let defaultScale: DiagnosticID = "service.default-scale"
    static let developmentTooling: DiagnosticID = "service.development-tooling"
    static let appValueWins: DiagnosticID = "environment.app-value-wins"
    static let webConcurrency: DiagnosticID = "environment.web-concurrency"
}

/// What Heroku adds around the Procfile at run time: the buildpack's default process types, the scale a type
/// starts at, the environment its `.profile.d` scripts set, and which of two values for one variable wins.
extension AppTranslator {
    /// Heroku merges the last buildpack's `default_process_types` (its `bin/release`) with the Procfile, the
    /// Procfile winning per type: a Rails app whose Procfile has only `release:` still runs the default `web`
    /// (heroku-buildpack-ruby lib/language_pack/rails4.rb, heroku-buildpack-nodejs bin/release). Only `web` is
    /// added; the Ruby buildpack's one-off `console` and `rake` are reported, as `convox run web ...` does the same.
    func mergingDefaultProcessTypes(
        into processTypes: [ProcessType], for heroku: HerokuApp, into diagnostics: inout Diagnostics
    ) -> [ProcessType] {
        guard launcher.shell == "bash", !processTypes.contains(where: { ServiceNaming.normalize($0.name) == "web" }),
            let runtime = heroku.runtime?.languages.last, let command = Self.defaultWebCommand(for: runtime),
            let file = processTypes.first?.location.file
        else { return processTypes }
        // The Node.js buildpack declares no defaults when the Procfile has an `mcp*` type (bin/release).
        if runtime.language == .nodejs, processTypes.contains(where: { $0.name.hasPrefix("mcp") }) {
            return processTypes
        }
        let location = SourceLocation(file: file)
        diagnostics.note(
            .defaultProcessType,
            "the Procfile defines no web process type, so Heroku ran the \(runtime.language.displayName) "
                + "buildpack's default `web: \(command)`; it becomes the web service here too",
            at: location, hint: "add a `web:` line to the Procfile to choose the command, or scale web to 0")
        return [ProcessType(name: "web", command: command, location: location, commandLocation: location)]
            + processTypes
    }

    /// True for a command Heroku users run in development only (a bundler's watch mode, a dev server, guard),
    /// which an unscaled Heroku app never started.
    public static func looksLikeDevelopmentTooling(_ text: String) -> Bool {
        let lowered = text.lowercased()
        // `*dev*server*` with `dev` as a word of its own (`webpack-dev-server`, `bin/dev server`), so that
        // `DeviceServer` or `--env development` are not taken for one.
        // Characters `d` `e` `v` in a row are those bytes in a row, so a byte search rules most commands out cheaply.
        let characters = lowered.containsLiteral("dev") && lowered.containsLiteral("server") ? Array(lowered) : []
        let lastServer = characters.indices.last { characters[$0...].starts(with: "server") }
        for start in characters.indices where characters[start...].starts(with: "dev") {
            let before = start == 0 ? " " : characters[start - 1]
            let after = start + 3 < characters.count ? characters[start + 3] : " "
            if !before.isLetter, !after.isLetter, let lastServer, lastServer >= start + 3 { return true }
        }
        if lowered.utf8.allSatisfy({ $0 < 0x80 }) { return hasDevelopmentToolWord(asciiText: lowered) }
        let words = lowered.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return words.contains { word in
            let base = word.split(separator: "/").last.map(String.init) ?? ""
            return word.hasSuffix(":watch") || base == "webpack" || base == "guard"
        }
    }

    /// The word test of `looksLikeDevelopmentTooling` on the bytes of lower-cased ASCII text, where Characters and
    /// bytes are the same: a word ending in `:watch`, or whose last `/` part is `webpack` or `guard`.
    static func hasDevelopmentToolWord(asciiText text: String) -> Bool {
        text.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }).contains { word in
            let base = word.split(separator: UInt8(ascii: "/")).last ?? word[word.endIndex...]
            return word.reversed().starts(with: ":watch".utf8.reversed()) || base.elementsEqual("webpack".utf8)
                || base.elementsEqual("guard".utf8)
        }
    }

    /// With no formation entry, Heroku starts `web` at 1 and every other type at 0 until someone scales it. A
    /// worker in the Procfile of a running app was almost certainly scaled up, so it keeps Convox's default of 1;
    /// development tooling starts at 0. Each type whose start differs from Heroku's gets one note (or warning) on its
    /// Procfile line; `web` starts at 1 on both, so it gets none.
    func applyDefaultScale(
        to services: inout [Service], formation: [AppJSONFormation], into diagnostics: inout Diagnostics
    ) {
        // The process types formation entries with a count name, as written and normalized: looked up per service,
        // so 1,000 types against 1,000 entries stay linear.
        var countedTypes: Set<String> = []
        var countedNames: Set<String> = []
        for entry in formation where entry.quantity != nil {
            countedTypes.insert(entry.processType)
            if let normalized = ServiceNaming.normalize(entry.processType) { countedNames.insert(normalized) }
        }
        for index in services.indices where services[index].role == .web || services[index].role == .worker {
            let service = services[index]
            let hasCount = countedTypes.contains(service.herokuName) || countedNames.contains(service.name)
            guard !hasCount, service.scale.count == nil else { continue }
            let what = "process type \"\(service.herokuName)\""
            if service.role == .web {
                // Heroku starts web at 1 too: nothing differs, nothing to report.
                continue
            } else if Self.looksLikeDevelopmentTooling(service.name + " " + (service.command?.shellText ?? "")) {
                services[index].scale.count = 0
                diagnostics.warning(
                    .developmentTooling,
                    "\(what) looks like development tooling (a dev server, a watcher, webpack or guard); Heroku "
                        + "starts a type with no formation at 0, so it starts at scale 0 here",
                    at: service.location,
                    hint: "remove it from the Procfile if production never ran it, or set scale.count to run it")
            } else {
                diagnostics.note(
                    .defaultScale,
                    "\(what) has no formation count: Heroku starts a new type at 0 until it is scaled, but a Procfile "
                        + "worker of a running app was scaled up, so it starts at Convox's default of 1",
                    at: service.location,
                    hint: "check `heroku ps -a <app>` and set formation.\(service.herokuName).quantity in app.json, or "
                        + "scale.count in convox.yml, to the count the app runs")
            }
        }
    }

    /// Convox appends a service's `environment:` after the top-level one, so the service's entry wins
    /// (convox/convox pkg/manifest/manifest.go `CombineEnv`). On Heroku `${X:-d}` only applied while the app had no
    /// value for X, so a command default must not override a value (or a required variable) the app declares.
    func resolveEnvironmentPrecedence(in app: inout AppIR, into diagnostics: inout Diagnostics) {
        // Keyed by name, the first declaration of each kept (what a scan with `first(where:)` found).
        var appValues: [String: EnvironmentDeclaration] = [:]
        for declaration in app.environment
        where declaration.isRequired || declaration.isSecret || !(declaration.defaultValue ?? "").isEmpty {
            if appValues[declaration.key] == nil { appValues[declaration.key] = declaration }
        }
        guard !appValues.isEmpty else { return }
        for index in app.services.indices {
            let serviceName = app.services[index].name
            app.services[index].environment.removeAll { entry in
                guard entry.key != "PORT", let declared = appValues[entry.key] else { return false }
                let appSide = declared.isSecret || declared.defaultValue == nil
                    ? "the app's own value of \(entry.key)" : "the app's value \(declared.manifestEntry)"
                diagnostics.note(
                    .appValueWins,
                    "service \"\(serviceName)\": the command default \(entry.manifestEntry) is left out, "
                        + "because on Heroku \(appSide) won over it, and a service entry would win on Convox",
                    at: entry.origin)
                return true
            }
        }
    }

    /// The WEB_CONCURRENCY the last buildpack's `.profile.d` script set on a dyno of each size, when the app sets
    /// none itself: Node.js RAM / 512 MB (heroku-buildpack-nodejs profile/WEB_CONCURRENCY.sh), Python the lower of
    /// RAM / 256 MB and 2 × cores + 1 (heroku-buildpack-python vendor/WEB_CONCURRENCY.sh), Ruby only when the app
    /// sets SENSIBLE_DEFAULTS (heroku-buildpack-ruby lib/language_pack/ruby.rb `set_default_web_concurrency`).
    /// gunicorn, uvicorn, puma configs and Node cluster code read it.
    func addWebConcurrencyDefaults(
        to app: inout AppIR, heroku: HerokuApp, into diagnostics: inout Diagnostics
    ) {
        let hasSensibleDefaults = app.environment.contains { $0.key == "SENSIBLE_DEFAULTS" && $0.defaultValue != "" }
        guard launcher.shell == "bash", let language = heroku.runtime?.languages.last?.language,
            language == .nodejs || language == .python || language == .ruby && hasSensibleDefaults,
            !app.environment.contains(where: { $0.key == "WEB_CONCURRENCY" })
        else { return }
        let formation = heroku.appJSON?.formation ?? []
        var described: [String] = []
        for index in app.services.indices where [.web, .worker].contains(app.services[index].role) {
            let service = app.services[index]
            let sizeName = formation.last { entry in
                entry.size != nil
                    && (entry.processType == service.herokuName
                        || ServiceNaming.normalize(entry.processType) == service.name)
            }?.size
            let size = sizeName.flatMap(DynoSize.named) ?? DynoSize(name: "standard-1x", memory: 512)
            guard let concurrency = Self.webConcurrency(for: size, language: language) else { continue }
            // `.profile.d` ran before the command, so a `${WEB_CONCURRENCY:-3}` default in it never applied.
            if let existing = service.environment.firstIndex(where: { $0.key == "WEB_CONCURRENCY" }) {
                let replaced = service.environment[existing].defaultValue ?? ""
                app.services[index].environment[existing].defaultValue = String(concurrency)
                described.append("\(service.name)=\(concurrency) (\(size.name); the command's default \(replaced) "
                    + "never applied on Heroku)")
                continue
            }
            app.services[index].environment.append(EnvironmentDeclaration(
                key: "WEB_CONCURRENCY", defaultValue: String(concurrency), origin: service.location))
            described.append("\(service.name)=\(concurrency) (\(size.name))")
        }
        guard !described.isEmpty else { return }
        diagnostics.note(
            .webConcurrency,
            "Heroku's \(language.displayName) buildpack set WEB_CONCURRENCY from each dyno's "
                + "size; the services get it as a default: " + described.joined(separator: ", "),
            at: app.services.first?.location.map { SourceLocation(file: $0.file) },
            hint: "set WEB_CONCURRENCY with `convox env set` to change it for every service")
    }

    /// The value the buildpack's script computes on a dyno of `size`; nil where it sets none.
    public static func webConcurrency(for size: DynoSize, language: Language) -> Int? {
        if language == .ruby {
            // The script tells dynos apart by `ulimit -u`: Standard-1X, Standard-2X, Performance-M, Performance-L.
            return [512: 2, 1024: 4, 2560: 8, 14336: 16][size.memory]
        }
        if language == .nodejs {
            // Memory-heavy dynos (over 16 GB) get 2 GB per process.
            let perProcess = size.memory > 16384 ? 2048 : 512
            return min(max(size.memory / perProcess, 1), 200)
        }
        let byMemory = max(size.memory / 256, 1)
        // Shared dynos report many cores, so their memory decides; dedicated ones have `virtualCPUs`. The script's
        // own table gives Private-S (one vCPU in our table) 4, so `nproc` reports at least 2 there.
        guard let cpus = size.virtualCPUs else { return byMemory }
        return min(byMemory, max(cpus, 2) * 2 + 1)
    }
}
