extension DiagnosticID {
    static let addOnResource: DiagnosticID = "addon.resource"
    static let addOnUnsupported: DiagnosticID = "addon.unsupported"
    static let addOnScheduler: DiagnosticID = "addon.scheduler"
    static let addOnOptionDropped: DiagnosticID = "addon.option-dropped"
    static let addOnRenamedResource: DiagnosticID = "addon.renamed-resource"
    static let addOnLinkVariable: DiagnosticID = "addon.link-variable"
    static let addOnVariablesDiffer: DiagnosticID = "addon.variables-differ"
    static let platformVariable: DiagnosticID = "environment.platform-variable"
    static let resourceVariable: DiagnosticID = "environment.resource-variable"
    static let generateSecret: DiagnosticID = "environment.generate-secret"
    static let requiredWithoutValue: DiagnosticID = "environment.required-without-value"
    static let valueNotInManifest: DiagnosticID = "environment.value-not-in-manifest"
    static let invalidVariableName: DiagnosticID = "environment.invalid-name"
    static let convoxVariable: DiagnosticID = "environment.convox-variable"
    static let formationUnknownSize: DiagnosticID = "formation.unknown-size"
    static let formationUnknownType: DiagnosticID = "formation.unknown-process-type"
    static let formationExceedsNode: DiagnosticID = "formation.exceeds-default-node"
    static let formationDuplicateType: DiagnosticID = "formation.duplicate-process-type"
    static let postdeploy: DiagnosticID = "appjson.postdeploy"
    static let scriptNotApplicable: DiagnosticID = "appjson.script-not-applicable"
    static let environmentsNotApplicable: DiagnosticID = "appjson.environments"
}

/// The app.json and config-var rules: add-ons become resources linked to every service, env and config vars
/// become `environment:` declarations plus real values for the env file, formation becomes `scale`, and
/// `scripts.postdeploy` becomes a release task. Heroku gives every dyno every config var and every add-on, so
/// all of this is app-level: top-level `environment:`, and each resource linked to each service.
extension AppTranslator {
    /// Variables Heroku's platform sets on every dyno (dyno metadata, review apps); Convox sets its own
    /// (`APP`, `RELEASE`, `SERVICE`, `PORT`), so these are never copied.
    public static let platformVariables = [
        "PORT", "DYNO", "HEROKU_APP_ID", "HEROKU_APP_NAME", "HEROKU_BRANCH", "HEROKU_DYNO_ID",
        "HEROKU_PARENT_APP_NAME", "HEROKU_PR_NUMBER", "HEROKU_RELEASE_CREATED_AT", "HEROKU_RELEASE_VERSION",
        "HEROKU_SLUG_COMMIT", "HEROKU_SLUG_DESCRIPTION",
    ]

    /// Variables Convox sets in every process itself (convox/convox provider/k8s/helpers.go: systemEnvironment,
    /// appEnvironment, buildEnvironment, releaseEnvironment, serviceEnvironment). The app's own environment is
    /// applied last there, so a Heroku config var of the same name would replace Convox's value (`RACK_URL` is
    /// what the `convox` CLI inside a container talks to).
    public static let convoxVariables = [
        "APP", "BUILD", "BUILD_DESCRIPTION", "BUILD_GIT_SHA", "RACK", "RACK_URL", "RELEASE", "SERVICE",
    ]

    /// The two lists above as sets, looked up once per config var.
    static let convoxVariableSet = Set(convoxVariables)
    static let platformVariableSet = Set(platformVariables)

    /// A name every reader of the environment takes as one variable: POSIX's portable form, which is also what
    /// Heroku's docs ask config var keys to use. Anything else (`1ABC`, `A-B`, `A.B`, `A=B`, a blank, a control
    /// character, non-ASCII) is broken by `KEY=value` lines or by the shell, so it is never passed on.
    public static func isValidVariableName(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || ("A"..."Z").contains(first)
            || ("a"..."z").contains(first)
        else { return false }
        return key.unicodeScalars.allSatisfy {
            $0 == "_" || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
        }
    }

