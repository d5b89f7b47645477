extension DiagnosticID {
    static let snapshotProcessType: DiagnosticID = "snapshot.process-type"
    static let snapshotProcessTypeDiffers: DiagnosticID = "snapshot.process-type-differs"
    static let snapshotFormationDiffers: DiagnosticID = "snapshot.formation-differs"
    static let snapshotAddonsDiffer: DiagnosticID = "snapshot.addons-differ"
    static let snapshotSharedAddon: DiagnosticID = "snapshot.shared-addon"
    static let snapshotExtraAttachment: DiagnosticID = "snapshot.extra-attachment"
    static let snapshotScheduler: DiagnosticID = "snapshot.scheduler"
    static let snapshotNameDiffers: DiagnosticID = "snapshot.name-differs"
    static let snapshotInformational: DiagnosticID = "snapshot.informational"
    static let snapshotFeature: DiagnosticID = "snapshot.feature"
    static let snapshotUnknownFeature: DiagnosticID = "snapshot.unknown-feature"
    static let snapshotLogDrains: DiagnosticID = "snapshot.log-drains"
    static let snapshotCertificates: DiagnosticID = "snapshot.certificates"
    static let snapshotBuildpacks: DiagnosticID = "snapshot.buildpacks"
}

/// heroku-snapshot.json (`translate import`) says what the app is on Heroku today; the repository says what it was
/// meant to be. The live parts are folded into the same model the Procfile and app.json feed, so every
/// consequence goes through the ordinary mapping rules: the slug's process types fill what the Procfile lacks,
/// the live formation and add-ons replace app.json's (a note names each disagreement), and config var names are
/// declared. Scheduler jobs and domains were taken by the snapshot frontend unless a flag named another file.
extension AppTranslator {
    /// Enabled Heroku app features translate knows, with what they mean on Convox.
    static let knownFeatures: [String: String] = [
        "preboot": "Convox's rolling updates start new processes and wait for their health check before stopping "
            + "old ones, which is what preboot did (convox/convox docs/deployment/rolling-updates.md)",
        "runtime-dyno-metadata": "Convox does not set HEROKU_APP_NAME, HEROKU_RELEASE_VERSION or "
            + "HEROKU_SLUG_COMMIT; it sets APP, RELEASE and SERVICE",
        "log-runtime-metrics": "Heroku's dyno load and memory log lines do not exist on Convox; use `convox rack` "
            + "monitoring or an APM agent",
        "runtime-heroku-metrics": "Heroku's language metrics do not exist on Convox; use an APM agent",
        "http-session-affinity": "Convox services are not sticky by default; add `sticky: true` to the web "
            + "service if the app relies on session affinity (convox/convox docs/help/changes.md)",
        "spaces-dns-discovery": "Private Space DNS names do not exist on Convox; services reach each other as "
            + "<service>.<app>.<rack>.local or through `internal: true`",
    ]

    /// `heroku` with the snapshot's live facts folded in.
    func applyingSnapshot(_ heroku: HerokuApp, into diagnostics: inout Diagnostics) -> HerokuApp {
        guard let snapshot = heroku.snapshot else { return heroku }
        var result = heroku
        result.processTypes = processTypes(heroku.processTypes, snapshot: snapshot, into: &diagnostics)
        var manifest = heroku.appJSON ?? AppJSONManifest(path: snapshot.path)
        if let written = heroku.appJSON?.name, written != snapshot.app.name {
            diagnostics.note(
                .snapshotNameDiffers,
                "app.json names the app \"\(written)\", Heroku calls it \"\(snapshot.app.name)\"; the live name is "
                    + "used", at: snapshot.app.location)
        }
        manifest.name = snapshot.app.name
        if !snapshot.formation.isEmpty {
            manifest.formation = formation(snapshot, replacing: heroku.appJSON?.formation ?? [], into: &diagnostics)
        }
        manifest.addons = addons(snapshot, replacing: heroku.appJSON?.addons, into: &diagnostics)
        // The live names are declared unless the recorded config var names (or app.json) already declare them;
        // this never depends on whether a config vars file is at hand, which a clean clone lacks.
        let declared = Set(manifest.environment.map(\.key)).union((heroku.configVars ?? []).map(\.key))
        for name in snapshot.configVarNames where !declared.contains(name.value) {
            manifest.environment.append(AppJSONEnvironmentVariable(key: name.value, location: name.location))
        }
        result.appJSON = manifest
        reportPlatformFacts(snapshot, into: &diagnostics)
        return result
    }

