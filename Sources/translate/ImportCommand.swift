import Foundation
import Frontends
import Translator

extension DiagnosticID {
    static let importNoToken: DiagnosticID = "import.no-token"
    static let importUnauthorized: DiagnosticID = "import.unauthorized"
    static let importNotFound: DiagnosticID = "import.not-found"
    static let importRateLimited: DiagnosticID = "import.rate-limited"
    static let importServerError: DiagnosticID = "import.server-error"
    static let importTimeout: DiagnosticID = "import.timeout"
    static let importUnreachable: DiagnosticID = "import.unreachable"
    static let importMissingSavedOutput: DiagnosticID = "import.missing-saved-output"
    static let importOtherApp: DiagnosticID = "import.other-app"
    static let importSummary: DiagnosticID = "import.summary"
    static let importInvalidResponse: DiagnosticID = "import.invalid-response"
}

/// `translate import HEROKU_APP [APP_DIR]`: reads what Heroku runs today (Platform API, or the outputs of the
/// commands `--print-commands` lists, with `--from DIR`) and writes heroku-snapshot.json (no secrets; commit it)
/// and heroku-config.json (the values, 0600, git-ignored), which `convert`, `check` and `diff` then read.
/// Nothing is written unless every request succeeded and every answer had the shape the API documents.
enum ImportCommand: Subcommand {
    static let name = "import"
    static let usage = "translate import HEROKU_APP [APP_DIR] [options]"
    static let summary = "Record the live Heroku app in heroku-snapshot.json (and its values in heroku-config.json)."
    static let defaultAPIURL = "https://api.heroku.com"
    /// The Scheduler dashboard's API (research/heroku.md 4.2: herokux `DefaultSchedulerAPIBaseURL`).
    static let defaultSchedulerURL = "https://particleboard.heroku.com"
    static let platformAccept = "application/vnd.heroku+json; version=3"
    static let schedulerAccept = "application/vnd.api+json"

    static let options: [OptionSpec] = [
        OptionSpec(name: "--api-url", valueName: "URL", help: "The Platform API (default \(defaultAPIURL)).",
            validate: urlProblem),
        OptionSpec(name: "--scheduler-url", valueName: "URL",
            help: "The Scheduler dashboard's API (default \(defaultSchedulerURL)).", validate: urlProblem),
        OptionSpec(name: "--timeout", valueName: "SECONDS", help: "Give up on a request after this long (default 30).",
            validate: { Double($0).map { $0 > 0 && $0 <= 600 } == true ? nil : "takes seconds from 0 to 600" }),
        OptionSpec(name: "--from", valueName: "DIR",
            help: "Read the outputs the --print-commands commands saved in DIR instead of calling Heroku."),
        OptionSpec(name: "--print-commands", valueName: nil,
            help: "Print the heroku CLI (and curl) commands that save the same data; call nothing."),
        OptionSpec(name: "--dry-run", valueName: nil, help: "List what would be written; write nothing."),
        OptionSpec(name: "--force", valueName: nil, help: "Replace a snapshot edited by hand, or other values."),
        OptionSpec(name: "--format", valueName: "text|json", allowedValues: ["text", "json"],
            help: "How diagnostics are printed on stderr (default text)."),
    ]

    /// The token goes along with every request, so only https, or plain http to this machine (tests, a local
    /// proxy), is accepted.
    @Sendable static func urlProblem(_ value: String) -> String? {
        guard let host = URL(string: value)?.host, value.hasPrefix("https://") || value.hasPrefix("http://") else {
            return "takes an https:// URL, not '\(value)'"
        }
        if value.hasPrefix("http://"), !["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) {
            return "would send the token unencrypted; use https:// (http:// only for 127.0.0.1 or localhost)"
        }
        return nil
    }

