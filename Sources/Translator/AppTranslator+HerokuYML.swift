extension DiagnosticID {
    static let herokuYMLProcfileIgnored: DiagnosticID = "herokuyml.procfile-ignored"
    static let herokuYMLImageCommand: DiagnosticID = "herokuyml.image-command"
    static let herokuYMLEntrypoint: DiagnosticID = "herokuyml.entrypoint"
    static let herokuYMLUnknownImage: DiagnosticID = "herokuyml.unknown-image"
    static let herokuYMLBuildConfig: DiagnosticID = "herokuyml.build-config"
    static let herokuYMLBuildConfigUnused: DiagnosticID = "herokuyml.build-config-unused"
    static let herokuYMLSetup: DiagnosticID = "herokuyml.setup"
    static let herokuYMLSetupDiffers: DiagnosticID = "herokuyml.setup-differs"
}

/// The rules for apps on Heroku's container stack (heroku.yml): its processes replace the Procfile, each service
/// builds from its process type's Dockerfile, `build.config` becomes build arguments the way Convox passes them,
/// and `setup` is read like app.json.
extension AppTranslator {
    /// The process types heroku.yml declares (`build.docker`, `run`, `release`), or nil when it declares none and
    /// the Procfile applies.
    func herokuYMLProcessTypes(_ heroku: HerokuApp, into diagnostics: inout Diagnostics) -> [ProcessType]? {
        guard let manifest = heroku.herokuYML, manifest.definesProcesses else { return nil }
        if heroku.processTypes != nil {
            let procfile = heroku.sourceFiles.first { $0 == "Procfile" || $0.hasSuffix("/Procfile") } ?? "Procfile"
            diagnostics.warning(
                .herokuYMLProcfileIgnored,
                "Heroku ignores the Procfile of an app built with heroku.yml, so translate follows heroku.yml "
                    + "(`run`, `release`, and the images' own CMD) and not this file",
                at: SourceLocation(file: procfile),
                hint: "move any command you still need into heroku.yml `run`, or delete the Procfile")
        }
        var processes: [ProcessType] = []
        let index = HerokuYMLIndex(manifest)
        for build in manifest.builds {
            if let run = index.processes[build.processType] {
                processes.append(processType(run, in: index, into: &diagnostics))
                continue
            }
            let image = build.image
            let source = image?.commandLocation.map { " (\($0.rendered))" } ?? ""
            var command = image?.command.map { "`\($0)`\(source)" }
                ?? "the CMD of the base image its Dockerfile starts FROM"
            if let entrypoint = image?.entrypoint { command += " after its ENTRYPOINT `\(entrypoint)`" }
            diagnostics.note(
                .herokuYMLImageCommand,
                "heroku.yml has no `run.\(build.processType)`, so \(build.processType) runs its image's own CMD, "
                    + "\(command); convox.yml gives it no `command`, and Convox runs the CMD too",
                at: build.location)
            processes.append(ProcessType(
                name: build.processType, command: "", location: build.location, commandLocation: build.location,
                runsImageCommand: true, imageCommand: image?.command))
        }
        for run in manifest.processes where index.builds[run.processType] == nil {
            processes.append(processType(run, in: index, into: &diagnostics))
        }
        if let release = manifest.release { processes.append(processType(release, in: index, into: &diagnostics)) }
        return processes
    }

