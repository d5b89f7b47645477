import Translator

/// One node of a YAML document as a person wrote it, with the line and column where it starts, so every finding
/// about a hand-written convox.yml can point at the user's own text. Scalars keep their text and style: whether
/// `14.2` was quoted decides what Convox's YAML library makes of it.
public struct YAMLNode: Sendable, Equatable {
    /// How a scalar was written; plain scalars are the only ones YAML resolves to numbers, booleans or null.
    public enum ScalarStyle: String, Sendable, Equatable {
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
    }

    /// What the node holds. Mappings keep their pairs in document order.
    public enum Content: Sendable, Equatable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    /// 1-based line of the node's first character.
    public var line: Int
    /// 1-based column of the node's first character, in Unicode scalars.
    public var column: Int

    public init(_ content: Content, line: Int, column: Int) {
        self.content = content
        self.line = line
        self.column = column
    }

    /// A plain scalar, as used for values the normaliser fills in.
    public static func plain(_ text: String, line: Int, column: Int = 0) -> YAMLNode {
        YAMLNode(.scalar(text, .plain), line: line, column: column)
    }

    /// The scalar's text, or nil for a collection.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// True for a plain scalar (the only kind YAML resolves to a number, boolean or null).
    public var isPlainScalar: Bool {
        if case .scalar(_, .plain) = content { return true }
        return false
    }

    /// True for an empty value or a plain `~` / `null`: what YAML reads as null.
    public var isNull: Bool {
        guard case .scalar(let text, .plain) = content else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value for `key` in a mapping (the last one if the key repeats, as YAML libraries do).
    public subscript(key: String) -> YAMLNode? {
        pairs?.last { $0.key.scalarText == key }?.value
    }

    /// The pair for `key`, to reach the key's own location.
    public func pair(_ key: String) -> YAMLPair? {
        pairs?.last { $0.key.scalarText == key }
    }

    /// "a mapping", "a list" or "a string", for messages.
    public var kindDescription: String {
        switch content {
        case .scalar: return isNull ? "empty" : "a string"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// The value in one line of flow YAML (`{a: 1, b: [x, y]}`), for messages and diff listings.
    public var compactText: String {
        switch content {
        case .scalar(let text, let style):
            if style == .plain { return text.isEmpty ? "\"\"" : text }
            return YAMLQuoting.doubleQuoted(text)
        case .sequence(let items):
            return "[" + items.map(\.compactText).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { "\($0.key.compactText): \($0.value.compactText)" }.joined(separator: ", ") + "}"
        }
    }
}

/// One `key: value` of a mapping. The key is a node too, so messages can point at the key the user wrote.
public struct YAMLPair: Sendable, Equatable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text (keys are always scalars in what the reader accepts).
    public var name: String { key.scalarText ?? "" }
}
