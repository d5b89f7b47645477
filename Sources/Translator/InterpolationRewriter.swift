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

        public static func == (lhs: Result, rhs: Result) -> Bool {
            lhs.text == rhs.text && lhs.unsupported == rhs.unsupported && lhs.rewritten == rhs.rewritten
                && lhs.defaults.map { "\($0.name)=\($0.value)" } == rhs.defaults.map { "\($0.name)=\($0.value)" }
        }
    }

    /// `${X}` becomes `$X`, `${X:-d}` becomes `$X` plus a default; `""` is inserted when the next character would
    /// otherwise join the name (`${X}1` becomes `$X""1`).
    public static func rewrite(_ text: String) -> Result {
        var result = Result(text: "", defaults: [], unsupported: [], rewritten: [])
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index] == "$", index + 1 < characters.count, characters[index + 1] == "{" else {
                result.text.append(characters[index])
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
                } else if !result.defaults.contains(where: { $0.name == name }) {
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
