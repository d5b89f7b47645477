/// How bad a finding is. Errors stop all output; warnings fail the run only under `--strict`.
public enum Severity: String, Sendable, Codable, Comparable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable, dotted name for a kind of finding (`procfile.duplicate-type`). Ids are never renumbered or reused,
/// so users can grep for them and the README can list them. Each stage declares its ids in its own file.
public struct DiagnosticID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    public var rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One finding about the user's input or our output: a value, collected and rendered once at the end.
public struct Diagnostic: Sendable, Equatable, Codable {
    public var id: DiagnosticID
    public var severity: Severity
    /// What happened, in the user's terms (their key names, their process types).
    public var message: String
    public var location: SourceLocation?
    /// What to do about it.
    public var hint: String?

    public init(
        _ severity: Severity, _ id: DiagnosticID, _ message: String, at location: SourceLocation? = nil,
        hint: String? = nil
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }
}

/// The diagnostics sink every stage writes into. Order of insertion does not matter: `sorted` is what gets printed.
public struct Diagnostics: Sendable, Equatable {
    public private(set) var all: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) { all = diagnostics }

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func append(contentsOf other: Diagnostics) { all.append(contentsOf: other.all) }

    public mutating func error(
        _ id: DiagnosticID, _ message: String, at location: SourceLocation? = nil, hint: String? = nil
    ) {
        append(Diagnostic(.error, id, message, at: location, hint: hint))
    }

    public mutating func warning(
        _ id: DiagnosticID, _ message: String, at location: SourceLocation? = nil, hint: String? = nil
    ) {
        append(Diagnostic(.warning, id, message, at: location, hint: hint))
    }

    public mutating func note(
        _ id: DiagnosticID, _ message: String, at location: SourceLocation? = nil, hint: String? = nil
    ) {
        append(Diagnostic(.note, id, message, at: location, hint: hint))
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var hasWarnings: Bool { all.contains { $0.severity == .warning } }
    public var isEmpty: Bool { all.isEmpty }

    /// Sorted by file, line, column, then id and message, so output never depends on the order stages ran in.
    /// Findings without a location come first. Exact duplicates are dropped.
    public var sorted: [Diagnostic] {
        var seen = Set<String>()
        var unique: [Diagnostic] = []
        for diagnostic in all {
            let key = "\(diagnostic.location?.rendered ?? "")|\(diagnostic.id)|\(diagnostic.message)"
            if seen.insert(key).inserted { unique.append(diagnostic) }
        }
        // Indexes are sorted, not the diagnostics: moving thousands of them (each with several strings) while sorting
        // cost more than comparing them.
        let order = unique.indices.sorted { Self.precedes(unique[$0], unique[$1]) }
        return order.map { unique[$0] }
    }

    /// The order of `sorted`: no location first, then file, line, column, id and message.
    static func precedes(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if let left = lhs.location {
            guard let right = rhs.location else { return false }
            if left.file != right.file { return left.file < right.file }
            if left.line != right.line { return left.line < right.line }
            if left.column != right.column { return left.column < right.column }
        } else if rhs.location != nil {
            return true
        }
        if lhs.id != rhs.id { return lhs.id < rhs.id }
        return lhs.message < rhs.message
    }
}
