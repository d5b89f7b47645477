extension DiagnosticID {
    static let renamedType: DiagnosticID = "procfile.renamed-type"
    static let nameClash: DiagnosticID = "procfile.name-clash"
    static let invalidName: DiagnosticID = "procfile.invalid-name"
    static let nameTooLong: DiagnosticID = "procfile.name-too-long"
    static let defaultPort: DiagnosticID = "service.default-port"
    static let portOutOfRange: DiagnosticID = "service.port-out-of-range"
    static let noWebProcess: DiagnosticID = "service.no-web"
    static let releasePhase: DiagnosticID = "service.release-phase"
    static let oneOffType: DiagnosticID = "service.one-off"
    static let nothingToConvert: DiagnosticID = "app.nothing-to-convert"
    static let releaseAsInitContainer: DiagnosticID = "service.release-init-container"
    static let initContainerUnavailable: DiagnosticID = "service.init-container-unavailable"
    static let profileSourced: DiagnosticID = "command.profile"
}

/// The Heroku-to-Convox mapping rules: from what the frontends read to the app Convox will run.
/// Every value that is changed or dropped on the way is reported.
public struct AppTranslator: Sendable {
    /// Process type names that are, by convention, only ever run by hand (`heroku run`), never scaled up.
    public static let oneOffTypeNames: Set<String> = [
        "console", "shell", "repl", "rake", "cli", "migrate", "setup", "seed", "backup", "check", "test",
    ]

    public var options: ConversionOptions
    /// How commands are started; decided from the app's files before any command is translated.
    var launcher = CommandLauncher.bash

    public init(options: ConversionOptions) { self.options = options }

    public func translate(_ heroku: HerokuApp, into diagnostics: inout Diagnostics) -> AppIR {
        let heroku = applyingSnapshot(heroku, into: &diagnostics)
        var translator = self
        translator.launcher = commandLauncher(for: heroku, into: &diagnostics)
        return translator.translateApp(heroku, into: &diagnostics)
    }

    /// bash for the images translate generates, as Heroku ran buildpack apps; `sh` for the app's own Dockerfile,
    /// as Heroku's container stack did. A `.profile` in the app's root is sourced first, as Heroku sourced it
    /// before every dyno's command (and `heroku run`); Heroku's container stack does not read it.
    func commandLauncher(for heroku: HerokuApp, into diagnostics: inout Diagnostics) -> CommandLauncher {
        if heroku.herokuYML?.builds.isEmpty == false || heroku.runtime?.hasOwnDockerfile == true {
            return .posixShell
        }
        guard heroku.directoryListing.contains(".profile") else { return .bash }
        diagnostics.note(
            .profileSourced,
            "Heroku sourced the app's .profile before every command; on Convox each command runs as "
                + "env BASH_ENV=/app/.profile bash -c '<command>', so bash sources it first and its settings still "
                + "apply (bash scripts the command starts source it again)",
            at: SourceLocation(file: ".profile"),
            hint: "move what .profile sets into convox.yml environment if you want plain commands")
        return CommandLauncher(shell: "bash", profilePath: "/app/.profile")
    }

    func translateApp(_ heroku: HerokuApp, into diagnostics: inout Diagnostics) -> AppIR {
        var app = AppIR(sourceFiles: heroku.sourceFiles)
        app.commandLauncher = launcher
        let containerProcesses = herokuYMLProcessTypes(heroku, into: &diagnostics)
        // Buildpack default process types exist only for buildpack apps, not for heroku.yml container apps.
        let procfileTypes = heroku.processTypes.map {
            mergingDefaultProcessTypes(into: $0, for: heroku, into: &diagnostics)
        }
        guard let processTypes = containerProcesses ?? procfileTypes
            ?? defaultProcessTypes(for: heroku, into: &diagnostics)
        else {
            let reason = nothingToConvertReason(heroku)
            diagnostics.error(.nothingToConvert, reason.message, hint: reason.hint)
            return app
        }
        app.services = services(from: processTypes, into: &diagnostics)
        if containerProcesses != nil { applyHerokuYMLBuilds(heroku.herokuYML, to: &app.services) }
        if !app.services.isEmpty, app.webService == nil {
            diagnostics.note(
                .noWebProcess,
                "the \(containerProcesses == nil ? "Procfile" : "heroku.yml") has no web process type, so no service "
                    + "gets a port or a load balancer",
                at: processTypes.first.map { SourceLocation(file: $0.location.file) })
        }
        app.releaseTasks = app.services.filter { $0.role == .release }.compactMap { service in
            service.command.map { ReleaseTask(kind: .releasePhase, command: $0, service: service.name,
                location: service.location) }
        }
        app.services = placingReleasePhase(in: app.services, into: &diagnostics)
        if !app.services.contains(where: { $0.role == .release }), let web = app.webService {
            for index in app.releaseTasks.indices { app.releaseTasks[index].service = web.name }
        }
        // Resources are linked before the jobs service is added, which copies the links of the other services.
        applyAppJSONAndConfigVars(withHerokuYMLSetup(heroku, into: &diagnostics), to: &app, into: &diagnostics)
        applyBuildConfig(heroku.herokuYML, to: &app, into: &diagnostics)
        applyDefaultScale(to: &app.services, formation: heroku.appJSON?.formation ?? [], into: &diagnostics)
        addWebConcurrencyDefaults(to: &app, heroku: heroku, into: &diagnostics)
        applyDomains(heroku.domains, to: &app, into: &diagnostics)
        applyHealthCheck(heroku, to: &app, into: &diagnostics)
        addTimers(from: heroku.schedulerJobs, to: &app, into: &diagnostics)
        if containerProcesses != nil { applyHerokuYMLBuilds(heroku.herokuYML, to: &app.services) }
        declareBuildpackSecrets(heroku, to: &app, into: &diagnostics)
        resolveEnvironmentPrecedence(in: &app, into: &diagnostics)
        app.buildPlan = buildPlan(for: heroku, services: app.services, into: &diagnostics)
        return app
    }

