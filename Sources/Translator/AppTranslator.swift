extension DiagnosticID {
    static let renamedType: DiagnosticID = "procfile.renamed-type"
    static let nameClash: DiagnosticID = "procfile.name-clash"
    static let invalidName: DiagnosticID = "procfile.invalid-name"
    static let defaultPort: DiagnosticID = "service.default-port"
    static let portOutOfRange: DiagnosticID = "service.port-out-of-range"
    static let noWebProcess: DiagnosticID = "service.no-web"
    static let releasePhase: DiagnosticID = "service.release-phase"
    static let oneOffType: DiagnosticID = "service.one-off"
    static let nothingToConvert: DiagnosticID = "app.nothing-to-convert"
    static let releaseAsInitContainer: DiagnosticID = "service.release-init-container"
    static let initContainerUnavailable: DiagnosticID = "service.init-container-unavailable"
}

/// The Heroku-to-Convox mapping rules: from what the frontends read to the app Convox will run.
/// Every value that is changed or dropped on the way is reported.
public struct AppTranslator: Sendable {
    /// Process type names that are, by convention, only ever run by hand (`heroku run`), never scaled up.
    public static let oneOffTypeNames: Set<String> = [
        "console", "shell", "repl", "rake", "cli", "migrate", "setup", "seed", "backup", "check", "test",
    ]

    public var options: ConversionOptions

    public init(options: ConversionOptions) { self.options = options }

    public func translate(_ heroku: HerokuApp, into diagnostics: inout Diagnostics) -> AppIR {
        var app = AppIR(sourceFiles: heroku.sourceFiles)
        guard let processTypes = heroku.processTypes ?? defaultProcessTypes(for: heroku, into: &diagnostics) else {
            let reason = nothingToConvertReason(heroku)
            diagnostics.error(.nothingToConvert, reason.message, hint: reason.hint)
            return app
        }
        app.services = services(from: processTypes, into: &diagnostics)
        if !app.services.isEmpty, app.webService == nil {
            diagnostics.note(
                .noWebProcess,
                "the Procfile has no web process type, so no service gets a port or a load balancer",
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
        applyAppJSONAndConfigVars(heroku, to: &app, into: &diagnostics)
        applyDomains(heroku.domains, to: &app, into: &diagnostics)
        addTimers(from: heroku.schedulerJobs, to: &app, into: &diagnostics)
        declareBuildpackSecrets(heroku, to: &app, into: &diagnostics)
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
                hint: "run `convox run \(release.name) \(ShellCommand.convoxRunArgument(command))` before `convox releases promote`"
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
        var port: Int?
        if role == .web {
            let rewrite = InterpolationRewriter.rewrite(process.command)
            let portDefault = rewrite.defaults.first { $0.name == "PORT" }.flatMap { PortDetection.port(in: $0.value) }
            if let literal = PortDetection.literalPort(in: process.command) {
                port = literal
            } else if let portDefault {
                port = portDefault
            } else if let wrong = PortDetection.outOfRangePort(in: process.command) {
                port = PortDetection.defaultPort
                diagnostics.warning(
                    .portOutOfRange,
                    "\(what) listens on port \(wrong), which is out of range (1 to 65535), so it gets port "
                        + "\(PortDetection.defaultPort); Convox sets PORT=\(PortDetection.defaultPort) for it",
                    at: process.location, hint: "fix the port in the command, or use $PORT")
            } else {
                port = PortDetection.defaultPort
                diagnostics.note(
                    .defaultPort,
                    "\(what) names no port, so it gets port \(PortDetection.defaultPort); Convox sets "
                        + "PORT=\(PortDetection.defaultPort) for it as Heroku set $PORT",
                    at: process.location)
            }
        }
        let translated = CommandTranslation.translate(
            process.command, at: process.commandLocation, what: what, options: options,
            providedVariables: port == nil ? [] : ["PORT"], into: &diagnostics)
        var environment = translated.environmentDefaults
        if options.generation == .two, let port, translated.command.shellText.contains("PORT") {
            // Generation 2 racks are not documented to set PORT; declare it so $PORT matches `port:`.
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
                at: process.location, hint: "run it with `convox run \(name)`")
        default:
            break
        }
        return Service(
            name: name, herokuName: process.name, role: role, command: translated.command, port: port, scale: scale,
            environment: environment, location: process.location)
    }
}