    /// Heroku app names are lower-case letters, digits and dashes (an app's UUID fits too); anything else would
    /// change the request path.
    static func isAppName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> CommandResult {
        var run = CommandRun(arguments: arguments, context: context)
        guard arguments.positionals.count <= 2 else {
            return TranslateCLI.usageFailure("'translate import' takes HEROKU_APP and one app directory, got "
                + arguments.positionals.map { "'\($0)'" }.joined(separator: " "), command: name)
        }
        let appName = arguments.positionals.first
        if let appName, !isAppName(appName) {
            return TranslateCLI.usageFailure("'\(appName)' is not a Heroku app name (lower-case letters, digits and "
                + "dashes)", command: name)
        }
        if arguments.has("--print-commands") {
            run.output = printedCommands(app: appName, arguments: arguments)
            return run.finish(ExitStatus.success)
        }
        guard let appName else {
            return TranslateCLI.usageFailure("'translate import' needs the Heroku app's name", command: name)
        }
        guard let directory = AppDirectory(
            typedPath: arguments.positionals.count > 1 ? arguments.positionals[1] : ".", context: context,
            into: &run.diagnostics)
        else { return run.finish(ExitStatus.inputError) }

        var reader = PlatformAPIReader()
        let responses = arguments.value("--from").map {
            savedResponses(in: $0, directory: directory, reader: &reader, into: &run.diagnostics)
        } ?? fetch(app: appName, arguments: arguments, context: context, reader: &reader, into: &run.diagnostics)
        var read: (HerokuSnapshot, [(key: String, value: String)])?
        if let responses, !run.diagnostics.hasErrors { read = reader.read(responses) }
        run.diagnostics.append(contentsOf: reader.diagnostics)
        guard let (snapshot, values) = read, !run.diagnostics.hasErrors else {
            return run.finish(ExitStatus.inputError)
        }
        if snapshot.app.name != appName, arguments.has("--from") {
            run.diagnostics.error(
                .importOtherApp, "the saved outputs describe Heroku app \"\(snapshot.app.name)\", not \"\(appName)\"",
                at: SourceLocation(file: responses?.app.path ?? ""), hint: "save them again for \(appName)")
            return run.finish(ExitStatus.inputError)
        }
        run.diagnostics.note(.importSummary, summary(snapshot))
        write(snapshot: snapshot, values: values, in: directory, arguments: arguments, run: &run)
        return run.finish(run.diagnostics.hasErrors ? ExitStatus.inputError : ExitStatus.success)
    }

    static func summary(_ snapshot: HerokuSnapshot) -> String {
        func count(_ number: Int, _ word: String, _ plural: String? = nil) -> String {
            "\(number) " + (number == 1 ? word : plural ?? word + "s")
        }
        return "imported Heroku app \"\(snapshot.app.name)\": " + [
            count(snapshot.processTypes.count, "process type"),
            count(snapshot.formation.count, "formation entry", "formation entries"),
            count(snapshot.addons.count, "add-on"),
            count(snapshot.configVarNames.count, "config var") + " (values only in \(HerokuSnapshot.valuesFileName))",
            count(snapshot.domains.count, "domain"), count(snapshot.schedulerJobs.count, "Scheduler job"),
        ].joined(separator: ", ")
    }

    // MARK: - Reading from Heroku