    /// `--release-phase init`: the release command moves to the web service's `initContainer`.
    func placingReleasePhase(in services: [Service], into diagnostics: inout Diagnostics) -> [Service] {
        guard let releaseIndex = services.firstIndex(where: { $0.role == .release }),
            let command = services[releaseIndex].command
        else { return services }
        let release = services[releaseIndex]
        func keepAsService() -> [Service] {
            diagnostics.note(
                .releasePhase,
                "process type \"\(release.herokuName)\" is Heroku's release phase; Convox has none, so it becomes "
                    + "the scale-0 service \"\(release.name)\" to run before promoting each release",
                at: release.location,
                hint: "run `convox run \(release.name) "
                    + "\(launcher.convoxRunArgument(command, generation: options.generation))` "
                    + "before `convox releases promote`"
                    + (options.releasePhase == .service ? ", or use --release-phase init" : ""))
            return services
        }
        guard options.releasePhase == .initContainer else { return keepAsService() }
        guard options.generation == .three else {
            diagnostics.warning(
                .initContainerUnavailable,
                "--release-phase init needs Convox generation 3 (initContainer); process type "
                    + "\"\(release.herokuName)\" stays a scale-0 service",
                at: release.location, hint: "drop --release-phase init, or target a generation 3 rack")
            return keepAsService()
        }
        guard let webIndex = services.firstIndex(where: { $0.role == .web }) else {
            diagnostics.warning(
                .initContainerUnavailable,
                "--release-phase init needs a web process type to attach the initContainer to; process type "
                    + "\"\(release.herokuName)\" stays a scale-0 service",
                at: release.location)
            return keepAsService()
        }
        guard release.build == services[webIndex].build else {
            // An initContainer runs in its service's image (heroku.yml `release.image` can name another one).
            diagnostics.warning(
                .initContainerUnavailable,
                "--release-phase init would run the release command in web's image, but heroku.yml runs it in "
                    + "another image; process type \"\(release.herokuName)\" stays a scale-0 service",
                at: release.location, hint: "drop --release-phase init, or set heroku.yml `release.image: web`")
            return keepAsService()
        }
        var result = services
        result[webIndex].initCommand = command
        result.remove(at: releaseIndex)
        diagnostics.warning(
            .releaseAsInitContainer,
            "process type \"\(release.herokuName)\" becomes the initContainer of \"web\": unlike Heroku's release "
                + "phase it runs before every web pod starts (each replica, restart and scale-up), not once per "
                + "release",
            at: release.location, hint: "make the command safe to run concurrently and repeatedly, or drop "
                + "--release-phase init to get a scale-0 release service")
        return result
    }

    /// Longest service name: Kubernetes' limit for a Service (an RFC 1035 label).
    public static let maximumServiceNameLength = 63

