/// Shell-syntax rules for Heroku commands. Heroku runs every Procfile command through a shell; Convox
/// generation 3 splits `command` into words itself (go-shellquote) and runs it without one.
public enum ShellCommand {
    /// True when running `text` as plain words, split like go-shellquote does, would change its meaning:
    /// variables, operators, redirects, globs, `VAR=x cmd` prefixes, backticks, `$(...)`, comments.
    public static func needsShell(_ text: String) -> Bool {
        enum Quote { case none, single, double }
        var quote = Quote.none
        var atWordStart = true
        var escaped = false
        var firstWord = ""
        var inFirstWord = true
        for character in text {
            if escaped {
                escaped = false
                atWordStart = false
                continue
            }
            switch quote {
            case .single:
                if character == "'" { quote = .none }
                continue
            case .double:
                if character == "\"" { quote = .none }
                else if character == "\\" { escaped = true }
                else if character == "$" || character == "`" { return true }
                continue
            case .none:
                break
            }
            switch character {
            case "'": quote = .single; atWordStart = false; inFirstWord = false
            case "\"": quote = .double; atWordStart = false; inFirstWord = false
            case "\\": escaped = true
            case " ", "\t":
                if !firstWord.isEmpty { inFirstWord = false }
                atWordStart = true
                continue
            case ";", "&", "|", "<", ">", "(", ")", "$", "`", "*", "?", "[", "\n", "\r":
                return true
            case "#", "~":
                if atWordStart { return true }
            case "=":
                if inFirstWord, isIdentifier(firstWord) { return true }
            default:
                break
            }
            if inFirstWord { firstWord.append(character) }
            atWordStart = false
        }
        // An unterminated quote cannot be split without a shell either (and fails with one): let sh report it.
        return quote != .none || escaped
    }

    /// True when `text` ends inside a quote, which fails on Convox whether or not a shell runs it.
    public static func hasUnterminatedQuote(_ text: String) -> Bool {
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

    /// POSIX single quoting: `it's` becomes `'it'\''s'`. go-shellquote reads it back to the same word.
    public static func singleQuoted(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "'\\''") + "'"
    }

    /// The command as Convox generation 3 should be given it: unchanged when no shell is needed, else `sh -c '...'`.
    public static func wrappedForGeneration3(_ command: Command) -> String {
        command.needsShell ? "sh -c " + singleQuoted(command.shellText) : command.shellText
    }

    /// The command as typed after `convox run <service>` in a shell: plain when it has no shell syntax, else
    /// single-quoted, so `a && b` runs both parts in the container rather than the second on your computer.
    public static func convoxRunArgument(_ command: Command) -> String {
        command.needsShell ? singleQuoted(command.shellText) : command.shellText
    }

    static func isIdentifier(_ word: String) -> Bool {
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
