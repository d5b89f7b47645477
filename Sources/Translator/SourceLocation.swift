/// Where a value came from, so every message can point into the user's own file with their own key names.
public struct SourceLocation: Sendable, Equatable, Hashable, Codable, Comparable {
    /// The path as the user would type it (relative to the working directory when possible).
    public var file: String
    /// 1-based line; 0 when the finding is about the file as a whole.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int
    /// The user's key path inside the file (`env.SECRET_KEY`, `formation.web.size`), when there is one.
    public var keyPath: String?

    public init(file: String, line: Int = 0, column: Int = 0, keyPath: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
    }

    /// GCC style: `file:line:col`, leaving out what is unknown.
    public var rendered: String {
        var text = file
        if line > 0 {
            text += ":\(line)"
            if column > 0 { text += ":\(column)" }
        }
        return text
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