    /// Applies app.json and config vars to `app`, whose services already exist.
    func applyAppJSONAndConfigVars(_ heroku: HerokuApp, to app: inout AppIR, into diagnostics: inout Diagnostics) {
        guard heroku.appJSON != nil || heroku.configVars != nil else { return }
        if let name = heroku.appJSON?.name { app.name = name }
        let injected = resources(from: heroku.appJSON?.addons ?? [], into: &app, diagnostics: &diagnostics)
        environment(heroku, injected: injected, into: &app, diagnostics: &diagnostics)
        if let manifest = heroku.appJSON {
            applyFormation(manifest.formation, to: &app.services, into: &diagnostics)
            applyScripts(manifest, to: &app, into: &diagnostics)
        }
    }

    /// A config var a resource now provides, and the resource that provides it.
    struct InjectedVariable {
        /// The exact name, or with `isPrefix` the start of Heroku's generated `HEROKU_POSTGRESQL_<COLOR>_URL` names.
        var key: String
        var resource: String
        var addon: String
        var isPrefix = false

        func matches(_ name: String) -> Bool {
            isPrefix ? name.hasPrefix(key) && name.hasSuffix("_URL") : name == key
        }
    }

    /// Config vars an unsupported add-on set, which the app still needs from somewhere.
    struct AddOnVariable {
        var key: String
        var location: SourceLocation
    }