    static func fetch(
        app: String, arguments: ParsedArguments, context: CommandContext, reader: inout PlatformAPIReader,
        into diagnostics: inout Diagnostics
    ) -> PlatformAPIResponses? {
        guard let token = HerokuToken.find(environment: context.environment) else {
            diagnostics.error(
                .importNoToken, "no Heroku API token: HEROKU_API_KEY is not set and ~/.netrc has no machine "
                    + HerokuToken.machine,
                hint: "run `heroku login` (it keeps the token in ~/.netrc), or `export HEROKU_API_KEY=...` with the "
                    + "token `heroku auth:token` prints; to keep the token to yourself, see "
                    + "`translate import --print-commands`")
            return nil
        }
        let timeout = arguments.value("--timeout").flatMap(Double.init) ?? 30
        func trimmed(_ url: String) -> String { url.hasSuffix("/") ? String(url.dropLast()) : url }
        let api = HerokuAPIClient(
            baseURL: trimmed(arguments.value("--api-url") ?? defaultAPIURL), token: token, accept: platformAccept,
            timeout: timeout, context: context)
        func get(_ client: HerokuAPIClient, _ path: String, range: String? = nil, followsPages: Bool = true)
            -> [InputFile]?
        {
            switch client.pages(path, range: range, followsPages: followsPages) {
            case .success(let bodies):
                return bodies.enumerated().map { index, body in
                    InputFile(path: "GET \(path)" + (bodies.count > 1 ? " (page \(index + 1))" : ""),
                        contents: Array(body))
                }
            case .failure(let failure):
                report(failure, app: app, into: &diagnostics)
                return nil
            }
        }
        let base = "/apps/\(app)"
        guard let appFile = get(api, base)?.first, let identity = reader.appIdentity(appFile) else { return nil }
        var responses = PlatformAPIResponses(app: appFile)
        guard let buildpacks = get(api, base + "/buildpack-installations"),
            let formation = get(api, base + "/formation"),
            // The newest releases first, as heroku/cli's `releases:info` asks (src/lib/releases/releases.ts).
            let releases = get(api, base + "/releases", range: "version ..; max=10, order=desc", followsPages: false),
            let addons = get(api, base + "/addons"), let attachments = get(api, base + "/addon-attachments"),
            let configVars = get(api, base + "/config-vars")?.first, let domains = get(api, base + "/domains"),
            let features = get(api, base + "/features"), let drains = get(api, base + "/log-drains"),
            let endpoints = get(api, base + "/sni-endpoints")
        else { return nil }
        (responses.buildpackInstallations, responses.formation, responses.releases) = (buildpacks, formation, releases)
        (responses.addons, responses.attachments, responses.configVars) = (addons, attachments, configVars)
        (responses.domains, responses.features, responses.logDrains) = (domains, features, drains)
        responses.sniEndpoints = endpoints
        if let slugID = reader.currentSlugID(releases) {
            guard isAppName(slugID.lowercased()) else {
                diagnostics.error(.importInvalidResponse, "the current release names slug \"\(slugID)\", which is "
                    + "not an id", at: SourceLocation(file: releases.first?.path ?? ""))
                return nil
            }
            guard let slug = get(api, base + "/slugs/\(slugID)")?.first else { return nil }
            responses.slug = slug
        }
        if reader.hasScheduler(addons) {
            let scheduler = HerokuAPIClient(
                baseURL: trimmed(arguments.value("--scheduler-url") ?? defaultSchedulerURL), token: token,
                accept: schedulerAccept, timeout: timeout, context: context)
            guard isAppName(identity.id.lowercased()),
                let jobs = get(scheduler, "/apps/\(identity.id)/jobs")?.first
            else { return nil }
            responses.schedulerJobs = jobs
        }
        return responses
    }

