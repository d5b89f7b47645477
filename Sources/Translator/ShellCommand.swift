/// Shell-syntax rules for Heroku commands. Heroku runs every Procfile command with bash; Convox generation 3
/// splits `command` into words itself (go-shellquote) and runs it without a shell.
public enum ShellCommand {
    /// What a scan of one command found.
    public struct Syntax: Sendable, Equatable {
        /// Running the command as plain words, split like go-shellquote does, would change its meaning.
        public var needsShell = false
        /// The command uses syntax dash (`sh` on Debian) lacks: `source`, `[[`, `{a,b}`, `$'...'`, `<(...)`.
        public var needsBash = false
    }

    /// Builtins and keywords: a word no binary answers to, or one that must change the shell itself (`exec`,
    /// `cd`, `ulimit`), or a POSIX utility whose builtin behaves differently from /usr/bin's (`echo`, `test`).
    /// As the first word of a command run without a shell it would run a binary of that name, or fail.
    static let builtinWords: Set<String> = [
        "!", ".", ":", "[", "[[", "{", "}", "alias", "bg", "bind", "break", "builtin", "caller", "case", "cd",
        "command", "compgen", "complete", "continue", "coproc", "declare", "dirs", "disown", "echo", "enable",
        "eval", "exec", "exit", "export", "false", "fc", "fg", "for", "function", "getopts", "hash", "help",
        "history", "if", "jobs", "kill", "let", "local", "logout", "mapfile", "popd", "printf", "pushd", "pwd",
        "read", "readarray", "readonly", "return", "select", "set", "shift", "shopt", "source", "suspend", "test",
        "time", "times", "trap", "true", "type", "typeset", "ulimit", "umask", "unalias", "unset", "until", "wait",
        "while",
    ]

    /// Command words only bash understands; dash, generation 2's `sh`, reports "not found" for them.
    static let bashOnlyWords: Set<String> = [
        "[[", "source", "function", "select", "coproc", "declare", "typeset", "shopt", "pushd", "popd", "dirs",
        "let", "mapfile", "readarray", "disown", "caller", "compgen", "complete", "enable", "builtin", "bind",
        "history", "suspend", "logout", "help",
    ]

    /// True when running `text` as plain words, split like go-shellquote does, would change its meaning:
    /// variables, operators, redirects, globs, braces, `VAR=x cmd` prefixes, backticks, `$(...)`, comments, or a
    /// first word that is a shell builtin or keyword (`exec`, `cd`, `source`, `.`, `ulimit`, `[[`).
    public static func needsShell(_ text: String) -> Bool { syntax(of: text).needsShell }

    /// True when `text` needs bash rather than a POSIX `sh`.
    public static func needsBash(_ text: String) -> Bool { syntax(of: text).needsBash }

    /// Scans `text` once, the way a shell tokenizes it, for everything that needs a shell.
    public static func syntax(of text: String) -> Syntax {
        if isASCIIWithoutCarriageReturn(text) { return asciiSyntax(of: text) }
        return characterSyntax(of: text)
    }

    /// True when each byte of `text` is one `Character`: ASCII, and no CR (CR LF is one `Character`).
    static func isASCIIWithoutCarriageReturn(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") }
    }

