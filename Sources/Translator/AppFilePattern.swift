/// A file the pipeline may read or write, as a pattern over paths relative to the app directory. Frontends declare
/// the files they read with these (and build their requests from the same lists), backends the names they write, so
/// the pre-commit hook's `files:` pattern is derived from what translate actually reads and can never miss an input.
public enum AppFilePattern: Sendable, Hashable {
    /// Exactly this relative path (`Procfile`, `config/routes.rb`).
    case path(String)
    /// A file at the top level whose name ends with this (`build.sbt` and other `*.sbt`).
    case topLevelSuffix(String)
    /// A file called `name` at most `maximumDepth` levels deep (1: the top level only), as `find -maxdepth`.
    case named(String, maximumDepth: Int)
    /// A file called `name` in a top-level folder whose name has no dot (Django's `mysite/urls.py`).
    case inTopLevelFolder(String)
    /// A file at any depth whose name contains this (the Dockerfiles heroku.yml names: `Dockerfile.web`,
    /// `docker/web.Dockerfile`); compared without case for the first letter, as people write both.
    case nameContaining(String)

    /// Whether `path` (relative, `/`-separated) is covered.
    public func matches(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let name = components.last, !name.isEmpty, !components.contains("") else { return false }
        switch self {
        case .path(let exact):
            return path == exact
        case .topLevelSuffix(let suffix):
            return components.count == 1 && name.hasSuffix(suffix)
        case .named(let wanted, let maximumDepth):
            return name == wanted && components.count <= maximumDepth
        case .inTopLevelFolder(let wanted):
            return components.count == 2 && name == wanted && !components[0].contains(".")
        case .nameContaining(let part):
            return Self.initialCaseVariants(of: part).contains { name.contains($0) }
        }
    }

    /// The same test as a regular expression (Python `re`, as pre-commit's `files:` uses), unanchored.
    public var regularExpression: String {
        switch self {
        case .path(let exact):
            return Self.escaped(exact)
        case .topLevelSuffix(let suffix):
            return "[^/]*" + Self.escaped(suffix)
        case .named(let wanted, let maximumDepth):
            return maximumDepth <= 1 ? Self.escaped(wanted) : "([^/]+/){0,\(maximumDepth - 1)}" + Self.escaped(wanted)
        case .inTopLevelFolder(let wanted):
            return "[^/.]+/" + Self.escaped(wanted)
        case .nameContaining(let part):
            let variants = Self.initialCaseVariants(of: part)
            let alternatives = variants.count == 1 ? Self.escaped(part)
                : "[" + variants.map { String($0.prefix(1)) }.joined() + "]" + Self.escaped(String(part.dropFirst()))
            return "([^/]+/)*[^/]*" + alternatives + "[^/]*"
        }
    }

    /// `Dockerfile` and `dockerfile`: the word with its first letter in both cases.
    static func initialCaseVariants(of part: String) -> [String] {
        guard let first = part.first, first.isLetter else { return [part] }
        let rest = part.dropFirst()
        let variants = [first.uppercased() + rest, first.lowercased() + rest]
        return variants[0] == variants[1] ? [variants[0]] : variants
    }

    /// Escapes the characters Python's `re` treats specially.
    public static func escaped(_ literal: String) -> String {
        var result = ""
        for character in literal {
            if "\\.^$*+?()[]{}|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