    static func report(_ failure: HerokuAPIFailure, app: String, into diagnostics: inout Diagnostics) {
        func detail(_ message: String?) -> String { message.map { ": \"\($0)\"" } ?? "" }
        switch failure {
        case .unauthorized(let status, let path, let message):
            diagnostics.error(
                .importUnauthorized,
                (status == 401 ? "Heroku did not accept the API token" : "the API token may not read app \"\(app)\"")
                    + " (HTTP \(status))" + detail(message), at: SourceLocation(file: "GET \(path)"),
                hint: status == 401
                    ? "log in again with `heroku login`, or set HEROKU_API_KEY to the token `heroku auth:token` "
                        + "prints (a long-lived one: `heroku authorizations:create`)"
                    : "ask the app's owner for access, or use a token of an account that is a collaborator")
        case .notFound(let path, let message):
            diagnostics.error(
                .importNotFound, "Heroku has no app \"\(app)\", or this token cannot see it (HTTP 404)"
                    + detail(message), at: SourceLocation(file: "GET \(path)"),
                hint: "check the name with `heroku apps`")
        case .rateLimited(let path, let attempts):
            diagnostics.error(
                .importRateLimited, "Heroku's rate limit was still reached after \(attempts) attempts (HTTP 429)",
                at: SourceLocation(file: "GET \(path)"), hint: "wait a minute, then run `translate import` again")
        case .serverError(let status, let path, let attempts, let message):
            diagnostics.error(
                .importServerError, "Heroku answered HTTP \(status)"
                    + (attempts > 1 ? " \(attempts) times" : "") + detail(message),
                at: SourceLocation(file: "GET \(path)"), hint: "try again later; https://status.heroku.com says "
                    + "whether Heroku has an incident")
        case .timeout(let path, let seconds):
            diagnostics.error(
                .importTimeout, "no answer from Heroku within \(Int(seconds)) seconds",
                at: SourceLocation(file: "GET \(path)"), hint: "check the network, or allow longer with --timeout")
        case .unreachable(let path, let reason):
            diagnostics.error(
                .importUnreachable, "could not reach Heroku: \(reason)", at: SourceLocation(file: "GET \(path)"),
                hint: "check the network and --api-url")
        }
    }

    // MARK: - Reading saved outputs (--from DIR)

    /// What `--print-commands` saves, in the order it saves it: file, command, and whether it is required.
    static let savedFiles: [(file: String, required: Bool)] = [
        ("apps-info.json", true), ("buildpack-installations.json", false), ("formation.json", true),
        ("release.json", false), ("slug.json", false), ("addons.json", true), ("config-vars.json", true),
        ("domains.json", false), ("features.json", false), ("log-drains.json", false), ("sni-endpoints.json", false),
        ("scheduler-jobs.json", false),
    ]

    static func savedResponses(
        in typed: String, directory: AppDirectory, reader: inout PlatformAPIReader, into diagnostics: inout Diagnostics
    ) -> PlatformAPIResponses? {
        let absolute = directory.context.resolve(typed)
        var files: [String: InputFile] = [:]
        for saved in savedFiles {
            let shown = AppDirectory.join(typed, saved.file)
            let path = (absolute as NSString).appendingPathComponent(saved.file)
            guard FileManager.default.fileExists(atPath: path) else {
                if saved.required {
                    diagnostics.error(.missingNamedFile, "'\(shown)' does not exist", at: SourceLocation(file: shown),
                        hint: "save it with the command `translate import --print-commands` lists for it")
                }
                continue
            }
            if let file = directory.readFile(at: path, shownAs: shown, into: &diagnostics) { files[saved.file] = file }
        }
        guard let app = files["apps-info.json"], !diagnostics.hasErrors else { return nil }
        var responses = PlatformAPIResponses(app: app)
        func optional(_ name: String, _ what: String) -> [InputFile] {
            if let file = files[name] { return [file] }
            diagnostics.warning(
                .importMissingSavedOutput, "'\(AppDirectory.join(typed, name))' was not saved, so \(what) "
                    + "not recorded", at: SourceLocation(file: AppDirectory.join(typed, name)),
                hint: "save it with the command `translate import --print-commands` lists for it")
            return []
        }
        responses.buildpackInstallations = optional("buildpack-installations.json", "the buildpacks are")
        responses.formation = files["formation.json"].map { [$0] } ?? []
        responses.releases = optional("release.json", "the process types Heroku runs are")
        if !responses.releases.isEmpty, reader.currentSlugID(responses.releases) != nil {
            responses.slug = optional("slug.json", "the process types Heroku runs are").first
        }
        responses.addons = files["addons.json"].map { [$0] } ?? []
        responses.configVars = files["config-vars.json"]
        responses.domains = optional("domains.json", "the domains are")
        responses.features = optional("features.json", "the app's features are")
        responses.logDrains = optional("log-drains.json", "the log drains are")
        responses.sniEndpoints = optional("sni-endpoints.json", "the certificates are")
        if reader.hasScheduler(responses.addons) {
            responses.schedulerJobs = optional("scheduler-jobs.json", "the Scheduler jobs are").first
        }
        return responses
    }