    /// The Procfile's types, then the slug's types it lacks; without a Procfile, the slug's.
    func processTypes(
        _ written: [ProcessType]?, snapshot: HerokuSnapshot, into diagnostics: inout Diagnostics
    ) -> [ProcessType]? {
        guard !snapshot.processTypes.isEmpty else { return written }
        let live = snapshot.processTypes.map {
            ProcessType(name: $0.name, command: $0.command, location: $0.location, commandLocation: $0.location)
        }
        guard var types = written else {
            diagnostics.note(
                .snapshotProcessType,
                "there is no Procfile, so the process types Heroku runs today (the current slug's: "
                    + live.map(\.name).joined(separator: ", ") + ") are used",
                at: SourceLocation(file: snapshot.path), hint: "add a Procfile to make them part of the repository")
            return live
        }
        for process in live {
            if let own = types.first(where: { $0.name == process.name }) {
                if own.command != process.command {
                    diagnostics.note(
                        .snapshotProcessTypeDiffers,
                        "process type \"\(process.name)\" runs `\(process.command)` on Heroku today; the Procfile's "
                            + "`\(own.command)` is used (the next deploy would run it there too)",
                        at: own.location)
                }
                continue
            }
            diagnostics.note(
                .snapshotProcessType,
                "process type \"\(process.name)\" is not in the Procfile, but Heroku runs it (the buildpack's "
                    + "default, recorded in the current slug): `\(process.command)`; it is added",
                at: process.location, hint: "add \"\(process.name): \(process.command)\" to the Procfile to keep "
                    + "it in the repository")
            types.append(process)
        }
        return types
    }

    func formation(
        _ snapshot: HerokuSnapshot, replacing written: [AppJSONFormation], into diagnostics: inout Diagnostics
    ) -> [AppJSONFormation] {
        let live = snapshot.formation.map {
            AppJSONFormation(processType: $0.type, quantity: $0.quantity, size: $0.size, location: $0.location)
        }
        for entry in written {
            guard let current = live.first(where: { $0.processType == entry.processType }) else {
                diagnostics.note(
                    .snapshotFormationDiffers,
                    "app.json formation.\(entry.processType) is not in Heroku's formation today; it is left out",
                    at: entry.location)
                continue
            }
            let sameQuantity = entry.quantity == nil || entry.quantity == current.quantity
            let sameSize = entry.size == nil || entry.size?.lowercased() == current.size?.lowercased()
            guard !sameQuantity || !sameSize else { continue }
            diagnostics.note(
                .snapshotFormationDiffers,
                "formation.\(entry.processType): Heroku runs \(describe(current)) today, app.json says "
                    + "\(describe(entry)); the live formation is used",
                at: entry.location)
        }
        for entry in snapshot.formation {
            guard let command = entry.command,
                let process = snapshot.processTypes.first(where: { $0.name == entry.type }), process.command != command
            else { continue }
            diagnostics.note(
                .snapshotFormationDiffers,
                "formation.\(entry.type) runs `\(command)`, not the slug's `\(process.command)`; the process type's "
                    + "command is used", at: entry.location)
        }
        return live
    }

    func describe(_ entry: AppJSONFormation) -> String {
        let count = entry.quantity.map { "\($0)" } ?? "the default number of"
        return "\(count) \(entry.size ?? "default-size") dyno\(entry.quantity == 1 ? "" : "s")"
    }

    /// Live add-ons as app.json add-ons, each named by the attachment the app reads (`DATABASE`).
    func addons(
        _ snapshot: HerokuSnapshot, replacing written: [AppJSONAddon]?, into diagnostics: inout Diagnostics
    ) -> [AppJSONAddon] {
        var result: [AppJSONAddon] = []
        for addon in snapshot.addons {
            if addon.service == "scheduler" {
                diagnostics.note(
                    .snapshotScheduler,
                    "add-on \"\(addon.plan)\" is Heroku Scheduler; its \(snapshot.schedulerJobs.count) job"
                        + (snapshot.schedulerJobs.count == 1 ? " was" : "s were") + " recorded in the snapshot",
                    at: addon.location)
                continue
            }
            if let owner = addon.ownerApp {
                diagnostics.warning(
                    .snapshotSharedAddon,
                    "add-on \"\(addon.name)\" belongs to Heroku app \"\(owner)\" and is shared with this one; a Convox "
                        + "resource would be a new, empty one",
                    at: addon.location, hint: "point both apps at the same resource (or keep the Heroku one with "
                        + "`convox env set`) when you move \"\(owner)\"")
            }
            let preferred = AddOnCatalog.entry(for: addon.service)?.defaultAttachment
            let attachment = addon.attachments.contains(preferred ?? "") ? preferred : addon.attachments.first
            for other in addon.attachments where other != attachment {
                let generated = AddOnCatalog.entry(for: addon.service)?.generatedVariablePrefix
                guard generated.map({ !other.hasPrefix($0) }) ?? true else { continue }
                diagnostics.note(
                    .snapshotExtraAttachment,
                    "add-on \"\(addon.name)\" is also attached as \(other); \(other)_URL is not linked to the Convox "
                        + "resource", at: addon.location,
                    hint: "read \((attachment ?? preferred ?? other))_URL in the app, or set \(other)_URL by hand")
            }
            result.append(AppJSONAddon(
                service: addon.service, plan: addon.planName, attachmentName: attachment, location: addon.location))
        }
        guard let written else { return result }
        for entry in written where entry.service != "scheduler" {
            guard let live = snapshot.addons.first(where: { $0.service == entry.service }) else {
                diagnostics.note(
                    .snapshotAddonsDiffer,
                    "app.json add-on \"\(entry.planText)\" is not on the Heroku app today; it is left out",
                    at: entry.location)
                continue
            }
            if let plan = entry.plan, plan != live.planName {
                diagnostics.note(
                    .snapshotAddonsDiffer,
                    "app.json asks for \"\(entry.planText)\", Heroku runs \"\(live.plan)\"; the live plan is used",
                    at: entry.location)
            }
        }
        for live in snapshot.addons where live.service != "scheduler"
            && !written.contains(where: { $0.service == live.service })
        {
            diagnostics.note(
                .snapshotAddonsDiffer, "add-on \"\(live.plan)\" runs on Heroku but is not in app.json; it is used",
                at: live.location)
        }
        return result
    }

