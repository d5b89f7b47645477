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
        enum Quote { case none, single, double }
        var result = Result(text: "", defaults: [], unsupported: [], rewritten: [])
        let characters = Array(text)
        var quote = Quote.none
        var index = 0
        // Lookups by name and by written form, so a hostile 1 MB command of `${...}` forms stays linear.
        var defaultIndex: [String: Int] = [:]
        var conflictingSeen: Set<String> = []
        /// The `${...}` text starting at `start`, for messages: up to its `}`, at most 100 characters.
        func writtenForm(at start: Int) -> String {
            let slice = characters[start...].prefix(100)
            guard let close = slice.firstIndex(of: "}") else { return String(slice) }
            return String(characters[start...close])
        }
        while index < characters.count {
            let character = characters[index]
            let opensBrace = character == "$" && index + 1 < characters.count && characters[index + 1] == "{"
            switch quote {
            case .single:
                if character == "'" { quote = .none }
                if opensBrace {
                    result.literal.append(writtenForm(at: index))
                    result.text += "$''{"
                    index += 2
                    continue
                }
                result.text.append(character)
                index += 1
                continue
            case .none, .double:
                if character == "\\", index + 1 < characters.count {
                    let escapesBrace = characters[index + 1] == "$" && index + 2 < characters.count
                        && characters[index + 2] == "{"
                    if escapesBrace {
                        result.literal.append(writtenForm(at: index + 1))
                        result.text += quote == .double ? "\\$\"\"{" : "\\$\\{"
                        index += 3
                    } else {
                        result.text.append(character)
                        result.text.append(characters[index + 1])
                        index += 2
                    }
                    continue
                }
                if character == "'", quote == .none { quote = .single }
                if character == "\"" { quote = quote == .double ? .none : .double }
            }
            guard opensBrace else {
                result.text.append(character)
                index += 1
                continue
            }
            guard let close = characters[(index + 2)...].firstIndex(of: "}") else {
                result.unsupported.append(String(characters[index...]))
                result.text += String(characters[index...])
                break
            }
            let inner = String(characters[(index + 2)..<close])
            let original = "${" + inner + "}"
            let name = String(inner.prefix { $0 == "_" || $0.isASCII && ($0.isLetter || $0.isNumber) })
            let rest = inner.dropFirst(name.count)
            let nextJoins = close + 1 < characters.count
                && (characters[close + 1] == "_" || characters[close + 1].isASCII
                    && (characters[close + 1].isLetter || characters[close + 1].isNumber))
            if ShellCommand.isIdentifier(name), rest.isEmpty || rest.hasPrefix(":-") && !rest.contains("$") {
                result.text += "$" + name + (nextJoins ? "\"\"" : "")
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
                result.text += original
            }
            index = close + 1
        }
        return result
    }
}
