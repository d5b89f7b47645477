import Backends
import Foundation
import Translator

extension DiagnosticID {
    static let checkNoLongerGenerated: DiagnosticID = "check.no-longer-generated"
    static let outputNoLongerGenerated: DiagnosticID = "output.no-longer-generated"
    static let outputRemovedStale: DiagnosticID = "output.removed-stale"
}

/// A file with translate's header at a path some backend writes, which this conversion does not produce: the
/// runbook after `--no-runbook`, the Dockerfile once heroku.yml or the app brings its own. Left in place it would
/// mislead (a deploy building from an old Dockerfile, a runbook for another setup), so `check` reports it and
/// `convert` removes it while it is untouched; an edited one is the user's work and only reported.
struct StaleOutput {
    /// The name as the backend writes it (`MIGRATION.md`).
    var name: String
    var absolutePath: String
    var displayPath: String
    /// `.unmodified` or `.editedByHand`: files without our header are never stale, they are the user's.
    var status: GeneratedHeader.Status
    /// Why the conversion no longer writes it, as a clause ("--no-runbook is given").
    var reason: String

    /// The stale outputs in `outputDirectory`, in backend order. Files the conversion read as inputs (a Dockerfile
    /// heroku.yml builds from, even one that still carries our header) are never stale.
    static func find(
        _ conversion: Conversion, options: ConversionOptions, outputDirectory: String,
        displayPath: (String) -> String, inputPaths: Set<String>
    ) -> [StaleOutput] {
        let produced = Set(conversion.files.map(\.path))
        var seen: Set<String> = []
        return BackendRegistry.all.flatMap(\.writtenFileNames).compactMap { name in
            guard !produced.contains(name), seen.insert(name).inserted else { return nil }
            let absolute = (outputDirectory as NSString).appendingPathComponent(name)
            guard !inputPaths.contains(absolute) else { return nil }
            var info = stat()
            // Only a regular file is read: a link or a folder there is not ours to judge.
            guard lstat(absolute, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                let data = FileManager.default.contents(atPath: absolute)
            else { return nil }
            let status = GeneratedHeader.status(of: String(decoding: data, as: UTF8.self))
            guard status != .notGenerated else { return nil }
            return StaleOutput(
                name: name, absolutePath: absolute, displayPath: displayPath(name), status: status,
                reason: reason(name, app: conversion.app, options: options))
        }
    }

    /// The clause saying why `name` is no longer generated.
    static func reason(_ name: String, app: AppIR, options: ConversionOptions) -> String {
        switch name {
        case "MIGRATION.md" where !options.writesRunbook:
            return "--no-runbook is given"
        case "Dockerfile":
            if let own = app.buildPlan.existingDockerfile { return "convox.yml now builds from \(own)" }
            if app.buildPlan.primary == nil { return "no language Heroku's buildpacks build was found" }
        default:
            break
        }
        return "the conversion no longer writes it"
    }

    /// What to do, for `check` and `convert` alike.
    var hint: String {
        let command = "git rm " + CheckCommand.shellWord(displayPath)
        return status == .unmodified
            ? "converting again with the same options removes it, since it was not edited; or delete it "
                + "(`\(command)`)"
            : "it was edited by hand since, so translate leaves it: delete it (`\(command)`), or delete its first "
                + "line to keep it as your own file"
    }
}
