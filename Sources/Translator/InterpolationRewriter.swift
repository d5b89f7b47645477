/// Convox replaces every `${NAME}` in convox.yml with the app's env value (or "") *before* parsing YAML, so a
/// Heroku command's `${PORT}` or `${WORKERS:-4}` would silently become empty. This rewrites them into forms
/// Convox leaves alone and the shell still expands at run time.
public enum InterpolationRewriter {
    /// The outcome of rewriting one command.
    public struct Result: Sendable, Equatable {
        public var text: String
        /// `${X:-d}` defaults, in order of first appearance: each becomes an environment default `X=d`.
        public var defaults: [(name: String, value: String)]
        /// `${...}` forms that cannot be kept (`${X:?}`, `${#X}`, `${X-d}` ...), as written.
        public var unsupported: [String]
        /// Plain `${X}` forms that were rewritten to `$X`.
        public var rewritten: [String]
        /// `${X}` text the shell keeps literally (inside single quotes, after `\`), split so Convox leaves it too.
        public var literal: [String] = []
        /// A later `${X:-e}` whose default differs from the first `${X:-d}` of the same name, as written, with the
        /// default that wins: one variable can hold one environment default.
        public var conflicting: [(written: String, kept: String)] = []

        public static func == (lhs: Result, rhs: Result) -> Bool {
            lhs.text == rhs.text && lhs.unsupported == rhs.unsupported && lhs.rewritten == rhs.rewritten
                && lhs.literal == rhs.literal
                && lhs.conflicting.map { "\($0.written)=\($0.kept)" }
                    == rhs.conflicting.map { "\($0.written)=\($0.kept)" }
                && lhs.defaults.map { "\($0.name)=\($0.value)" } == rhs.defaults.map { "\($0.name)=\($0.value)" }
        }
    }

    /// `${X}` becomes `$X`, `${X:-d}` becomes `$X` plus a default; `""` is inserted when the next character would
    /// otherwise join the name (`${X}1` becomes `$X""1`). A `${` the shell keeps as literal text (inside single
    /// quotes, or after a backslash) is split so Convox's `\$\{([^}]*?)\}` (pkg/manifest/helpers.go) no longer
    /// matches it, while the shell still reads the same text: `'${X}'` becomes `'$''{X}'`, `\${X}` becomes `\$\{X}`.
    public static func rewrite(_ text: String) -> Result {
        // Without a `$` byte directly before a `{` byte no `Character` pair is `$`, `{` either: the text stays.
        guard containsDollarBrace(text.utf8) else {
            return Result(text: text, defaults: [], unsupported: [], rewritten: [])
        }
        if ShellCommand.isASCIIWithoutCarriageReturn(text) {
            return rewrite(elements: Array(text.utf8)) { String(decoding: $0, as: UTF8.self) }
        }
        return rewrite(elements: Array(text)) { String($0) }
    }

    enum Quote { case none, single, double }

