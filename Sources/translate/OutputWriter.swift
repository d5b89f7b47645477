import Foundation
import Translator

extension DiagnosticID {
    static let outputNotGenerated: DiagnosticID = "output.not-generated"
    static let outputEditedByHand: DiagnosticID = "output.edited-by-hand"
    static let outputSymlink: DiagnosticID = "output.symlink"
    static let outputNotAFile: DiagnosticID = "output.not-a-file"
    static let outputWriteFailed: DiagnosticID = "output.write-failed"
    static let outputPathClash: DiagnosticID = "output.path-clash"
    static let outputOutsideApp: DiagnosticID = "output.outside-app"
}

/// Writes generated files without losing anything: a file the user wrote or edited is never replaced without
/// `--force`, links on the way to the output directory or at an output are not followed, and all outputs are
/// written as one transaction (staged beside their targets, then renamed), so a failure leaves nothing changed.
struct OutputWriter {
    enum Change: String {
        case create = "created"
        case replace = "updated"
        case unchanged
        /// A stale generated file that was not edited (`StaleOutput`): removed in the same transaction.
        case remove = "removed"
    }

    struct PlannedWrite {
        var file: OutputFile
        var absolutePath: String
        var displayPath: String
        var change: Change
        /// An unchanged secret file whose mode the user loosened: it is set back to 0600.
        var tightensMode = false
    }

    var directory: String
    var displayPath: (String) -> String
    var force: Bool
    /// The output directory as typed (`--out DIR`, or APP_DIR) and the directory it is relative to: every
    /// component the user typed is checked for a link, while the working directory's own path is theirs to choose.
    var typedDirectory = "."
    var workingDirectory = "/"
    /// Where files marked `isAtAppRoot` go (the app's root, absolute) and how they are shown, when --out is
    /// inside the app; nil otherwise, and they go to `directory` like the rest.
    var appRoot: (absolutePath: String, displayPath: (String) -> String)? = nil

    /// The first component of `typed` (as the user typed it, up to that component) that is a symbolic link, or nil.
    /// Components that do not exist yet are created by the write, so they cannot be links.
    static func symbolicLinkComponent(of typed: String, from workingDirectory: String) -> String? {
        var current = typed.hasPrefix("/") ? "/" : workingDirectory
        var shown: [String] = typed.hasPrefix("/") ? [""] : []
        for component in typed.split(separator: "/").map(String.init) where component != "." {
            shown.append(component)
            current = component == ".." ? (current as NSString).deletingLastPathComponent
                : (current as NSString).appendingPathComponent(component)
            var info = stat()
            guard lstat(current, &info) == 0 else { return nil }
            if (info.st_mode & S_IFMT) == S_IFLNK { return shown.joined(separator: "/") }
        }
        return nil
    }

