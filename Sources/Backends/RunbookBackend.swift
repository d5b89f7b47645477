import Foundation
import Translator

/// Writes MIGRATION.md: the whole Heroku-to-Convox move for this app, in the order of Convox's own Django
/// write-up, with the app's real names. It never reads `environmentValues` (only the names in `envFileKeys`), so no
/// secret can reach it, and a clean clone with no config vars file renders it the same.
/// Registered last: section 7 lists the warnings of every stage that ran before it.
public struct RunbookBackend: Backend {
    public static let name = "runbook"
    public var writtenFileNames: [String] { ["MIGRATION.md"] }

    public init() {}

    public func render(_ app: AppIR, options: ConversionOptions, into diagnostics: inout Diagnostics) -> [OutputFile] {
        guard options.writesRunbook else { return [] }
        let names = Names(app: app, options: options)
        var sections = [header(app, names, options)]
        sections.append(runLocally(app, names, options))
        sections.append(createApp(app, names, options))
        sections.append(moveData(app, names, options))
        sections.append(beforeCutOver(app, names, options))
        sections.append(cutOver(app, names))
        sections.append(timers(app, options))
        sections.append(notCarriedOver(diagnostics))
        sections.append(rollback(app, names))
        return [OutputFile(path: "MIGRATION.md", contents: sections.joined(separator: "\n"), headerStyle: .html)]
    }

    /// The names the commands use, or visible placeholders the header asks the reader to fill in.
    struct Names {
        var heroku: String
        var convox: String
        var isHerokuKnown: Bool

        init(app: AppIR, options: ConversionOptions) {
            let given = options.herokuAppName ?? app.name.flatMap(ServiceNaming.normalize)
            isHerokuKnown = given != nil
            // Pasted into shell commands: anything but a Heroku app name's own characters is single-quoted
            // (the CLI already refuses such a `--heroku-app`; this keeps every other source safe too).
            heroku = given.map { name in
                name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
                    ? name : ShellCommand.singleQuoted(OneLineText.escaped(name))
            } ?? "<heroku-app>"
            convox = given.flatMap(ServiceNaming.normalize) ?? "<convox-app>"
        }
    }

    func header(_ app: AppIR, _ names: Names, _ options: ConversionOptions) -> String {
        // app.json `name` and file names are the user's text: one line each, so no heading or list can break.
        var text = "# Moving \(OneLineText.escaped(app.name ?? names.heroku)) from Heroku to Convox\n\n"
        text += "Written by translate for this app from \(app.sourceFiles.isEmpty ? "its files" : app.sourceFiles.map { "`\(OneLineText.escaped(String($0.split(separator: "/").last ?? Substring($0))))`" }.joined(separator: ", ")). "
        text += "Run the steps in order; every command can be pasted into a shell.\n\n"
        text += "- Heroku app: `\(names.heroku)`\n- Convox app: `\(names.convox)`\n"
        text += "- Convox generation \(options.generation.rawValue) (\(options.generation == .three ? "Kubernetes" : "ECS") rack)\n"
        text += "- Rack: `<rack>` (run `convox racks` to see yours)\n"
        if !names.isHerokuKnown {
            text += "\n> **Fill in:** the Heroku app's name was not given. Replace `<heroku-app>` and `<convox-app>` "
                + "below, or run translate again with `--heroku-app NAME`.\n"
        }
        return text
    }

    /// `convox run <service> <command>` with the command wrapped as convox.yml runs it (see `CommandLauncher`).
    func convoxRun(_ task: ReleaseTask, _ app: AppIR, _ options: ConversionOptions) -> String {
        "convox run \(task.service) "
            + app.commandLauncher.convoxRunArgument(task.command, generation: options.generation)
    }