    /// A `run` entry or the release section as a process type, after checking the image it names.
    func processType(
        _ process: HerokuYMLProcess, in index: HerokuYMLIndex, into diagnostics: inout Diagnostics
    ) -> ProcessType {
        let what = process.processType == "release" ? "release" : "run.\(process.processType)"
        if let image = process.image, index.builds[image] == nil, let first = index.first {
            diagnostics.error(
                .herokuYMLUnknownImage,
                "`\(what).image` is \"\(image)\", but heroku.yml builds no image for a process type of that name "
                    + "(it builds \"\(first.processType)\"" + (index.builds.count > 1 ? ", ..." : "") + ")",
                at: process.imageLocation ?? process.location,
                hint: "name a process type listed under `build.docker`")
        } else if let build = index.imageBuild(for: process), let entrypoint = build.image?.entrypoint {
            diagnostics.note(
                .herokuYMLEntrypoint,
                "the \(build.processType) image has ENTRYPOINT \(entrypoint)"
                    + (build.image?.entrypointLocation.map { " (\($0.rendered))" } ?? "")
                    + ": like Heroku, Convox passes the `\(what)` command to it as arguments",
                at: process.commandLocation)
        }
        return ProcessType(
            name: process.processType, command: process.command, location: process.location,
            commandLocation: process.commandLocation)
    }

    /// Gives every service the build of its process type's image; the added jobs service takes `web`'s.
    func applyHerokuYMLBuilds(_ manifest: HerokuYMLManifest?, to services: inout [Service]) {
        guard let manifest, !manifest.builds.isEmpty else { return }
        let index = HerokuYMLIndex(manifest)
        for position in services.indices {
            let name = services[position].herokuName
            let process = manifest.release.flatMap { $0.processType == name ? $0 : nil } ?? index.processes[name]
            let build = process.flatMap { index.imageBuild(for: $0) } ?? index.builds[name] ?? index.defaultBuild
            if let build { services[position].build = ServiceBuild(path: build.context, manifest: build.manifest) }
        }
    }

    /// `setup.addons` and `setup.config` added to app.json's add-ons and env, which they work like: both are
    /// applied once, when the app is created (heroku/cli packages/apps-v5/src/commands/apps/create.js).
    func withHerokuYMLSetup(_ heroku: HerokuApp, into diagnostics: inout Diagnostics) -> HerokuApp {
        guard let manifest = heroku.herokuYML, !manifest.setupAddons.isEmpty || !manifest.setupConfig.isEmpty
        else { return heroku }
        var merged = heroku
        var appJSON = heroku.appJSON ?? AppJSONManifest(path: manifest.path)
        let location = manifest.setupAddons.first?.location ?? manifest.setupConfig.first?.location
        diagnostics.note(
            .herokuYMLSetup,
            "heroku.yml `setup` is applied only when Heroku creates the app (`heroku apps:create --manifest`), like "
                + "app.json; its add-ons become resources and its config the environment's defaults",
            at: location, hint: "pass --config-vars with the app's current values if they changed since")
        for addon in manifest.setupAddons {
            let isListed = appJSON.addons.contains {
                $0.service == addon.service && ($0.attachmentName ?? "") == (addon.attachmentName ?? "")
            }
            if !isListed { appJSON.addons.append(addon) }
            // The live app's config vars tell whether the add-on is still attached: it sets its variables.
            if let configVars = heroku.configVars, !configVars.isEmpty, let entry = AddOnCatalog.entry(for: addon.service) {
                let variables = entry.variables(attachment: addon.attachmentName ?? entry.defaultAttachment)
                if !variables.isEmpty, !configVars.contains(where: { variables.contains($0.key) }) {
                    diagnostics.note(
                        .herokuYMLSetupDiffers,
                        "setup.addons \"\(addon.planText)\" was added when the app was created, but the app's config "
                            + "vars have no " + variables.joined(separator: " or ") + " today, so it may be gone; "
                            + "it is carried over as a resource", at: addon.location,
                        hint: "remove it from heroku.yml if the app no longer uses it")
                }
            }
        }
        for entry in manifest.setupConfig {
            if let live = heroku.configVars?.last(where: { $0.key == entry.key }) {
                // Only the name is compared: the live value goes to the env file and overrides this default.
                diagnostics.note(
                    .herokuYMLSetupDiffers,
                    "setup.config.\(entry.key) was set when the app was created; the app still has it as a config "
                        + "var (\(live.location.rendered)), whose value the env file carries",
                    at: entry.location)
            } else if heroku.configVars != nil {
                diagnostics.note(
                    .herokuYMLSetupDiffers,
                    "setup.config.\(entry.key) was set when the app was created, but the app has no such config var "
                        + "today; its heroku.yml value is carried over as the default",
                    at: entry.location, hint: "remove it from heroku.yml if the app no longer needs it")
            }
            guard !appJSON.environment.contains(where: { $0.key == entry.key }) else { continue }
            appJSON.environment.append(
                AppJSONEnvironmentVariable(key: entry.key, value: entry.value, location: entry.location))
        }
        merged.appJSON = appJSON
        return merged
    }