    /// Decides what each file would do, reporting (as errors) every file it must not touch.
    func plan(_ files: [OutputFile], into diagnostics: inout Diagnostics) -> [PlannedWrite] {
        if !force, let link = Self.symbolicLinkComponent(of: typedDirectory, from: workingDirectory) {
            let what = link == typedDirectory || link + "/" == typedDirectory
                ? "the output directory '\(link)' is"
                : "'\(link)', on the way to the output directory '\(typedDirectory)', is"
            diagnostics.error(
                .outputSymlink, "\(what) a symbolic link; refusing to write through it",
                hint: "pass the real directory (`realpath \(ShellCommand.singleQuoted(typedDirectory))` prints it), "
                    + "or --force")
            return []
        }
        // Two outputs at one path (compared without case, as macOS and Windows file systems do) would overwrite
        // each other; the stages keep names apart, so this only guards the class.
        var seen: [String: String] = [:]
        for file in files {
            let key = (file.isAtAppRoot && appRoot != nil ? "app-root:" : "") + file.path.lowercased()
            if let earlier = seen[key] {
                diagnostics.error(
                    .outputPathClash, "two outputs would be written to '\(displayPath(file.path))' (\(earlier) and "
                        + "\(file.path)); nothing was written", at: SourceLocation(file: displayPath(file.path)),
                    hint: "give --env-file another name, such as .env.convox")
                return []
            }
            seen[key] = file.path
        }
        return files.compactMap { file in
            let root = file.isAtAppRoot ? appRoot : nil
            let absolute = ((root?.absolutePath ?? directory) as NSString).appendingPathComponent(file.path)
            let shown = root?.displayPath(file.path) ?? displayPath(file.path)
            if isSymlink(absolute), !force {
                diagnostics.error(
                    .outputSymlink, "'\(shown)' is a symbolic link; refusing to write through it",
                    at: SourceLocation(file: shown), hint: "remove the link, or pass --force")
                return nil
            }
            if file.appendsMissingLines {
                return planAppend(file, absolutePath: absolute, displayPath: shown, into: &diagnostics)
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                return PlannedWrite(file: file, absolutePath: absolute, displayPath: shown, change: .create)
            }
            if isDirectory.boolValue {
                diagnostics.error(.outputNotAFile, "'\(shown)' is a directory; cannot write the generated file there",
                    at: SourceLocation(file: shown))
                return nil
            }
            guard let data = FileManager.default.contents(atPath: absolute) else {
                diagnostics.error(.outputWriteFailed, "'\(shown)' exists but cannot be read",
                    at: SourceLocation(file: shown))
                return nil
            }
            let existing = String(decoding: data, as: UTF8.self)
            if existing == file.contents {
                var unchanged = PlannedWrite(file: file, absolutePath: absolute, displayPath: shown, change: .unchanged)
                unchanged.tightensMode = file.isSecret && existingMode(absolute) != 0o600
                return unchanged
            }
            if !force, !file.isRecord {
                switch GeneratedHeader.status(of: existing) {
                case .unmodified:
                    break
                case .notGenerated:
                    diagnostics.error(
                        .outputNotGenerated, "'\(shown)' exists and was not generated by translate; refusing to "
                            + "overwrite it", at: SourceLocation(file: shown),
                        hint: file.path == "convox.yml"
                            ? "compare with `translate diff --against \(shown)`, write elsewhere with --out, "
                                + "or replace it with --force"
                            : file.isSecret
                                ? "keep your file and write the Heroku values to another one with "
                                    + "--env-file .env.convox, or replace it with --force"
                                : "write elsewhere with --out, or replace it with --force")
                    return nil
                case .editedByHand:
                    diagnostics.error(
                        .outputEditedByHand, "'\(shown)' was edited by hand since translate generated it; "
                            + "refusing to overwrite it", at: SourceLocation(file: shown, line: 1),
                        hint: "move your edits into the inputs, or pass --force to discard them"
                            + (file.canBeAdopted
                                ? "; or delete its first line to make it your own, which translate then leaves alone"
                                : ""))
                    return nil
                }
            }
            return PlannedWrite(file: file, absolutePath: absolute, displayPath: shown, change: .replace)
        }
    }