    /// A script of heroku CLI commands (those with `--json` in heroku/cli's src/commands) and, for what the CLI
    /// prints only as a table (formation, buildpacks, the slug, certificates, Scheduler jobs), curl calls to the
    /// same API with the user's own token.
    static func printedCommands(app: String?, arguments: ParsedArguments) -> String {
        let api = arguments.value("--api-url") ?? defaultAPIURL
        let scheduler = arguments.value("--scheduler-url") ?? defaultSchedulerURL
        let directory = arguments.value("--from") ?? "heroku-export"
        let quotedDirectory = ShellQuoting.quoted(directory)
        let out = { (name: String) in "\(quotedDirectory)/\(name)" }
        let curl = "curl -fsS -H \"Authorization: Bearer $HEROKU_API_KEY\""
        let platform = "\(curl) -H 'Accept: \(platformAccept)'"
        return """
            # Save what `translate import` reads, with your own heroku CLI and token, then run:
            #   translate import "$HEROKU_APP" --from \(quotedDirectory)
            # config-vars.json holds the config var values: keep it out of git and delete it afterwards.
            HEROKU_APP=\(app.map(ShellQuoting.quoted) ?? "your-app-name")
            HEROKU_API_KEY="$(heroku auth:token)"
            mkdir -p \(quotedDirectory) && chmod 700 \(quotedDirectory)
            heroku apps:info --json -a "$HEROKU_APP" > \(out("apps-info.json"))
            heroku addons --json -a "$HEROKU_APP" > \(out("addons.json"))
            (umask 077 && heroku config --json -a "$HEROKU_APP" > \(out("config-vars.json")))
            heroku domains --json -a "$HEROKU_APP" > \(out("domains.json"))
            heroku features --json -a "$HEROKU_APP" > \(out("features.json"))
            heroku drains --json -a "$HEROKU_APP" > \(out("log-drains.json"))
            heroku releases:info --json -a "$HEROKU_APP" > \(out("release.json"))
            # The heroku CLI prints these only as tables, so they come from the Platform API itself:
            \(platform) "\(api)/apps/$HEROKU_APP/formation" > \(out("formation.json"))
            \(platform) "\(api)/apps/$HEROKU_APP/buildpack-installations" > \(out("buildpack-installations.json"))
            \(platform) "\(api)/apps/$HEROKU_APP/sni-endpoints" > \(out("sni-endpoints.json"))
            \(platform) "\(api)/apps/$HEROKU_APP/slugs/$(jq -r .slug.id \(out("release.json")))" > \(out("slug.json"))
            # Only if the app has the Scheduler add-on (its dashboard's API, keyed by the app's id):
            \(curl) -H 'Accept: \(schedulerAccept)' "\(scheduler)/apps/$(jq -r .app.id \(out("apps-info.json")))/jobs" \\
                > \(out("scheduler-jobs.json"))

            """
    }

    // MARK: - Writing