    /// `build.config`: Heroku passes each entry to `docker build` as a build argument. Convox passes a Dockerfile
    /// `ARG` only from the app's environment, the one `convox env set` writes (convox/convox and convox/rack
    /// pkg/build/docker.go `buildArgs`; a convox.yml default does not reach the build, and convox.yml `build.args`
    /// is never passed to Docker), so each value goes to the env file and the key is declared required.
    func applyBuildConfig(_ manifest: HerokuYMLManifest?, to app: inout AppIR, into diagnostics: inout Diagnostics) {
        guard let manifest else { return }
        let declared = Set(manifest.builds.flatMap { $0.image?.arguments ?? [] })
        for entry in manifest.buildConfig {
            guard declared.contains(entry.key) else {
                diagnostics.note(
                    .herokuYMLBuildConfigUnused,
                    "build.config.\(entry.key) is a Docker build argument on Heroku, but no Dockerfile heroku.yml "
                        + "builds declares `ARG \(entry.key)`, so it had no effect; it is left out",
                    at: entry.location)
                continue
            }
            let isSecret = SecretDetection.isSecret(key: entry.key, value: entry.value, isGenerated: false)
            diagnostics.warning(
                .herokuYMLBuildConfig,
                "build.config.\(entry.key): Convox fills `ARG \(entry.key)` from the app's environment when it builds, "
                    + "so \(entry.key) is declared required and its value goes to the env file; the value is baked "
                    + "into the image, and unlike on Heroku it is also set while the app runs",
                at: entry.location,
                hint: "load the env file with `convox env set` before the first build; never pass a secret this way")
            if let index = app.environment.firstIndex(where: { $0.key == entry.key }) {
                app.environment[index].defaultValue = nil
                app.environment[index].isRequired = true
            } else {
                app.environment.append(EnvironmentDeclaration(
                    key: entry.key, isRequired: true, isSecret: isSecret, origin: entry.location))
            }
            if !app.envFileKeys.contains(entry.key) { app.envFileKeys.append(entry.key) }
            if !app.environmentValues.contains(where: { $0.key == entry.key }) {
                app.environmentValues.append(
                    EnvironmentValue(key: entry.key, value: entry.value, isSecret: isSecret, origin: entry.location))
            }
        }
    }
}

/// heroku.yml's builds and processes by process type (the last of a name, as YAML keeps it), so an app with
/// thousands of process types is looked up in linear time.
struct HerokuYMLIndex {
    var builds: [String: HerokuYMLBuild] = [:]
    var processes: [String: HerokuYMLProcess] = [:]
    var first: HerokuYMLBuild?

    init(_ manifest: HerokuYMLManifest) {
        for build in manifest.builds { builds[build.processType] = build }
        for process in manifest.processes { processes[process.processType] = process }
        first = manifest.builds.first
    }

    /// `web`'s build, else the first one: where a process without a build of its own runs.
    var defaultBuild: HerokuYMLBuild? { builds["web"] ?? first }

    /// The build whose image a process runs: its own `build.docker` entry, its `image:`, else `web`'s (as Heroku
    /// does for a `run` entry without either), else the first one.
    func imageBuild(for process: HerokuYMLProcess) -> HerokuYMLBuild? {
        if process.processType != "release", let own = builds[process.processType] { return own }
        if let image = process.image { return builds[image] }
        return defaultBuild
    }
}