    func resources(
        from addons: [AppJSONAddon], into app: inout AppIR, diagnostics: inout Diagnostics
    ) -> (injected: [InjectedVariable], required: [AddOnVariable]) {
        var injected: [InjectedVariable] = []
        var required: [AddOnVariable] = []
        checkResourcesOption(for: addons, into: &diagnostics)
        for addon in addons {
            let retired = AddOnCatalog.isRetired(service: addon.service, plan: addon.plan)
                ? "; plan \"\(addon.plan ?? "")\" no longer exists on Heroku" : ""
            if addon.service == "scheduler" {
                diagnostics.note(
                    .addOnScheduler,
                    "add-on \"\(addon.planText)\" is Heroku Scheduler; its jobs are not in app.json\(retired)",
                    at: addon.location,
                    hint: "pass the jobs with --scheduler FILE to turn them into Convox timers")
                continue
            }
            guard let entry = AddOnCatalog.entry(for: addon.service) else {
                let prefix = (addon.attachmentName ?? addon.service).uppercased().replacingDashes()
                diagnostics.warning(
                    .addOnUnsupported,
                    "add-on \"\(addon.planText)\" has no Convox equivalent that translate knows\(retired)",
                    at: addon.location,
                    hint: "provision the service elsewhere and set the config vars it provided (names starting "
                        + "\(prefix)_) with `convox env set`")
                continue
            }
            let attachment = addon.attachmentName ?? entry.defaultAttachment
            let variables = entry.variables(attachment: attachment)
            guard let type = entry.resourceType else {
                diagnostics.warning(
                    .addOnUnsupported,
                    "add-on \"\(addon.planText)\" has no Convox resource\(retired); the config vars it set ("
                        + variables.joined(separator: ", ") + ") become required environment variables",
                    at: addon.location, hint: entry.advice)
                required += variables.map { AddOnVariable(key: $0, location: addon.location) }
                continue
            }
            var resource = Resource(
                name: "", type: type, herokuPlan: addon.planText, location: addon.location)
            for option in addon.options {
                if option.key == "version" {
                    resource.options.append(ResourceOption(key: "version", value: option.value))
                } else {
                    diagnostics.warning(
                        .addOnOptionDropped,
                        "add-on option \"\(option.key)\" of \"\(addon.planText)\" has no Convox equivalent and is "
                            + "left out", at: option.location, hint: "set it up on the resource by hand if it matters")
                }
            }
            // Convox injects <NAME>_URL for a resource NAME, so the attachment name gives the same variable.
            let wanted = attachment.lowercased().replacingUnderscores()
            var link = ResourceLink(resource: wanted)
            var name = wanted
            if !ServiceNaming.isValid(wanted) || wanted.hasSuffix("-") || wanted.contains("--") {
                name = entry.defaultAttachment.lowercased().replacingUnderscores()
                link = ResourceLink(resource: name, variable: "\(attachment)_URL")
            }
            if app.resources.contains(where: { $0.name == name }) {
                var number = 2
                while app.resources.contains(where: { $0.name == "\(name)-\(number)" }) { number += 1 }
                let renamed = "\(name)-\(number)"
                diagnostics.warning(
                    .addOnRenamedResource,
                    "add-on \"\(addon.planText)\" would also become resource \"\(name)\"; it is named "
                        + "\"\(renamed)\", so the app finds it in \(renamed.uppercased().replacingDashes())_URL "
                        + "(on Heroku a second add-on got a generated name such as HEROKU_POSTGRESQL_<COLOR>_URL)",
                    at: addon.location, hint: "give each add-on its own \"as\" name in app.json")
                name = renamed
                link = ResourceLink(resource: name)
            }
            link.resource = name
            if link.variable != nil {
                if options.generation == .two {
                    diagnostics.warning(
                        .addOnLinkVariable,
                        "resource \"\(name)\" must be linked as \(link.variable ?? ""), which generation 2 racks "
                            + "do not support; the app will see \(name.uppercased().replacingDashes())_URL instead",
                        at: addon.location, hint: "read \(name.uppercased().replacingDashes())_URL in the app")
                    link.variable = nil
                }
            }
            resource.name = name
            sizeResource(&resource, addon: addon, into: &diagnostics)
            app.resources.append(resource)
            if let caveat = entry.advice {
                diagnostics.warning(.addOnVariablesDiffer, "add-on \"\(addon.planText)\": \(caveat)",
                    at: addon.location, hint: "change the app to read the variables Convox injects")
            }
            let convoxVariable = link.variable ?? "\(name.uppercased().replacingDashes())_URL"
            diagnostics.note(
                .addOnResource,
                "add-on \"\(addon.planText)\" becomes the \(resource.manifestType(for: options.generation)) "
                    + "resource \"\(name)\", linked to every service as \(convoxVariable)\(retired)",
                at: addon.location)
            for index in app.services.indices { app.services[index].resources.append(link) }
            var provided = variables
            if link.variable == nil {
                let base = name.uppercased().replacingDashes()
                provided += ["URL", "USER", "PASS", "HOST", "PORT", "NAME"].map { "\(base)_\($0)" }
            }
            for key in provided where !injected.contains(where: { $0.key == key }) {
                injected.append(InjectedVariable(key: key, resource: name, addon: addon.planText))
            }
            if let prefix = entry.generatedVariablePrefix {
                injected.append(InjectedVariable(key: prefix, resource: name, addon: addon.planText, isPrefix: true))
            }
        }
        return (injected, required)
    }

    /// One environment variable as both inputs describe it.
    struct EnvironmentSource {
        var key: String
        var appJSON: AppJSONEnvironmentVariable?
        var configVar: ConfigVar?
        var addOnLocation: SourceLocation?

        var location: SourceLocation? { configVar?.location ?? appJSON?.location ?? addOnLocation }
    }

