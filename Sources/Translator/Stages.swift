import Foundation

/// One input file as read by the CLI. Stages never touch the file system; they get these values.
public struct InputFile: Sendable, Equatable {
    /// Path shown in diagnostics (relative to where the user ran translate).
    public var path: String
    public var contents: [UInt8]
    /// The path inside the app directory, for files the CLI found by searching (`InputRequest.appFileSearch`),
    /// where a stage needs it to name the file in an output (`python app/manage.py collectstatic`).
    public var appRelativePath: String?

    public init(path: String, contents: [UInt8], appRelativePath: String? = nil) {
        self.path = path
        self.contents = contents
        self.appRelativePath = appRelativePath
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Array(text.utf8))
    }
}

/// One rendered output: a path relative to the output directory and its exact bytes.
public struct OutputFile: Sendable, Equatable {
    public var path: String
    public var contents: String
    /// True for files holding secret values: written 0600 and never compared by `check`.
    public var isSecret: Bool
    /// Comment syntax for the generated-file header, or nil for files that take no header.
    public var headerStyle: HeaderStyle?
    /// True when deleting the header line makes the file the user's own, which translate then leaves alone
    /// (Dockerfile, .dockerignore). Said in the hint when a hand-edited copy is refused.
    public var canBeAdopted = false
    /// True for a file the user owns (`.gitignore`): `contents` are lines that must be in it. Missing lines are
    /// appended, nothing is ever removed or reordered, and no header is added.
    public var appendsMissingLines: Bool
    /// True for a file that belongs at the app's root even when `--out DIR` is inside the app (.dockerignore:
    /// Convox reads only the one at the root of what it uploads).
    public var isAtAppRoot = false
    /// True for `.translate.yml`: a record of what the run read (the file itself, then the flags), rewritten by
    /// every `convert` without the hand-edit guard, since its edits are already what it records.
    public var isRecord = false

    public init(
        path: String, contents: String, isSecret: Bool = false, headerStyle: HeaderStyle? = .hash,
        appendsMissingLines: Bool = false
    ) {
        self.path = path
        self.contents = contents
        self.isSecret = isSecret
        self.headerStyle = headerStyle
        self.appendsMissingLines = appendsMissingLines
    }
}

/// Which input files a frontend wants, chosen from the app directory's listing and the options.
public enum InputRequest: Sendable, Equatable {
    /// A file inside the app directory (relative path). Missing files are skipped silently.
    case appFile(String)
    /// A file named on the command line (path as typed, relative to the working directory, or `-` for stdin).
    /// Missing files are an error.
    case namedFile(String)
    /// Every file called `name` in the app directory or its folders, at most `maximumDepth` levels deep (1: the
    /// app directory only), shallowest first and sorted by path within a level, as `find -maxdepth` followed by
    /// a sort by depth (the Python buildpack's search for manage.py). Missing is not an error.
    case appFileSearch(name: String, maximumDepth: Int)
}

/// Reads one kind of Heroku input into a fragment of what we know about the app.
public protocol Frontend: Sendable {
    /// Short name used in the registry, `--dump-ir` and tests.
    static var name: String { get }
    /// Every app file this frontend may ask for, whatever the app (its requests are built from the same lists).
    /// The pre-commit hook's `files:` pattern is derived from these, so a file missing here is an input the hook
    /// would not notice. Files named by options (`--domains FILE`) are not app files and are not listed.
    var readableFiles: [AppFilePattern] { get }
    /// The files this frontend needs, from the top-level names in the app directory.
    func requests(listing: [String], options: ConversionOptions) -> [InputRequest]
    /// Files named inside the first inputs (the Dockerfiles heroku.yml builds from), read before `read` runs.
    func followUpRequests(after inputs: [InputFile], options: ConversionOptions) -> [InputRequest]
    /// Reads the requested files (in request order; missing app files left out).
    func read(_ inputs: [InputFile], options: ConversionOptions, into diagnostics: inout Diagnostics) -> HerokuApp
}

extension Frontend {
    /// Most inputs name no other files.
    public func followUpRequests(after inputs: [InputFile], options: ConversionOptions) -> [InputRequest] { [] }
}

/// Renders the IR into output files. Never writes to disk.
public protocol Backend: Sendable {
    static var name: String { get }
    /// The name of every file this backend may write, whatever the app (none for the env file, whose name is an
    /// option and which is never committed). `check` reports a generated copy the conversion no longer produces,
    /// and the pre-commit hook watches them.
    var writtenFileNames: [String] { get }
    func render(_ app: AppIR, options: ConversionOptions, into diagnostics: inout Diagnostics) -> [OutputFile]
}
