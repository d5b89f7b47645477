import Backends
import Foundation
import Frontends
import Translator

/// The compiler pipeline: read inputs, run every frontend, apply the mapping rules, run every backend, stamp the
/// generated-file headers. Shared by `convert` and `check`, so both see exactly the same output.
struct Conversion {
    var app: AppIR
    var files: [OutputFile]

    /// Nil when the app directory itself is unusable; otherwise the result, with errors left in `diagnostics`.
    static func run(
        appDirectory: AppDirectory, options: ConversionOptions, into diagnostics: inout Diagnostics
    ) -> Conversion {
        var heroku = HerokuApp(directoryListing: appDirectory.listing)
        for frontend in FrontendRegistry.all {
            var inputs = appDirectory.read(
                frontend.requests(listing: appDirectory.listing, options: options), into: &diagnostics)
            inputs += appDirectory.read(frontend.followUpRequests(after: inputs, options: options), into: &diagnostics)
            heroku = heroku.merging(frontend.read(inputs, options: options, into: &diagnostics))
        }
        // An input that could not be read would only cause follow-on errors ("no Procfile") below.
        guard !diagnostics.hasErrors else { return Conversion(app: AppIR(), files: []) }
        let app = AppTranslator(options: options).translate(heroku, into: &diagnostics)
        guard !diagnostics.hasErrors else { return Conversion(app: app, files: []) }
        var files: [OutputFile] = []
        for backend in BackendRegistry.all {
            files += backend.render(app, options: options, into: &diagnostics)
        }
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
        return Conversion(app: app, files: files)
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