    static func containsDollarBrace(_ bytes: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "$") { return true }
            previous = byte
        }
        return false
    }

    /// The rewrite over `Character`s, or over the bytes of ASCII text without CR, where a byte is a `Character`
    /// (which saves a `Character` array and a `String` append per character).
    static func rewrite<Element: InterpolationElement>(
        elements characters: [Element], text makeText: (ArraySlice<Element>) -> String
    ) -> Result {
        let dollar = Element(ascii: "$"), openBrace = Element(ascii: "{"), closeBrace = Element(ascii: "}")
        let singleQuote = Element(ascii: "'"), doubleQuote = Element(ascii: "\""), backslash = Element(ascii: "\\")
        var result = Result(text: "", defaults: [], unsupported: [], rewritten: [])
        var output: [Element] = []
        output.reserveCapacity(characters.count + 8)
        var quote = Quote.none
        var index = 0
        // Lookups by name and by written form, so a hostile 1 MB command of `${...}` forms stays linear.
        var defaultIndex: [String: Int] = [:]
        var conflictingSeen: Set<String> = []
        /// The `${...}` text starting at `start`, for messages: up to its `}`, at most 100 characters.
        func writtenForm(at start: Int) -> String {
            let slice = characters[start...].prefix(100)
            guard let close = slice.firstIndex(of: closeBrace) else { return makeText(slice) }
            return makeText(characters[start...close])
        }
        while index < characters.count {
            let character = characters[index]
            let opensBrace = character == dollar && index + 1 < characters.count && characters[index + 1] == openBrace
            switch quote {
            case .single:
                if character == singleQuote { quote = .none }
                if opensBrace {
                    result.literal.append(writtenForm(at: index))
                    output.append(contentsOf: Element.elements(of: "$''{"))
                    index += 2
                    continue
                }
                output.append(character)
                index += 1
                continue
            case .none, .double:
                if character == backslash, index + 1 < characters.count {
                    let escapesBrace = characters[index + 1] == dollar && index + 2 < characters.count
                        && characters[index + 2] == openBrace
                    if escapesBrace {
                        result.literal.append(writtenForm(at: index + 1))
                        output.append(contentsOf: Element.elements(of: quote == .double ? "\\$\"\"{" : "\\$\\{"))
                        index += 3
                    } else {
                        output.append(character)
                        output.append(characters[index + 1])
                        index += 2
                    }
                    continue
                }
                if character == singleQuote, quote == .none { quote = .single }
                if character == doubleQuote { quote = quote == .double ? .none : .double }
            }
            guard opensBrace else {
                output.append(character)
                index += 1
                continue
            }
            guard let close = characters[(index + 2)...].firstIndex(of: closeBrace) else {
                result.unsupported.append(makeText(characters[index...]))
                output.append(contentsOf: characters[index...])
                break
            }
            let inner = makeText(characters[(index + 2)..<close])
            let original = "${" + inner + "}"
            let name = String(inner.prefix { $0 == "_" || $0.isASCII && ($0.isLetter || $0.isNumber) })
            let rest = inner.dropFirst(name.count)
            let nextJoins = close + 1 < characters.count && characters[close + 1].isNameCharacter
            if ShellCommand.isIdentifier(name), rest.isEmpty || rest.hasPrefix(":-") && !rest.contains("$") {
                output.append(contentsOf: Element.elements(of: "$" + name + (nextJoins ? "\"\"" : "")))
                if rest.isEmpty {
                    result.rewritten.append(original)
                } else if let first = defaultIndex[name].map({ result.defaults[$0] }) {
                    if first.value != String(rest.dropFirst(2)), conflictingSeen.insert(original).inserted {
                        result.conflicting.append((original, first.value))
                    }
                } else {
                    defaultIndex[name] = result.defaults.count
                    result.defaults.append((name, String(rest.dropFirst(2))))
                }
            } else {
                result.unsupported.append(original)
                output.append(contentsOf: characters[index...close])
            }
            index = close + 1
        }
        result.text = makeText(output[...])
        return result
    }
}

/// What `InterpolationRewriter` scans: a `Character`, or a byte of ASCII text without CR.
protocol InterpolationElement: Equatable {
    init(ascii: Unicode.Scalar)
    /// `_`, an ASCII letter or an ASCII digit: it would join a `$NAME` written before it.
    var isNameCharacter: Bool { get }
    static func elements(of text: String) -> [Self]
}

extension Character: InterpolationElement {
    init(ascii: Unicode.Scalar) { self.init(ascii) }
    var isNameCharacter: Bool { self == "_" || isASCII && (isLetter || isNumber) }
    static func elements(of text: String) -> [Character] { Array(text) }
}

extension UInt8: InterpolationElement {
    var isNameCharacter: Bool {
        self == UInt8(ascii: "_") || (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z")
            || self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9")
    }
    static func elements(of text: String) -> [UInt8] { Array(text.utf8) }
}