    func environment(
        _ heroku: HerokuApp, injected: (injected: [InjectedVariable], required: [AddOnVariable]),
        into app: inout AppIR, diagnostics: inout Diagnostics
    ) {
        var sources: [EnvironmentSource] = []
        // Positions in `sources` by key, so that 10,000 config vars stay linear.
        var positions: [String: Int] = [:]
        func index(of key: String) -> Int {
            if let existing = positions[key] { return existing }
            sources.append(EnvironmentSource(key: key))
            positions[key] = sources.count - 1
            return sources.count - 1
        }
        for variable in heroku.appJSON?.environment ?? [] { sources[index(of: variable.key)].appJSON = variable }
        for variable in heroku.configVars ?? [] { sources[index(of: variable.key)].configVar = variable }
        for variable in injected.required where positions[variable.key] == nil {
            sources[index(of: variable.key)].addOnLocation = variable.location
        }
        // The add-on that provides a key: exact names by key (the first entry wins, as a scan in order would),
        // then the few colour prefixes in order, so 10,000 variables do not each scan every injected name.
        var exactProviders: [String: Int] = [:]
        for (position, variable) in injected.injected.enumerated() where !variable.isPrefix {
            if exactProviders[variable.key] == nil { exactProviders[variable.key] = position }
        }
        let prefixProviders = injected.injected.filter(\.isPrefix)
        var missing: [String] = []
        for source in sources {
            let key = source.key
            guard Self.isValidVariableName(key) else {
                diagnostics.warning(
                    .invalidVariableName,
                    "\"\(key)\" is not a valid environment variable name; it is left out of convox.yml and the "
                        + "env file", at: source.location,
                    hint: "use letters, digits and _ only, not starting with a digit, and change the app to read "
                        + "the new name")
                continue
            }
            if Self.convoxVariableSet.contains(key) {
                diagnostics.warning(
                    .convoxVariable,
                    "\(key) is set by Convox itself in every process; a value here would replace Convox's, so it is "
                        + "left out", at: source.location,
                    hint: "if the app needs the Heroku value, rename the variable (and the code reading it) and set "
                        + "it with `convox env set`")
                continue
            }
            if Self.platformVariableSet.contains(key) {
                diagnostics.note(
                    .platformVariable,
                    "\(key) is set by Heroku's platform, not by the app; it is left out (Convox sets APP, RELEASE, "
                        + "SERVICE and PORT itself)",
                    at: source.location,
                    hint: key == "PORT" ? nil : "if the app reads \(key), set it with `convox env set`")
                continue
            }
            // An exact name (HEROKU_POSTGRESQL_COBALT_URL of an add-on attached by that name) before a colour prefix.
            if let provider = exactProviders[key].map({ injected.injected[$0] })
                ?? prefixProviders.first(where: { $0.matches(key) })
            {
                diagnostics.note(
                    .resourceVariable,
                    "\(key) came from add-on \"\(provider.addon)\"; it is left out so the app uses the Convox "
                        + "resource \"\(provider.resource)\" instead of the Heroku one",
                    at: source.location,
                    hint: "to keep using the Heroku service during the move, set \(key) with `convox env set`")
                continue
            }
            // Committed outputs depend on the key names and committed inputs alone: a live value (config vars
            // file) goes to the env file only, and a default in convox.yml comes only from app.json `value`.
            let isLive = source.configVar != nil
            let realValue = isLive ? heroku.liveConfigValues[key] : nil
            let defaultValue = source.appJSON?.value
            let isGenerated = source.appJSON?.isGeneratedSecret == true
            let isSecret = SecretDetection.isSecret(key: key, value: defaultValue, isGenerated: isGenerated)
            let isOptional = source.appJSON?.isRequired == false && !isLive && defaultValue == nil
            var declaration = EnvironmentDeclaration(
                key: key, isRequired: true, isSecret: isSecret, description: source.appJSON?.description,
                origin: source.location)
            if isLive || (isSecret && defaultValue != nil) {
                app.envFileKeys.append(key)
            }
            if let value = realValue ?? (isSecret ? defaultValue : nil) {
                // The value itself only decides what messages and dumps may show.
                let looksSecret = isSecret || SecretDetection.isSecret(key: key, value: value, isGenerated: false)
                app.environmentValues.append(
                    EnvironmentValue(key: key, value: value, isSecret: looksSecret, origin: source.location))
            }
            if isOptional {
                // An empty optional default exposes nothing, so even a secret-looking key is written `KEY=`.
                declaration.isRequired = false
                declaration.isSecret = false
                declaration.defaultValue = ""
            } else if !isSecret, let value = defaultValue {
                if Self.fitsManifest(value) {
                    declaration.isRequired = false
                    declaration.defaultValue = value
                } else {
                    diagnostics.note(
                        .valueNotInManifest,
                        "the value of \(key) has a line break, a control character or \"${\", which Convox would "
                            + "change in convox.yml; "
                            + "it is declared as required instead",
                        at: source.location)
                    if !isLive {
                        app.envFileKeys.append(key)
                        app.environmentValues.append(
                            EnvironmentValue(key: key, value: value, isSecret: false, origin: source.location))
                    }
                }
            } else if !isLive && defaultValue == nil {
                if isGenerated {
                    diagnostics.note(
                        .generateSecret,
                        "\(key) is a secret Heroku generated when the app was created; it has no value yet",
                        at: source.location,
                        hint: "create one with `convox env set \(key)=$(openssl rand -hex 32)`, or copy the "
                            + "Heroku value with --config-vars")
                } else {
                    missing.append(key)
                }
            }
            app.environment.append(declaration)
        }
        if !missing.isEmpty {
            let missingKeys = Set(missing)
            let location = sources.first { missingKeys.contains($0.key) }?.location
            diagnostics.note(
                .requiredWithoutValue,
                "required environment variables with no value yet: " + missing.joined(separator: ", ")
                    + "; Convox refuses to build the app until each one is set",
                at: location, hint: "set them with `convox env set`, or pass --config-vars with the Heroku values")
        }
    }