    func services(from processTypes: [ProcessType], into diagnostics: inout Diagnostics) -> [Service] {
        var services: [Service] = []
        var claimedBy: [String: ProcessType] = [:]
        for process in processTypes {
            guard let name = ServiceNaming.normalize(process.name) else {
                diagnostics.error(
                    .invalidName, "process type \"\(process.name)\" has no letters or digits to name a service",
                    at: process.location, hint: "rename the process type")
                continue
            }
            // Convox names the service's Kubernetes Deployment and Service after it, and a Service name is an
            // RFC 1035 label of at most 63 characters: a longer one fails the deploy, not the conversion.
            guard name.count <= Self.maximumServiceNameLength else {
                diagnostics.error(
                    .nameTooLong, "process type \"\(process.name)\" gives a service name of \(name.count) characters; "
                        + "Convox (Kubernetes) allows at most \(Self.maximumServiceNameLength)", at: process.location,
                    hint: "rename the process type to at most \(Self.maximumServiceNameLength) characters")
                continue
            }
            if let earlier = claimedBy[name] {
                diagnostics.error(
                    .nameClash,
                    "process types \"\(earlier.name)\" and \"\(process.name)\" both become the Convox service "
                        + "\"\(name)\"",
                    at: process.location, hint: "rename one of them so their names differ after lower-casing "
                        + "and replacing \"_\" with \"-\"")
                continue
            }
            claimedBy[name] = process
            if name != process.name {
                diagnostics.note(
                    .renamedType,
                    "process type \"\(process.name)\" renamed to \"\(name)\" (Convox names are lower case "
                        + "letters, digits and dashes)",
                    at: process.location)
            }
            services.append(service(named: name, from: process, into: &diagnostics))
        }
        return services
    }

    func service(named name: String, from process: ProcessType, into diagnostics: inout Diagnostics) -> Service {
        let role: ServiceRole
        switch name {
        case "web": role = .web
        case "release": role = .release
        case _ where Self.oneOffTypeNames.contains(name): role = .oneOff
        default: role = .worker
        }
        let what = "process type \"\(process.name)\""
        let portSetter = options.generation == .three
            ? "Convox sets" : "generation 2 does not set PORT, so translate declares"
        var port: Int?
        // A process that runs its image's own CMD listens where that CMD says.
        let portSource = process.runsImageCommand ? process.imageCommand ?? "" : process.command
        if role == .web {
            let rewrite = InterpolationRewriter.rewrite(portSource)
            let portDefault = rewrite.defaults.first { $0.name == "PORT" }.flatMap { PortDetection.port(in: $0.value) }
            if let literal = PortDetection.literalPort(in: portSource) {
                port = literal
            } else if let portDefault {
                port = portDefault
            } else if let wrong = PortDetection.outOfRangePort(in: portSource) {
                port = PortDetection.defaultPort
                diagnostics.warning(
                    .portOutOfRange,
                    "\(what) listens on port \(wrong), which is out of range (1 to 65535), so it gets port "
                        + "\(PortDetection.defaultPort); \(portSetter) PORT=\(PortDetection.defaultPort) for it",
                    at: process.location, hint: "fix the port in the command, or use $PORT")
            } else {
                port = PortDetection.defaultPort
                diagnostics.note(
                    .defaultPort,
                    "\(what) names no port, so it gets port \(PortDetection.defaultPort); \(portSetter) "
                        + "PORT=\(PortDetection.defaultPort) for it as Heroku set $PORT",
                    at: process.location)
            }
        }
        // Generation 3 sets PORT to `port:` (convox/convox provider/k8s/helpers.go); generation 2 never does (its
        // service template passes only declared environment, convox/rack provider/aws/formation/service.json.tmpl),
        // so a server that reads PORT or falls back to its own default (gunicorn's 8000) needs it declared.
        let translated = process.runsImageCommand ? nil : CommandTranslation.translate(
            process.command, at: process.commandLocation, what: what, options: options, launcher: launcher,
            providedVariables: port == nil ? [] : ["PORT"], into: &diagnostics)
        var environment = translated?.environmentDefaults ?? []
        if options.generation == .two, let port {
            environment.insert(EnvironmentDeclaration(key: "PORT", defaultValue: String(port)), at: 0)
        }
        var scale = Scale()
        switch role {
        case .release:
            scale.count = 0
        case .oneOff:
            scale.count = 0
            diagnostics.note(
                .oneOffType, "\(what) looks like a one-off command, so its service starts at scale 0",
                at: process.location,
                hint: "run it with `convox run \(name) "
                    + (translated.map { launcher.convoxRunArgument($0.command, generation: options.generation) }
                        ?? "<command>")
                    + "` (`convox run` takes the command, not the service's)")
        default:
            break
        }
        return Service(
            name: name, herokuName: process.name, role: role, command: translated?.command, port: port, scale: scale,
            environment: environment, location: process.location,
            imageCommand: process.runsImageCommand ? process.imageCommand : nil)
    }
}