    /// A user-owned file we only add lines to (`.gitignore`): the plan's contents become the existing text plus
    /// each line of `file.contents` it lacks, so the user's lines, order and comments are never touched.
    func planAppend(
        _ file: OutputFile, absolutePath absolute: String, displayPath shown: String,
        into diagnostics: inout Diagnostics
    ) -> PlannedWrite? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
            return PlannedWrite(file: file, absolutePath: absolute, displayPath: shown, change: .create)
        }
        guard !isDirectory.boolValue else {
            diagnostics.error(.outputNotAFile, "'\(shown)' is a directory; cannot add lines to it",
                at: SourceLocation(file: shown))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: absolute),
            let existing = String(data: data, encoding: .utf8)
        else {
            diagnostics.error(.outputWriteFailed, "'\(shown)' cannot be read as UTF-8 text, so translate cannot add "
                + "its lines to it", at: SourceLocation(file: shown),
                hint: "add these lines by hand: " + file.contents.split(separator: "\n").joined(separator: ", "))
            return nil
        }
        let required = file.contents.split(separator: "\n").map(String.init)
        let missing = Self.linesNotInForce(required, in: existing, trimsLeadingBlanks: file.path != ".gitignore")
        var planned = file
        planned.contents = existing
        guard !missing.isEmpty else {
            return PlannedWrite(file: planned, absolutePath: absolute, displayPath: shown, change: .unchanged)
        }
        if !existing.isEmpty, !existing.hasSuffix("\n") { planned.contents += "\n" }
        planned.contents += missing.joined(separator: "\n") + "\n"
        return PlannedWrite(file: planned, absolutePath: absolute, displayPath: shown, change: .replace)
    }

    /// The `required` lines that `existing` lacks, or has only before a negation (`!pattern`) of the user's that
    /// could re-include what they name: in both .gitignore and .dockerignore the last matching line wins, so such
    /// a line no longer keeps its file out. Negations among `required` are our own and do not count. Git keeps a
    /// line's leading blanks (` .env` is another name); Docker trims both ends.
    static func linesNotInForce(_ required: [String], in existing: String, trimsLeadingBlanks: Bool) -> [String] {
        let lines = existing.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { line in
            trimsLeadingBlanks ? line.trimmingCharacters(in: .whitespaces)
                : String(line.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
        }
        let ownLines = Set(required)
        return required.filter { line in
            // The line itself, or the user's equivalent pattern (`/.env` or `.env*` for `.env`), keeps it out.
            guard let last = lines.lastIndex(where: { $0 == line || covers($0, line) }) else { return true }
            return lines[(last + 1)...].contains { later in
                later.hasPrefix("!") && !ownLines.contains(later) && negation(later, mayMatch: line)
            }
        }
    }

    /// Whether the user's `pattern` already ignores everything the top-level name or pattern `line` names: the
    /// same name with or without a leading `/` or `**/`, or a glob that matches the name (git and Docker match a
    /// pattern without an inner `/` against one path component, with fnmatch). A directory-only pattern
    /// (trailing `/`), a negation or a comment never covers a file.
    static func covers(_ pattern: String, _ line: String) -> Bool {
        guard !pattern.isEmpty, !pattern.hasPrefix("!"), !pattern.hasPrefix("#"), !pattern.hasSuffix("/") else {
            return false
        }
        func bare(_ text: String) -> (name: String, anchored: Bool) {
            var name = text
            var anchored = false
            if name.hasPrefix("/") { name.removeFirst(); anchored = true }
            while name.hasPrefix("**/") { name.removeFirst(3); anchored = false }
            return (name, anchored)
        }
        let (patternName, patternAnchored) = bare(pattern)
        let (lineName, lineAnchored) = bare(line)
        // An anchored pattern covers only the top level; ours may name every level (`**/.env`).
        if patternAnchored && !lineAnchored && line.hasPrefix("**/") { return false }
        if patternName.contains("/") || patternName.isEmpty { return patternName == lineName && !patternName.isEmpty }
        if patternName == lineName { return true }
        // Our line is a literal name (escaped glob characters aside): the user's glob must match it as a name.
        guard !lineName.contains(where: { "*?[".contains($0) }) else { return false }
        let literal = lineName.replacingOccurrences(of: "\\", with: "")
        return fnmatch(patternName, literal, 0) == 0
    }

    /// Whether `!pattern` may re-include something the top-level name or pattern `line` covers. A pattern with a
    /// `/` inside (other than a leading `/` or `**/`) or a trailing `/` names something below or a directory, never
    /// a top-level file; otherwise the two overlap when either matches the other as a name (fnmatch, as git and
    /// Docker match one path component): `!.env*` re-includes `.env`, `!.env.production` part of `.env.*`.
    static func negation(_ negation: String, mayMatch line: String) -> Bool {
        var pattern = String(negation.dropFirst())
        var name = line
        for prefix in ["/", "**/"] {
            while pattern.hasPrefix(prefix) { pattern.removeFirst(prefix.count) }
            while name.hasPrefix(prefix) { name.removeFirst(prefix.count) }
        }
        if pattern == "**" { return true }
        if pattern.contains("/") { return false }
        return fnmatch(pattern, name, 0) == 0 || fnmatch(name, pattern, 0) == 0
    }

    /// Permission bits of an existing file, so appending to a user's file keeps its mode.
    func existingMode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }

    /// Writes every changed file as one transaction: each is first staged as a temporary file beside its target
    /// (created with its final mode, so a secret file is 0600 from its first byte), and only when every one was
    /// staged are they renamed over their targets. A failure at any step (disk full, a file-size limit, a
    /// permission) removes what was staged, puts back any file already replaced and removes any directory this
    /// run created, so the output directory is left exactly as it was.
    func write(_ plans: [PlannedWrite], into diagnostics: inout Diagnostics) {
        var transaction = Transaction()
        defer { transaction.removeLeftovers() }
        for plan in plans where plan.change == .remove {
            transaction.stageRemoval(of: plan.absolutePath)
        }
        for plan in plans where plan.change != .unchanged && plan.change != .remove {
            let parent = (plan.absolutePath as NSString).deletingLastPathComponent
            do {
                try transaction.createDirectory(parent)
                let mode: mode_t = plan.file.isSecret ? 0o600
                    : plan.file.appendsMissingLines ? existingMode(plan.absolutePath) ?? 0o644 : 0o644
                try transaction.stage(Array(plan.file.contents.utf8), for: plan.absolutePath, mode: mode)
            } catch {
                diagnostics.error(
                    .outputWriteFailed, "could not write '\(plan.displayPath)': \(error); no file was written",
                    at: SourceLocation(file: plan.displayPath))
                transaction.rollBack()
                return
            }
        }
        if let failure = transaction.commit() {
            let shown = plans.first { $0.absolutePath == failure.path }?.displayPath ?? failure.path
            diagnostics.error(
                .outputWriteFailed, "could not write '\(shown)': \(failure.reason); no file was written",
                at: SourceLocation(file: shown))
            return
        }
        // Last, once everything else is in place: an env file the user loosened is made private again.
        for plan in plans where plan.tightensMode {
            if chmod(plan.absolutePath, 0o600) != 0 {
                diagnostics.error(
                    .outputWriteFailed, "could not make '\(plan.displayPath)' private (mode 0600): "
                        + String(cString: strerror(errno)), at: SourceLocation(file: plan.displayPath),
                    hint: "run `chmod 600 \(plan.displayPath)`")
            }
        }
    }

    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    /// The files and directories one `write` has staged, replaced and created, so it can undo all of them.
    struct Transaction {
        struct Staged {
            var temporary: String
            var target: String
            var backup: String?
            var isCommitted = false
            /// True when the target is removed rather than replaced (there is no temporary file).
            var removesTarget = false
        }

        var staged: [Staged] = []
        var createdDirectories: [String] = []

        /// Creates `path` and any missing parents, remembering each one created so a rollback removes it.
        mutating func createDirectory(_ path: String) throws {
            var missing: [String] = []
            var current = path
            var info = stat()
            while !current.isEmpty, current != "/", stat(current, &info) != 0 {
                missing.append(current)
                current = (current as NSString).deletingLastPathComponent
            }
            for directory in missing.reversed() {
                guard mkdir(directory, 0o755) == 0 || errno == EEXIST else {
                    throw WriteError(description: "cannot create directory '\(directory)': "
                        + String(cString: strerror(errno)))
                }
                createdDirectories.append(directory)
            }
        }

        /// Marks `target` for removal at commit; it is kept as a backup until then, so a rollback puts it back.
        mutating func stageRemoval(of target: String) {
            staged.append(Staged(temporary: "", target: target, removesTarget: true))
        }

        mutating func stage(_ bytes: [UInt8], for target: String, mode: mode_t) throws {
            let temporary = try OutputWriter.writeTemporary(bytes, besides: target, mode: mode, label: "translate")
            staged.append(Staged(temporary: temporary, target: target))
        }

        /// Renames every staged file over its target. A replaced file is first hard-linked to a backup name, so it
        /// can be put back if a later rename fails. Returns the target that failed and why, after rolling back.
        mutating func commit() -> (path: String, reason: String)? {
            for index in staged.indices {
                var info = stat()
                guard lstat(staged[index].target, &info) == 0 else { continue }
                let backup = OutputWriter.temporaryName(besides: staged[index].target, label: "translate-backup")
                guard link(staged[index].target, backup) == 0 else {
                    let failure = (staged[index].target, "cannot keep a copy of the old file while replacing it: "
                        + String(cString: strerror(errno)))
                    rollBack()
                    return failure
                }
                staged[index].backup = backup
            }
            for index in staged.indices {
                if staged[index].removesTarget {
                    guard unlink(staged[index].target) == 0 || errno == ENOENT else {
                        let failure = (staged[index].target, "cannot remove it: " + String(cString: strerror(errno)))
                        rollBack()
                        return failure
                    }
                    staged[index].isCommitted = true
                    continue
                }
                guard rename(staged[index].temporary, staged[index].target) == 0 else {
                    let failure = (staged[index].target, String(cString: strerror(errno)))
                    rollBack()
                    return failure
                }
                staged[index].isCommitted = true
            }
            // The renames themselves reach the disk only when each directory is synced.
            for directory in Set(staged.map { ($0.target as NSString).deletingLastPathComponent }).sorted() {
                let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                if descriptor >= 0 {
                    fsync(descriptor)
                    close(descriptor)
                }
            }
            return nil
        }

        /// Puts the directory back as it was: replaced files return, created files and directories go.
        mutating func rollBack() {
            for entry in staged.reversed() {
                if entry.isCommitted {
                    if let backup = entry.backup { rename(backup, entry.target) } else { unlink(entry.target) }
                } else {
                    if !entry.removesTarget { unlink(entry.temporary) }
                    if let backup = entry.backup { unlink(backup) }
                }
            }
            for directory in createdDirectories.reversed() { rmdir(directory) }
            staged = []
            createdDirectories = []
        }

        /// After a commit only the backups are left; after a rollback nothing is.
        func removeLeftovers() {
            for entry in staged {
                if let backup = entry.backup { unlink(backup) }
                if !entry.isCommitted, !entry.removesTarget { unlink(entry.temporary) }
            }
        }
    }

    /// A fresh name beside `path` for a temporary file; O_EXCL at creation makes a clash an error, not a loss.
    static func temporaryName(besides path: String, label: String, attempt: Int = 0) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return (directory as NSString).appendingPathComponent(".\(name).\(label)-\(getpid())-\(attempt)")
    }

    /// Writes `bytes` to a new temporary file beside `path` with exactly `mode`, synced to disk; returns its path.
    static func writeTemporary(_ bytes: [UInt8], besides path: String, mode: mode_t, label: String) throws -> String {
        var descriptor: Int32 = -1
        var temporary = ""
        for attempt in 0..<100 {
            temporary = temporaryName(besides: path, label: label, attempt: attempt)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw WriteError(description: String(cString: strerror(errno))) }
        var written = 0
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }  // nil only for an empty file: nothing to write
            while written < buffer.count {
                let result = Foundation.write(descriptor, base + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                written += result
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        // The mode given to open() is reduced by the umask; set it exactly.
        if failure == nil, fchmod(descriptor, mode) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw WriteError(description: failure)
        }
        return temporary
    }

    /// One file written atomically on its own: staged, then renamed over `path`.
    static func writeAtomically(_ bytes: [UInt8], to path: String, mode: mode_t) throws {
        let temporary = try writeTemporary(bytes, besides: path, mode: mode, label: "translate")
        if rename(temporary, path) != 0 {
            let failure = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(description: failure)
        }
    }

    func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