    /// `characterSyntax` on the bytes of an ASCII text without CR, where a byte is a `Character`, so the
    /// result is the same; it avoids building a `String` per word, which cost about 50 K instructions a command.
    static func asciiSyntax(of text: String) -> Syntax {
        enum Quote { case none, single, double }
        var result = Syntax()
        var quote = Quote.none
        var atWordStart = true
        var escaped = false
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var wordIsQuoted = false
        var wordIsCommand = true
        var isFirstWord = true
        var previous = UInt8(ascii: " ")
        var isInBrace = false
        var braceIsList = false
        let equals = UInt8(ascii: "=")
        func endWord() {
            if !word.isEmpty || wordIsQuoted {
                let hasEquals = word.contains(equals)
                // The longest builtin or keyword has 9 letters: a longer word needs no String to rule it out.
                if wordIsCommand, !wordIsQuoted, word.count <= 9 {
                    let text = String(decoding: word, as: UTF8.self)
                    if builtinWords.contains(text) { result.needsShell = true }
                    if bashOnlyWords.contains(text) { result.needsBash = true }
                }
                if isFirstWord, hasEquals, isASCIIIdentifier(word.prefix { $0 != equals }) {
                    result.needsShell = true
                }
                wordIsCommand = wordIsCommand && hasEquals && !wordIsQuoted
                isFirstWord = false
            }
            word.removeAll(keepingCapacity: true)
            wordIsQuoted = false
            atWordStart = true
            isInBrace = false
        }
        func startCommand() {
            endWord()
            wordIsCommand = true
        }
        for byte in text.utf8 {
            defer { previous = byte }
            if escaped {
                escaped = false
                atWordStart = false
                word.append(byte)
                continue
            }
            switch quote {
            case .single:
                if byte == UInt8(ascii: "'") { quote = .none }
                continue
            case .double:
                if byte == UInt8(ascii: "\"") { quote = .none }
                else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "$") || byte == UInt8(ascii: "`") { result.needsShell = true }
                continue
            case .none:
                break
            }
            switch byte {
            case UInt8(ascii: "'"):
                quote = .single; atWordStart = false; wordIsQuoted = true
                if previous == UInt8(ascii: "$") { result.needsBash = true }
                continue
            case UInt8(ascii: "\""):
                quote = .double; atWordStart = false; wordIsQuoted = true
                continue
            case UInt8(ascii: "\\"):
                escaped = true; wordIsQuoted = true
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                endWord()
                continue
            case UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "\n"):
                result.needsShell = true
                startCommand()
                continue
            case UInt8(ascii: "("):
                result.needsShell = true
                if previous == UInt8(ascii: "<") || previous == UInt8(ascii: ">") || previous == UInt8(ascii: "(") {
                    result.needsBash = true
                }
                startCommand()
                continue
            case UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "$"), UInt8(ascii: "`"),
                UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"):
                result.needsShell = true
            case UInt8(ascii: "{"):
                result.needsShell = true
                braceIsList = false; isInBrace = true
            case UInt8(ascii: "}"):
                result.needsShell = true
                if isInBrace, braceIsList { result.needsBash = true }
                isInBrace = false
            case UInt8(ascii: "#"), UInt8(ascii: "~"):
                if atWordStart { result.needsShell = true }
            case UInt8(ascii: ","):
                if isInBrace { braceIsList = true }
            case UInt8(ascii: "."):
                if isInBrace, previous == UInt8(ascii: ".") { braceIsList = true }
            default:
                break
            }
            word.append(byte)
            atWordStart = false
        }
        endWord()
        if quote != .none || escaped { result.needsShell = true }
        return result
    }

    /// `isIdentifier` on ASCII bytes.
    static func isASCIIIdentifier<Bytes: Collection>(_ word: Bytes) -> Bool where Bytes.Element == UInt8 {
        func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }
        guard let first = word.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return word.allSatisfy {
            $0 == UInt8(ascii: "_") || isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
        }
    }

    /// The scan on `Character`s, for text with non-ASCII or CR, where a `Character` can span several bytes.
    static func characterSyntax(of text: String) -> Syntax {
        enum Quote { case none, single, double }
        var result = Syntax()
        var quote = Quote.none
        var atWordStart = true
        var escaped = false
        var word = ""
        var wordIsQuoted = false
        var wordIsCommand = true
        var isFirstWord = true
        var previous: Character = " "
        // Inside an unquoted `{...}` of the current word, and whether it holds `,` or `..` (brace expansion).
        var isInBrace = false
        var braceIsList = false
        func endWord() {
            if !word.isEmpty || wordIsQuoted {
                if wordIsCommand, !wordIsQuoted {
                    if builtinWords.contains(word) { result.needsShell = true }
                    if bashOnlyWords.contains(word) { result.needsBash = true }
                }
                if isFirstWord, word.contains("="), isIdentifier(word.prefix { $0 != "=" }) {
                    result.needsShell = true
                }
                // After an assignment prefix (`A=1 cmd`) the next word is still the command word.
                wordIsCommand = wordIsCommand && word.contains("=") && !wordIsQuoted
                isFirstWord = false
            }
            word = ""
            wordIsQuoted = false
            atWordStart = true
            isInBrace = false
        }
        func startCommand() {
            endWord()
            wordIsCommand = true
        }
        for character in text {
            defer { previous = character }
            if escaped {
                escaped = false
                atWordStart = false
                word.append(character)
                continue
            }
            switch quote {
            case .single:
                if character == "'" { quote = .none }
                continue
            case .double:
                if character == "\"" { quote = .none }
                else if character == "\\" { escaped = true }
                else if character == "$" || character == "`" { result.needsShell = true }
                continue
            case .none:
                break
            }
            switch character {
            case "'":
                quote = .single; atWordStart = false; wordIsQuoted = true
                if previous == "$" { result.needsBash = true }
                continue
            case "\"":
                quote = .double; atWordStart = false; wordIsQuoted = true
                continue
            case "\\":
                escaped = true; wordIsQuoted = true
                continue
            case " ", "\t":
                endWord()
                continue
            case ";", "&", "|", "\n", "\r":
                result.needsShell = true
                startCommand()
                continue
            case "(":
                result.needsShell = true
                if previous == "<" || previous == ">" || previous == "(" { result.needsBash = true }
                startCommand()
                continue
            case ")", "<", ">", "$", "`", "*", "?", "[", "]", "{", "}":
                result.needsShell = true
                // `{a,b}` and `{1..3}` brace expansion is bash's; a `{ a; }` group is POSIX but needs a shell too.
                if character == "{" { braceIsList = false; isInBrace = true }
                if character == "}", isInBrace, braceIsList { result.needsBash = true }
                if character == "}" { isInBrace = false }
            case "#", "~":
                if atWordStart { result.needsShell = true }
            case ",", ".":
                if isInBrace, character == "," || previous == "." { braceIsList = true }
            default:
                break
            }
            word.append(character)
            atWordStart = false
        }
        endWord()
        // An unterminated quote cannot be split without a shell either (and fails with one): let the shell report it.
        if quote != .none || escaped { result.needsShell = true }
        return result
    }

    /// True when `text` is words your shell and go-shellquote split alike, with nothing to expand or unquote, so it
    /// can be typed after `convox run <service>` as it is.
    public static func isPlainWords(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            isLetter(scalar) || ("0"..."9").contains(scalar) || "-_./:=@%+, ".unicodeScalars.contains(scalar)
        }
    }

    /// True when `text` ends inside a quote, which fails on Convox whether or not a shell runs it.
    public static func hasUnterminatedQuote(_ text: String) -> Bool {
        if isASCIIWithoutCarriageReturn(text) { return asciiHasUnterminatedQuote(text.utf8) }
        var inSingle = false
        var inDouble = false
        var escaped = false
        for character in text {
            if escaped { escaped = false; continue }
            if inSingle { if character == "'" { inSingle = false }; continue }
            if character == "\\" { escaped = true; continue }
            if inDouble { if character == "\"" { inDouble = false }; continue }
            if character == "'" { inSingle = true } else if character == "\"" { inDouble = true }
        }
        return inSingle || inDouble
    }

    /// `hasUnterminatedQuote` on the bytes of ASCII text without CR, where a byte is a `Character`.
    static func asciiHasUnterminatedQuote(_ bytes: String.UTF8View) -> Bool {
        var inSingle = false
        var inDouble = false
        var escaped = false
        for byte in bytes {
            if escaped { escaped = false; continue }
            if inSingle { if byte == UInt8(ascii: "'") { inSingle = false }; continue }
            if byte == UInt8(ascii: "\\") { escaped = true; continue }
            if inDouble { if byte == UInt8(ascii: "\"") { inDouble = false }; continue }
            if byte == UInt8(ascii: "'") { inSingle = true } else if byte == UInt8(ascii: "\"") { inDouble = true }
        }
        return inSingle || inDouble
    }

    /// POSIX single quoting: `it's` becomes `'it'\''s'`. go-shellquote reads it back to the same word.
    public static func singleQuoted(_ text: String) -> String {
        // Without a `'` byte no `Character` is `'`: nothing to replace, and no walk over `Character`s.
        guard text.utf8.contains(UInt8(ascii: "'")) else { return "'" + text + "'" }
        return "'" + text.replacingAll("'", with: "'\\''") + "'"
    }

    static func isIdentifier<Text: StringProtocol>(_ word: Text) -> Bool {
        guard let first = word.unicodeScalars.first, first == "_" || isLetter(first) else { return false }
        return word.unicodeScalars.allSatisfy { $0 == "_" || isLetter($0) || ("0"..."9").contains($0) }
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}

extension String {
    /// `replacingOccurrences` without Foundation, so Translator stays free of it in hot paths.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