    /// Convox replaces `${...}` in convox.yml before parsing it, and a default is one line with no control
    /// character (a JSON-escaped `\u0000` must not reach convox.yml, where YAML readers disagree on it).
    /// One pass over the bytes: a line break is a control character, and U+0080...U+009F are `C2 80`...`C2 9F`.
    static func fitsManifest(_ value: String) -> Bool {
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if byte < 0x20 && byte != UInt8(ascii: "\t") || byte == 0x7F { return false }
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return false }
            if previous == UInt8(ascii: "$") && byte == UInt8(ascii: "{") { return false }
            previous = byte
        }
        return true
    }

    func applyFormation(
        _ formation: [AppJSONFormation], to services: inout [Service], into diagnostics: inout Diagnostics
    ) {
        // The first service of each Heroku name and of each Convox name, so 1,000 entries stay linear.
        var byHerokuName: [String: Int] = [:]
        var byName: [String: Int] = [:]
        for (index, service) in services.enumerated() {
            if byHerokuName[service.herokuName] == nil { byHerokuName[service.herokuName] = index }
            if byName[service.name] == nil { byName[service.name] = index }
        }
        var firstEntry: [String: AppJSONFormation] = [:]
        for entry in formation {
            // The array form can name a type twice (the object form's duplicate keys are reported by the reader).
            if let first = firstEntry[entry.processType] {
                diagnostics.warning(
                    .formationDuplicateType,
                    "formation names process type \"\(entry.processType)\" again (first at "
                        + "\(first.location.rendered)); the later entry is used", at: entry.location,
                    hint: "keep one entry per process type")
            } else {
                firstEntry[entry.processType] = entry
            }
            // Heroku matches formation entries to Procfile types exactly (process types are case-sensitive), so
            // `Worker` does not scale `worker`: a near miss is reported with the type it probably meant.
            guard let index = byHerokuName[entry.processType] else {
                let nearMiss = ServiceNaming.normalize(entry.processType).flatMap { byName[$0] }
                    .map { services[$0].herokuName }
                diagnostics.warning(
                    .formationUnknownType,
                    "formation.\(entry.processType) names a process type the Procfile does not define; it is "
                        + "left out", at: entry.location,
                    hint: nearMiss.map {
                        "process types are case-sensitive and spelled exactly: did you mean \"\($0)\"?"
                    } ?? "add \"\(entry.processType): <command>\" to the Procfile, or remove the entry")
                continue
            }
            if let quantity = entry.quantity { services[index].scale.count = quantity }
            if let sizeName = entry.size {
                if let size = DynoSize.named(sizeName) {
                    services[index].scale.memory = size.memory
                    services[index].scale.cpuMillicores = size.virtualCPUs.map { $0 * 1000 }
                    checkNodeFit(of: size, written: sizeName, service: services[index],
                        at: entry.sizeLocation ?? entry.location, into: &diagnostics)
                } else {
                    diagnostics.warning(
                        .formationUnknownSize,
                        "dyno size \"\(sizeName)\" is not one translate knows; \"\(services[index].name)\" keeps "
                            + "Convox's default memory and CPU",
                        at: entry.sizeLocation ?? entry.location,
                        hint: "use a Heroku size such as standard-2x or performance-m, or set scale.memory by hand")
                }
            }
            services[index].scale.location = entry.location
        }
    }

    /// A pod that reserves more than a node has stays Pending on generation 3 (a task is never placed on
    /// generation 2): the dyno size is kept, since shrinking it would break the app in another way, and the
    /// warning names the node type that holds it.
    func checkNodeFit(
        of size: DynoSize, written: String, service: Service, at location: SourceLocation,
        into diagnostics: inout Diagnostics
    ) {
        let millicores = size.virtualCPUs.map { $0 * 1000 }
        let node = NodeType.rackDefault
        guard !node.fits(memory: size.memory, cpuMillicores: millicores) else { return }
        let needs = "\(size.memory) MB" + (size.virtualCPUs.map { " and \($0) vCPU" } ?? "")
        let stuck = options.generation == .three
            ? "its pods stay Pending and the deploy never finishes"
            : "ECS cannot place its tasks and the deploy fails"
        let parameter = options.generation == .three ? "node_type" : "InstanceType"
        let fix = NodeType.smallestFitting(memory: size.memory, cpuMillicores: millicores).map {
            "install or update the rack with a larger node type: `convox rack params set \(parameter)=\($0.name)` "
                + "(\($0.virtualCPUs) vCPU, \($0.memory / 1024) GiB), or lower \"\(service.name)\"'s scale"
        } ?? "no single node type in translate's table holds it; lower \"\(service.name)\"'s scale.memory"
        diagnostics.warning(
            .formationExceedsNode,
            "dyno size \"\(written)\" of \"\(service.name)\" needs \(needs), more than the rack's default node type "
                + "\(node.name) offers (\(node.virtualCPUs) vCPU, \(node.memory / 1024) GiB, part of it kept by the "
                + "system), so \(stuck)",
            at: location, hint: fix)
    }

    func applyScripts(_ manifest: AppJSONManifest, to app: inout AppIR, into diagnostics: inout Diagnostics) {
        for script in manifest.scripts {
            guard script.name == "postdeploy" else {
                let when = script.name.hasPrefix("pr-") ? "review apps" : "Heroku CI"
                diagnostics.note(
                    .scriptNotApplicable,
                    "scripts.\(script.name) only runs for Heroku \(when), which Convox does not have; it is left out",
                    at: script.location)
                continue
            }
            let serviceIndex = app.services.firstIndex { $0.role == .web } ?? app.services.indices.first
            let serviceName = serviceIndex.map { app.services[$0].name } ?? "web"
            let translated = CommandTranslation.translate(
                script.command, at: script.commandLocation, what: "scripts.postdeploy", options: options,
                launcher: launcher, into: &diagnostics)
            if let serviceIndex {
                for declaration in translated.environmentDefaults
                where !app.services[serviceIndex].environment.contains(where: { $0.key == declaration.key }) {
                    app.services[serviceIndex].environment.append(declaration)
                }
            }
            app.releaseTasks.append(ReleaseTask(
                kind: .postdeploy, command: translated.command, service: serviceName, location: script.location))
            diagnostics.note(
                .postdeploy,
                "scripts.postdeploy ran once, after Heroku created the app; Convox has no such hook"
                    + (script.size.map { ", and the size \"\($0)\" does not apply" } ?? ""),
                at: script.location,
                hint: "run it once after the first deploy: `convox run \(serviceName) "
                    + "\(launcher.convoxRunArgument(translated.command, generation: options.generation))`")
        }
        for environment in manifest.environments {
            diagnostics.note(
                .environmentsNotApplicable,
                "environments.\(environment.value) only applies to Heroku "
                    + (environment.value == "test" ? "CI" : environment.value == "review" ? "review apps" : "tools")
                    + "; it is left out", at: environment.location)
        }
    }
}

extension String {
    fileprivate func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
