import Backends
import Foundation
import Frontends
import Translator

/// The compiler pipeline: read inputs, run every frontend, apply the mapping rules, run every backend, stamp the
/// generated-file headers. Shared by `convert` and `check`, so both see exactly the same output.
struct Conversion {
    var app: AppIR
    var files: [OutputFile]
    /// Every app file the frontends read, relative to the app directory, in reading order (the hook's `files:`
    /// pattern must cover each one; a test checks it).
    var appFilesRead: [String] = []
    /// The app files read because another input named them (the Dockerfiles heroku.yml builds from): inputs, even
    /// where a backend could write a file of that name, so they are never reported as stale outputs.
    var namedAppFiles: [String] = []

    /// Nil when the app directory itself is unusable; otherwise the result, with errors left in `diagnostics`.
    static func run(
        appDirectory: AppDirectory, options: ConversionOptions, into diagnostics: inout Diagnostics
    ) -> Conversion {
        var options = options
        var heroku = HerokuApp(directoryListing: appDirectory.listing)
        // Findings about the config vars file and the env file are printed, but kept from the stages that render
        // committed outputs (the runbook lists warnings): a clean clone has neither file.
        var liveDiagnostics = Diagnostics()
        var liveConfigVars: HerokuApp?
        var appFilesRead: [String] = []
        var namedAppFiles: [String] = []
        for frontend in FrontendRegistry.all {
            let isLive = frontend is ConfigVarsFrontend
            var sink = Diagnostics()
            let requests = frontend.requests(listing: appDirectory.listing, options: options)
            var inputs = appDirectory.read(requests, into: &sink)
            appFilesRead += appDirectory.appRelativePaths(of: requests, read: inputs)
            let followUps = frontend.followUpRequests(after: inputs, options: options)
            let named = appDirectory.read(followUps, into: &sink)
            namedAppFiles += appDirectory.appRelativePaths(of: followUps, read: named)
            inputs += named
            let part = frontend.read(inputs, options: options, into: &sink)
            if isLive {
                liveDiagnostics.append(contentsOf: sink)
                liveConfigVars = part
            } else {
                diagnostics.append(contentsOf: sink)
                heroku = heroku.merging(part)
            }
        }
        appFilesRead += namedAppFiles
        // An input that could not be read would only cause follow-on errors ("no Procfile") below.
        guard !diagnostics.hasErrors, !liveDiagnostics.hasErrors else {
            diagnostics.append(contentsOf: liveDiagnostics)
            return Conversion(app: AppIR(), files: [], appFilesRead: appFilesRead)
        }
        // Config vars by name only: from the file when one was read, else as recorded. The names reach the stages
        // located in the .translate.yml this run writes, exactly as `check` later reads them back.
        if let live = liveConfigVars?.configVars {
            var seen = Set<String>()
            options.configVarKeys = live.map(\.key).filter { seen.insert($0).inserted }
            for variable in live { heroku.liveConfigValues[variable.key] = variable.value }
            // Only PHP's build reads it (the database driver), so only a PHP app records it: Heroku's PHP buildpack
            // detects composer.json or index.php at the root.
            let isPHP = appDirectory.listing.contains("composer.json") || appDirectory.listing.contains("index.php")
            options.databaseURLScheme = isPHP
                ? heroku.liveConfigValues["DATABASE_URL"].flatMap(Self.databaseScheme) : nil
        }
        if options.configVarKeys != nil {
            var ignored = Diagnostics()
            let record = InputFile(
                path: RecordedOptions.fileName, contents: Array(RecordedOptionsBackend.render(options).utf8))
            heroku.configVars = RecordedOptionsReader.read(record, into: &ignored).configVarKeys ?? []
            if heroku.configVars?.isEmpty == false { heroku.sourceFiles.append(RecordedOptions.fileName) }
        }
        let app = AppTranslator(options: options).translate(heroku, into: &diagnostics)
        guard !diagnostics.hasErrors else {
            diagnostics.append(contentsOf: liveDiagnostics)
            return Conversion(app: app, files: [], appFilesRead: appFilesRead)
        }
        var files: [OutputFile] = []
        for backend in BackendRegistry.all {
            if backend is EnvFileBackend {
                files += backend.render(app, options: options, into: &liveDiagnostics)
            } else {
                files += backend.render(app, options: options, into: &diagnostics)
            }
        }
        diagnostics.append(contentsOf: liveDiagnostics)
        // File names are the user's: a line break in one would end the header line early, so each is escaped.
        let sources = app.sourceFiles.map { DiagnosticRenderer.oneLine(($0 as NSString).lastPathComponent) }
        // `convox env set` reads every line with an `=` as a variable, comments included (convox/convox
        // pkg/structs/environment.go), so the env file's header spells `=` in a file name as %3D.
        let envFileSources = sources.map { $0.replacingOccurrences(of: "=", with: "%3D") }
        files = files.map { file in
            var stamped = file
            if let style = file.headerStyle {
                stamped.contents = GeneratedHeader.stamp(
                    file.contents, sources: file.isSecret ? envFileSources : sources, style: style)
            }
            return stamped
        }
        return Conversion(app: app, files: files, appFilesRead: appFilesRead, namedAppFiles: namedAppFiles)
    }

    /// `postgres` or `mysql` for a DATABASE_URL of that kind; only the scheme is kept, never the rest.
    static func databaseScheme(_ url: String) -> String? {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return "postgres" }
        if url.hasPrefix("mysql://") || url.hasPrefix("mysql2://") { return "mysql" }
        return nil
    }

    /// The IR as stable, pretty JSON (`--dump-ir`): frontends can be checked through it. Secret values are
    /// replaced by a placeholder, since a dump ends up in terminals, logs and bug reports.
    func irDump() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var redacted = app
        for index in redacted.environmentValues.indices where redacted.environmentValues[index].isSecret {
            redacted.environmentValues[index].value = "<secret>"
        }
        guard let data = try? encoder.encode(redacted), let text = String(data: data, encoding: .utf8) else {
            return ""
        }
        return text + "\n"
    }
}
