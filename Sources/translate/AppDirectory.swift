import Foundation
import Translator

extension DiagnosticID {
    static let missingAppDirectory: DiagnosticID = "input.missing-app-directory"
    static let unreadableFile: DiagnosticID = "input.unreadable-file"
    static let missingNamedFile: DiagnosticID = "input.missing-file"
    static let notAFile: DiagnosticID = "input.not-a-file"
}

/// The app being converted, as the CLI sees it on disk. The only place inputs are read from.
struct AppDirectory {
    /// The directory as the user typed it (`.` by default).
    var typedPath: String
    var absolutePath: String
    var context: CommandContext
    /// Top-level names, sorted.
    var listing: [String]

    /// Files larger than this are refused: no Heroku input file is anywhere near it.
    static let maximumFileSize = 64 * 1024 * 1024

    init?(typedPath: String, context: CommandContext, into diagnostics: inout Diagnostics) {
        self.typedPath = typedPath
        self.context = context
        absolutePath = context.resolve(typedPath)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolutePath, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            diagnostics.error(
                .missingAppDirectory, "app directory '\(typedPath)' does not exist or is not a directory",
                hint: "pass the folder that holds the app's Procfile")
            return nil
        }
        listing = ((try? FileManager.default.contentsOfDirectory(atPath: absolutePath)) ?? []).sorted()
    }

    /// `Procfile` inside `path/to/app` is shown as `path/to/app/Procfile`; inside `.` as `Procfile`. For the
    /// CLI's own messages on stderr; the stages see app-relative names.
    func displayPath(_ name: String) -> String { Self.join(typedPath, name) }

    /// `path` (absolute) relative to `directory` (absolute), with `..` steps when it lies outside: how a file
    /// named on the command line is recorded and shown, so that it does not depend on the working directory.
    static func relativePath(of path: String, from directory: String) -> String {
        let target = (path as NSString).standardizingPath.split(separator: "/")
        let base = (directory as NSString).standardizingPath.split(separator: "/")
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        let steps = Array(repeating: "..", count: base.count - common) + target[common...].map(String.init)
        return steps.isEmpty ? "." : steps.joined(separator: "/")
    }

    /// The absolute path of `path` as the stages name it: relative to the app, or absolute.
    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? (path as NSString).standardizingPath
            : ((absolutePath as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    /// Joins a directory as typed and a name the way a user would write it (`.` disappears).
    static func join(_ directory: String, _ name: String) -> String {
        var prefix = directory
        while prefix.hasSuffix("/") && prefix.count > 1 { prefix.removeLast() }
        if name == "." { return prefix }
        if prefix == "." || prefix.isEmpty { return name }
        return prefix == "/" ? "/" + name : prefix + "/" + name
    }

    /// Reads what a frontend asked for. Missing app files are skipped; a missing named file is an error.
    /// Every file is named relative to the app (a named file too: the CLI passes options as app-relative paths),
    /// so diagnostics, and the runbook quoting them, read the same however APP_DIR was spelled.
    func read(_ requests: [InputRequest], into diagnostics: inout Diagnostics) -> [InputFile] {
        requests.flatMap { request -> [InputFile] in
            switch request {
            case .appFile(let name):
                let absolute = (absolutePath as NSString).appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: absolute) else { return [] }
                return [readFile(at: absolute, shownAs: name, into: &diagnostics)].compactMap { $0 }
            case .namedFile(let typed):
                if typed == "-" { return [InputFile(path: "<stdin>", contents: context.readStandardInput())] }
                // The same stream under its device names, so tests and in-process runs see the injected stdin.
                if typed == "/dev/stdin" || typed == "/dev/fd/0" {
                    return [InputFile(path: typed, contents: context.readStandardInput())]
                }
                let absolute = absolute(typed)
                guard FileManager.default.fileExists(atPath: absolute) else {
                    diagnostics.error(.missingNamedFile, "file '\(typed)' does not exist",
                        at: SourceLocation(file: typed), hint: "check the path given on the command line")
                    return []
                }
                return [readFile(at: absolute, shownAs: typed, into: &diagnostics)].compactMap { $0 }
            case .appFileSearch(let name, let maximumDepth):
                return search(name, maximumDepth: maximumDepth).compactMap { relative in
                    let absolute = (absolutePath as NSString).appendingPathComponent(relative)
                    var file = readFile(at: absolute, shownAs: relative, into: &diagnostics)
                    file?.appRelativePath = relative
                    return file
                }
            }
        }
    }

    /// The app-relative paths of the app files `read` returned for `requests` (named files are not app files).
    func appRelativePaths(of requests: [InputRequest], read inputs: [InputFile]) -> [String] {
        let shown = Set(inputs.map(\.path))
        return requests.flatMap { request -> [String] in
            switch request {
            case .appFile(let name): return shown.contains(displayPath(name)) ? [name] : []
            case .namedFile: return []
            case .appFileSearch(let name, _):
                return inputs.compactMap(\.appRelativePath).filter { ($0 as NSString).lastPathComponent == name }
            }
        }
    }

    /// Folders a Heroku build never has (git-ignored local installs, the repository itself), skipped so a
    /// search does not walk thousands of packages.
    static let foldersOutsideTheSlug: Set<String> = [".git", "node_modules", ".venv", "venv"]

    /// Relative paths of the regular files called `name`, level by level like `find . -maxdepth N -type f -name`,
    /// sorted by path within a level. Symbolic links to folders are not followed (`find` does not either).
    func search(_ name: String, maximumDepth: Int) -> [String] {
        var found: [String] = []
        var level = [""]
        for _ in 0..<max(maximumDepth, 0) {
            var next: [String] = []
            for folder in level {
                let absolute = folder.isEmpty ? absolutePath : (absolutePath as NSString).appendingPathComponent(folder)
                let entries = ((try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []).sorted()
                for entry in entries {
                    let relative = folder.isEmpty ? entry : folder + "/" + entry
                    let full = (absolutePath as NSString).appendingPathComponent(relative)
                    let type = (try? FileManager.default.attributesOfItem(atPath: full)[.type]) as? FileAttributeType
                    if type == .typeDirectory {
                        if !Self.foldersOutsideTheSlug.contains(entry) { next.append(relative) }
                    } else if type == .typeRegular, entry == name {
                        found.append(relative)
                    }
                }
            }
            level = next
        }
        return found
    }

    /// Reads with open/read rather than by size, so a pipe (`--config-vars <(heroku config --json)` names
    /// `/dev/fd/63`), a FIFO or a character device is read to its end like a regular file, and never past the limit.
    func readFile(at absolute: String, shownAs shown: String, into diagnostics: inout Diagnostics) -> InputFile? {
        let descriptor = open(absolute, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            diagnostics.error(.unreadableFile, "'\(shown)' cannot be read: \(String(cString: strerror(errno)))",
                at: SourceLocation(file: shown), hint: "check the file's permissions")
            return nil
        }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            diagnostics.error(.notAFile, "'\(shown)' is a directory, not a file", at: SourceLocation(file: shown))
            return nil
        }
        // A regular file says its size up front: a huge one is refused without reading it.
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        var contents: [UInt8] = []
        if isRegular, info.st_size > Self.maximumFileSize {
            diagnostics.error(
                .unreadableFile, "'\(shown)' is \(info.st_size) bytes, more than the \(Self.maximumFileSize) bytes "
                    + "translate reads", at: SourceLocation(file: shown))
            return nil
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while contents.count <= Self.maximumFileSize {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                diagnostics.error(.unreadableFile, "'\(shown)' cannot be read: \(String(cString: strerror(errno)))",
                    at: SourceLocation(file: shown), hint: "check the file's permissions")
                return nil
            }
            contents += chunk[0..<count]
        }
        guard contents.count <= Self.maximumFileSize else {
            diagnostics.error(
                .unreadableFile, "'\(shown)' is over \(Self.maximumFileSize) bytes, more than translate reads",
                at: SourceLocation(file: shown))
            return nil
        }
        return InputFile(path: shown, contents: contents)
    }
}