    /// ` -m DIR/convox.yml` when --out DIR is inside the app: Convox then deploys the app's root, reading the
    /// manifest from DIR (convox/convox pkg/cli/builds.go `--manifest`, `-m`).
    static func manifestFlag(_ options: ConversionOptions) -> String {
        options.outputDirectoryInApp.map { directory in
            let path = OneLineText.escaped(directory) + "/convox.yml"
            let isPlain = path.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "._/-".unicodeScalars.contains($0)
            }
            return " -m " + (isPlain ? path : ShellCommand.singleQuoted(path))
        } ?? ""
    }

    /// A hostname as one shell word: a wildcard `*.example.com` would otherwise be expanded as a glob.
    static func shellWord(_ text: String) -> String {
        text.hasPrefix("<") || text.unicodeScalars.allSatisfy({
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
        }) ? text : ShellCommand.singleQuoted(text)
    }

    func runLocally(_ app: AppIR, _ names: Names, _ options: ConversionOptions) -> String {
        var text = "## 1. Run it locally\n\nStart the app and its resources on your local rack:\n\n```sh\nconvox start\(Self.manifestFlag(options))\n```\n\n"
        text += "In a second terminal:\n\n```sh\nconvox switch local\n"
        for task in app.releaseTasks where task.kind == .releasePhase {
            text += "\(convoxRun(task, app, options))\n"
        }
        text += "convox services\n```\n\n"
        text += "`convox services` prints the local hostname to open in a browser. Run any other one-off command the "
            + "same way: `convox run <service> <command>`.\n"
        return text
    }

    func createApp(_ app: AppIR, _ names: Names, _ options: ConversionOptions) -> String {
        let flag = "-a \(names.convox)"
        var text = "## 2. Create the app on a rack\n\n```sh\nconvox racks\nconvox switch <rack>\n"
        text += "convox apps create \(names.convox) --wait\n```\n\n### Environment\n\n"
        if EnvFileBackend.isExpected(for: app) {
            text += "Load the values from `\(options.envFileName)` (git-ignored, mode 0600). `convox env set` reads one `KEY=value` per "
                + "line from standard input and takes everything after the first `=` as the value, so spaces and "
                + "quotes survive; lines without `=` (the comments) are skipped:\n\n```sh\n"
                + "convox env set \(flag) < \(options.envFileName)\n```\n\n"
        }
        let declared = (app.environment + app.services.flatMap(\.environment))
        let valued = Set(app.envFileKeys)
        var seen = Set<String>()
        let missing = declared.filter { ($0.isRequired || $0.isSecret) && !valued.contains($0.key) }
            .filter { seen.insert($0.key).inserted }
        let secrets = missing.filter(\.isSecret)
        let others = missing.filter { !$0.isSecret }
        if !secrets.isEmpty {
            text += "Generate the secrets that have no value yet:\n\n```sh\n"
            for secret in secrets {
                text += "convox env set \(flag) \(secret.key)=\"$(openssl rand -hex 32)\"\n"
            }
            text += "```\n\n"
        }
        if !others.isEmpty {
            text += "Set the required variables that have no value yet (deploys fail with `required env` until they "
                + "are set):\n\n```sh\n"
            for variable in others { text += "convox env set \(flag) \(variable.key)=...\n" }
            text += "```\n\n"
        }
        if !EnvFileBackend.isExpected(for: app) && missing.isEmpty {
            text += "No environment values to load.\n\n"
        }
        text += "### Deploy\n\n```sh\nconvox deploy \(flag)\(Self.manifestFlag(options)) --wait\n```\n\n"
        text += "The first deploy creates the resources and load balancer and can take 15-20 minutes.\n"
        let releaseTasks = app.releaseTasks.filter { $0.kind == .releasePhase }
        let isInitContainer = app.services.contains { $0.initCommand != nil }
        if !releaseTasks.isEmpty {
            text += "\n### Release step\n\n"
            if isInitContainer {
                text += "Heroku's release command runs as the web service's `initContainer`, before every web pod "
                    + "starts; there is nothing to run by hand.\n"
            } else {
                text += "Convox has no release phase. After this first deploy, run Heroku's release command once:\n\n"
                    + "```sh\n"
                for task in releaseTasks {
                    text += "\(convoxRun(task, app, options)) \(flag)\n"
                }
                text += "```\n\nFor every later deploy, run it against the new release before it goes live:\n\n```sh\n"
                text += "convox build \(flag)\(Self.manifestFlag(options)) --id   # prints the new release id, e.g. RABCDEFGHI\n"
                for task in releaseTasks {
                    text += "\(convoxRun(task, app, options)) \(flag) --release RABCDEFGHI\n"
                }
                text += "convox releases promote RABCDEFGHI \(flag)\n```\n"
            }
        }
        let postdeploy = app.releaseTasks.filter { $0.kind == .postdeploy }
        if !postdeploy.isEmpty {
            text += "\n### Once, after the first deploy\n\napp.json `scripts.postdeploy` ran once when the Heroku app "
                + "was created. Run it once now, on a fresh database only:\n\n```sh\n"
            for task in postdeploy {
                text += "\(convoxRun(task, app, options)) \(flag)\n"
            }
            text += "```\n"
        }
        return text
    }

    func moveData(_ app: AppIR, _ names: Names, _ options: ConversionOptions) -> String {
        var text = "## 3. Move the data\n\n"
        let databases = app.resources.filter { $0.type != .memcached }
        guard !databases.isEmpty else {
            return text + "The app has no database resource: there is no data to move.\n"
        }
        text += "Do this twice: once now, as a rehearsal, and again during the cut-over (step 5) when nothing writes "
            + "to Heroku any more. **Restoring overwrites the data in the Convox resource.**\n"
        var port = 5433
        for resource in databases {
            // The variable the app reads on both platforms: translate names resources so it stays the same.
            let variable = app.services.lazy.flatMap(\.resources).first { $0.resource == resource.name }?.variable
                ?? resource.name.uppercased().replacingOccurrences(of: "-", with: "_") + "_URL"
            let attachment = String(variable.dropLast(4))
            let dump = resource.name == "database" ? "latest.dump" : "\(resource.name).dump"
            text += "\n### `\(resource.name)` (\(resource.manifestType(for: options.generation))"
                + "\(resource.herokuPlan.map { ", was `\($0)`" } ?? ""))\n\n"
            text += resourceSetUp(resource, names, options)
            switch resource.type {
            case .postgres, .postgis:
                text += "You need the PostgreSQL client tools (`pg_restore`) on your computer.\n\n```sh\n"
                let database = attachment == "DATABASE" ? "" : "\(attachment) "
                text += "heroku pg:backups:capture \(database)-a \(names.heroku)\n"
                text += "heroku pg:backups:download -a \(names.heroku) --output \(dump)\n"
                text += "convox resources -a \(names.convox)   # \(resource.name)'s URL: postgres://USER:PASSWORD@HOST:PORT/DATABASE\n"
                text += "convox resources proxy \(resource.name) -a \(names.convox) --port \(port)\n```\n\n"
                text += "Leave the proxy running (if port \(port) is taken, for example by a local PostgreSQL, pick "
                    + "another with `--port`). In another terminal, with USER, PASSWORD and DATABASE taken from "
                    + "that URL (pg_restore asks for the password):\n\n```sh\n"
                text += "pg_restore --verbose --clean --no-acl --no-owner -h localhost -p \(port) -U USER -d DATABASE "
                    + "\(dump)\n```\n\n"
                text += "If pg_restore says `unsupported version`, install a newer PostgreSQL client.\n"
            case .mysql, .mariadb:
                text += "You need the MySQL client tools (`mysqldump`, `mysql`) on your computer.\n\n```sh\n"
                text += "heroku config:get \(variable) -a \(names.heroku)   # the add-on's URL: "
                    + "mysql://USER:PASSWORD@HOST:PORT/DATABASE\n"
                text += "mysqldump --single-transaction --routines --no-tablespaces -h HOST -P PORT -u USER -p "
                    + "DATABASE > \(resource.name).sql\n"
                text += "convox resources -a \(names.convox)   # \(resource.name)'s URL on Convox\n"
                text += "convox resources proxy \(resource.name) -a \(names.convox) --port \(port)\n```\n\n"
                text += "Leave the proxy running. In another terminal, with the user, password and database from the "
                    + "Convox URL:\n\n```sh\nmysql -h 127.0.0.1 -P \(port) -u USER -p DATABASE < \(resource.name).sql\n```\n"
            case .redis:
                text += "Not automated: translate does not copy Redis data. Most apps use Redis for caches, queues "
                    + "and sessions: let the queues drain on Heroku before the cut-over, and accept empty caches. If "
                    + "it holds data you must keep, export it with your Redis tooling and restore it through "
                    + "`convox resources proxy \(resource.name) -a \(names.convox) --port \(port)`.\n"
            case .memcached:
                break
            }
            port += 1
        }
        return text
    }

    /// What the restore meets on Convox: an RDS or ElastiCache resource is created on the first deploy (and
    /// reached through the same `convox resources proxy`), and a database dump must fit the resource's storage.
    func resourceSetUp(_ resource: Resource, _ names: Names, _ options: ConversionOptions) -> String {
        var text = ""
        let isDatabase = [.postgres, .postgis, .mysql, .mariadb].contains(resource.type)
        if resource.isManaged {
            let service = isDatabase ? "an Amazon RDS instance" : "an Amazon ElastiCache cluster"
            text += "This resource is \(service)\(resource.option("class").map { " (`\($0)`)" } ?? ""): Convox creates "
                + "it during the first deploy, which then takes 10-20 minutes longer, and `convox resources proxy` "
                + "reaches it like any other resource.\n\n"
        }
        if isDatabase {
            // Both generations' templates: RDS 20 GB by default, a generation 3 container volume 10 GiB.
            let storage = resource.option("storage") ?? (resource.isManaged || options.generation == .two ? "20" : "10")
            let size = resource.type == .postgres || resource.type == .postgis
                ? "`heroku pg:info -a \(names.heroku)` shows its Data Size"
                : "check its size with the add-on's dashboard"
            text += "The resource has \(storage) GB of storage; the Heroku database must fit (\(size)). If it does "
                + "not, raise `storage` in convox.yml before the first deploy.\n\n"
        }
        return text
    }

    func beforeCutOver(_ app: AppIR, _ names: Names, _ options: ConversionOptions) -> String {
        var text = "## 4. Before the cut-over (days ahead)\n\n"
        let domains = app.webService?.domains ?? []
        let shown = domains.isEmpty ? ["<your-domain>"] : domains
        text += "1. Lower the DNS TTL of \(shown.map { "`\($0)`" }.joined(separator: ", ")) to 60 seconds, so the "
            + "switch propagates quickly.\n"
        if options.generation == .two {
            text += "2. Issue a certificate on Convox (an AWS administrator may have to approve it by email):\n\n"
                + "   ```sh\n" + shown.map { "   convox certs generate \(Self.shellWord($0))\n" }.joined() + "   ```\n\n"
        } else {
            text += "2. Certificates: on a generation 3 rack Convox requests one automatically for every `domain:` "
                + "once DNS points at the rack; nothing to run.\n"
        }
        if domains.isEmpty {
            text += "3. Add `domain: <your-domain>` under `services.web` in convox.yml (or run translate again with "
                + "`--domains FILE`), then `convox deploy -a \(names.convox)\(Self.manifestFlag(options)) --wait`.\n"
        } else {
            text += "3. convox.yml already sets `domain:` on the web service. Deploy it: "
                + "`convox deploy -a \(names.convox)\(Self.manifestFlag(options)) --wait`.\n"
        }
        return text
    }

    func cutOver(_ app: AppIR, _ names: Names) -> String {
        var text = "## 5. Cut-over\n\nThis takes the app offline for a short while: do it off-hours.\n\n"
        var step = 1
        if !app.timers.isEmpty {
            text += "\(step). Disable every Heroku Scheduler job (`heroku addons:open scheduler -a \(names.heroku)`):\n"
            // A JSON job list can hold a command with a line break: one line here, so no heading or step is added.
            for timer in app.timers { text += "   - `\(OneLineText.escaped(timer.command.shellText))`\n" }
            step += 1
        }
        text += "\(step). Put Heroku in maintenance mode:\n\n   ```sh\n   heroku maintenance:on -a \(names.heroku)\n   ```\n\n"
        step += 1
        let workers = app.services.filter { $0.role == .worker }
        if !workers.isEmpty {
            text += "\(step). Give the workers a few seconds to finish their current jobs, then stop them:\n\n"
                + "   ```sh\n   heroku ps:scale \(workers.map { "\($0.herokuName)=0" }.joined(separator: " ")) "
                + "-a \(names.heroku)\n   ```\n\n"
            step += 1
        }
        if app.resources.contains(where: { $0.type != .memcached }) {
            text += "\(step). Move the data again: repeat step 3.\n"
            step += 1
        }
        text += "\(step). Point DNS at Convox: `convox rack` prints the router hostname; make each domain a CNAME "
            + "to it.\n"
        step += 1
        text += "\(step). Verify: `convox services -a \(names.convox)`, open the site, and watch "
            + "`convox logs -a \(names.convox)`.\n"
        return text
    }

    func timers(_ app: AppIR, _ options: ConversionOptions) -> String {
        var text = "## 6. Timers\n\n"
        guard !app.timers.isEmpty else {
            return text + "No Heroku Scheduler jobs were given (pass `--scheduler FILE` if the app has any).\n"
        }
        text += "| Heroku Scheduler job | Convox timer | schedule (UTC) | service |\n|---|---|---|---|\n"
        for timer in app.timers {
            // A `|` inside a cell would end it, even within backticks.
            let command = OneLineText.escaped(timer.command.shellText).replacingOccurrences(of: "|", with: "\\|")
            text += "| `\(command)` | `\(timer.name)` | `\(timer.schedule.cronExpression(for: options.generation))` "
                + "| `\(timer.service)` |\n"
        }
        return text
    }

    func notCarriedOver(_ diagnostics: Diagnostics) -> String {
        var text = "## 7. What was not carried over\n\n"
        let warnings = diagnostics.sorted.filter { $0.severity == .warning }
        guard !warnings.isEmpty else {
            return text + "Nothing: translate reported no warnings for this app.\n"
        }
        var groups: [(area: String, items: [Diagnostic])] = []
        for warning in warnings {
            let area = String(warning.id.rawValue.prefix { $0 != "." })
            if let index = groups.firstIndex(where: { $0.area == area }) {
                groups[index].items.append(warning)
            } else {
                groups.append((area, [warning]))
            }
        }
        for group in groups {
            text += "### \(group.area)\n\n"
            for warning in group.items {
                // Messages quote the user's names and values: one line each, like on stderr.
                let place = warning.location.map { "`\(OneLineText.escaped($0.rendered))`: " } ?? ""
                text += "- [ ] \(place)\(OneLineText.escaped(warning.message))"
                    + (warning.hint.map { ". **Do:** \(OneLineText.escaped($0))" } ?? "") + "\n"
            }
            text += "\n"
        }
        return String(text.dropLast())
    }

    func rollback(_ app: AppIR, _ names: Names) -> String {
        var text = "## 8. Rollback\n\nUntil DNS has moved and you are satisfied, Heroku is untouched apart from "
            + "maintenance mode. To go back:\n\n```sh\nheroku maintenance:off -a \(names.heroku)\n"
        let workers = app.services.filter { $0.role == .worker }
        if !workers.isEmpty {
            text += "heroku ps:scale \(workers.map { "\($0.herokuName)=\($0.scale.count ?? 1)" }.joined(separator: " ")) "
                + "-a \(names.heroku)   # or the counts you ran before\n"
        }
        text += "```\n\n"
        if !app.timers.isEmpty { text += "Re-enable the Heroku Scheduler jobs. " }
        text += "Point DNS back at the target `heroku domains -a \(names.heroku)` shows. Data written on Convox after "
            + "the cut-over is not copied back.\n"
        return text
    }

}