    /// Region, stack, features, log drains, certificates and buildpacks: none has a place in convox.yml, so each
    /// is said once.
    func reportPlatformFacts(_ snapshot: HerokuSnapshot, into diagnostics: inout Diagnostics) {
        let facts = [snapshot.app.region.map { "region \($0)" }, snapshot.app.stack.map { "stack \($0)" },
            snapshot.app.buildStack.flatMap { $0 == snapshot.app.stack ? nil : "build stack \($0)" }].compactMap { $0 }
        if !facts.isEmpty {
            diagnostics.note(
                .snapshotInformational,
                "Heroku app \"\(snapshot.app.name)\" runs in " + facts.joined(separator: ", ") + "; a Convox rack "
                    + "has its own region, and the image's base is the Dockerfile's",
                at: snapshot.app.location)
        }
        for feature in snapshot.features {
            if let meaning = Self.knownFeatures[feature.value] {
                diagnostics.note(.snapshotFeature, "Heroku feature \"\(feature.value)\" is enabled: \(meaning)",
                    at: feature.location)
            } else {
                diagnostics.warning(
                    .snapshotUnknownFeature,
                    "Heroku feature \"\(feature.value)\" is enabled; translate does not know it, so nothing carries "
                        + "it over", at: feature.location,
                    hint: "check `heroku labs:info \(feature.value) -a \(snapshot.app.name)` and set up the "
                        + "equivalent on Convox by hand")
            }
        }
        if !snapshot.logDrains.isEmpty {
            let fromAddons = snapshot.logDrains.compactMap(\.addon)
            let custom = snapshot.logDrains.count - fromAddons.count
            var parts: [String] = []
            if !fromAddons.isEmpty { parts.append("from add-ons " + fromAddons.joined(separator: ", ")) }
            if custom > 0 { parts.append("\(custom) added by hand") }
            diagnostics.warning(
                .snapshotLogDrains,
                "the Heroku app sends its logs to \(snapshot.logDrains.count) log drain"
                    + (snapshot.logDrains.count == 1 ? "" : "s") + " (" + parts.joined(separator: "; ")
                    + "); Convox does not carry them over",
                at: snapshot.logDrains.first?.location,
                hint: "forward the rack's logs with `convox rack params set syslog=tcp+tls://HOST:PORT` "
                    + "(convox/convox docs/configuration/logging.md)")
        }
        if !snapshot.sniEndpoints.isEmpty {
            diagnostics.note(
                .snapshotCertificates,
                "Heroku serves \(snapshot.sniEndpoints.count) uploaded certificate"
                    + (snapshot.sniEndpoints.count == 1 ? "" : "s") + " ("
                    + snapshot.sniEndpoints.map(\.value).joined(separator: ", ") + "); their keys stay on Heroku",
                at: snapshot.sniEndpoints.first?.location,
                hint: options.generation == .three
                    ? "generation 3 racks issue a Let's Encrypt certificate for each `domain:`; to keep your own, "
                        + "`convox certs import` it" : "`convox certs import` your certificate and key, or "
                        + "`convox certs generate` one")
        }
        if !snapshot.buildpacks.isEmpty {
            // The runtime frontend read the same list (it wins over app.json `buildpacks`, applied at creation only).
            diagnostics.note(
                .snapshotBuildpacks,
                "Heroku builds the app with " + snapshot.buildpacks.map(\.value).joined(separator: ", ")
                    + " today; the Dockerfile follows them, not app.json `buildpacks` or `.buildpacks`",
                at: snapshot.buildpacks.first?.location)
        }
    }
}