    static func write(
        snapshot: HerokuSnapshot, values: [(key: String, value: String)], in directory: AppDirectory,
        arguments: ParsedArguments, run: inout CommandRun
    ) {
        let force = arguments.has("--force")
        let writer = OutputWriter(directory: directory.absolutePath, displayPath: directory.displayPath, force: force)
        struct Planned {
            var name: String
            var contents: String
            var mode: mode_t
            var change: OutputWriter.Change
        }
        var plans: [Planned] = []
        let gitignore = OutputFile(
            path: ".gitignore", contents: HerokuSnapshot.valuesFileName + "\n", headerStyle: nil,
            appendsMissingLines: true)
        let gitignorePath = (directory.absolutePath as NSString).appendingPathComponent(".gitignore")
        if let plan = writer.planAppend(
            gitignore, absolutePath: gitignorePath, displayPath: directory.displayPath(".gitignore"),
            into: &run.diagnostics)
        {
            plans.append(Planned(name: ".gitignore", contents: plan.file.contents,
                mode: writer.existingMode(gitignorePath) ?? 0o644, change: plan.change))
        }
        let files: [(String, String, mode_t)] = [
            (HerokuSnapshot.valuesFileName, HerokuSnapshotDocument.renderConfigValues(values), 0o600),
            (HerokuSnapshot.fileName, HerokuSnapshotDocument.render(snapshot), 0o644),
        ]
        for (name, contents, mode) in files {
            let absolute = (directory.absolutePath as NSString).appendingPathComponent(name)
            let shown = directory.displayPath(name)
            if writer.isSymlink(absolute), !force {
                run.diagnostics.error(.outputSymlink, "'\(shown)' is a symbolic link; refusing to write through it",
                    at: SourceLocation(file: shown), hint: "remove the link, or pass --force")
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                plans.append(Planned(name: name, contents: contents, mode: mode, change: .create))
                continue
            }
            guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: absolute) else {
                run.diagnostics.error(.outputNotAFile, "'\(shown)' is a directory or cannot be read",
                    at: SourceLocation(file: shown))
                continue
            }
            let existing = String(decoding: data, as: UTF8.self)
            if existing == contents {
                plans.append(Planned(name: name, contents: contents, mode: mode, change: .unchanged))
                continue
            }
            if !force {
                if name == HerokuSnapshot.valuesFileName {
                    run.diagnostics.error(
                        .outputNotGenerated, "'\(shown)' exists with other values; refusing to overwrite it",
                        at: SourceLocation(file: shown), hint: "pass --force to replace it with today's values from "
                            + "Heroku (it holds secrets: nothing of it is shown)")
                    continue
                }
                switch HerokuSnapshotDocument.status(of: existing) {
                case .unmodified:
                    break
                case .notGenerated:
                    run.diagnostics.error(
                        .outputNotGenerated, "'\(shown)' exists and was not written by `translate import`; refusing "
                            + "to overwrite it", at: SourceLocation(file: shown), hint: "move it away, or pass --force")
                    continue
                case .editedByHand:
                    run.diagnostics.error(
                        .outputEditedByHand, "'\(shown)' was edited by hand since `translate import` wrote it; "
                            + "refusing to overwrite it", at: SourceLocation(file: shown, line: 2),
                        hint: "pass --force to replace it with what Heroku says today")
                    continue
                }
            }
            plans.append(Planned(name: name, contents: contents, mode: mode, change: .replace))
        }
        guard !run.diagnostics.hasErrors else { return }
        let dryRun = arguments.has("--dry-run")
        if !dryRun {
            // .gitignore first, so the values file is ignored from the moment it exists.
            for plan in plans where plan.change != .unchanged {
                let absolute = (directory.absolutePath as NSString).appendingPathComponent(plan.name)
                do {
                    try OutputWriter.writeAtomically(Array(plan.contents.utf8), to: absolute, mode: plan.mode)
                } catch {
                    run.diagnostics.error(.outputWriteFailed, "could not write '\(directory.displayPath(plan.name))': "
                        + "\(error)", at: SourceLocation(file: directory.displayPath(plan.name)))
                    return
                }
            }
        }
        for plan in plans {
            let verb = dryRun ? "would be \(plan.change.rawValue)" : plan.change.rawValue
            run.output += "\(directory.displayPath(plan.name)): \(verb)\n"
        }
    }
}

/// POSIX single quoting for the words `--print-commands` prints, left bare when they are plain.
enum ShellQuoting {
    static func quoted(_ word: String) -> String {
        word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:".contains($0)) }) && !word.isEmpty
            ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
