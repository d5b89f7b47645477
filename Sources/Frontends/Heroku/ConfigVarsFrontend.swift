import Translator

extension DiagnosticID {
    static let configVarsFormat: DiagnosticID = "configvars.format"
    static let configVarsEmpty: DiagnosticID = "configvars.empty"
    static let configVarsInvalidLine: DiagnosticID = "configvars.invalid-line"
    static let configVarsUnterminatedQuote: DiagnosticID = "configvars.unterminated-quote"
    static let configVarsDuplicateKey: DiagnosticID = "configvars.duplicate-key"
    static let configVarsWrongType: DiagnosticID = "configvars.wrong-type"
    static let configVarsMultilineValue: DiagnosticID = "configvars.multiline-value"
}

/// Reads the app's config vars from `--config-vars FILE` (or `-` for stdin). The format is detected, and each one
/// is decoded exactly as the program that wrote it encoded it: `heroku config --json`, `heroku config --shell`
/// (heroku/cli `quote.ts`, whose `\$`, `\!` and backslash-backtick escapes python-dotenv gets wrong), the human
/// `heroku config` listing, or a `.env` file as python-dotenv reads it.
public struct ConfigVarsFrontend: Frontend {
    public static let name = "config-vars"

    /// The input formats we tell apart.
    public enum Format: String, Sendable, Equatable {
        case json = "`heroku config --json` output"
        case shell = "`heroku config --shell` output"
        case human = "`heroku config` output"
        case dotenv = "a .env file"
    }

    public init() {}

    /// `--config-vars FILE` is read from where it is typed; without it, the values `translate import` saved.
    public var readableFiles: [AppFilePattern] { [.path(HerokuSnapshot.valuesFileName)] }

    public func requests(listing: [String], options: ConversionOptions) -> [InputRequest] {
        // Without --config-vars, the values `translate import` saved next to its snapshot.
        options.configVarsPath.map { [.namedFile($0)] }
            ?? (listing.contains(HerokuSnapshot.valuesFileName) ? [.appFile(HerokuSnapshot.valuesFileName)] : [])
    }

    public func read(_ inputs: [InputFile], options: ConversionOptions, into diagnostics: inout Diagnostics)
        -> HerokuApp
    {
        guard let file = inputs.first else { return HerokuApp() }
        var app = HerokuApp(sourceFiles: [file.path])
        guard let source = SourceText.decode(file, into: &diagnostics) else {
            app.configVars = []
            return app
        }
        guard source.text.contains(where: { !$0.isWhitespace }) else {
            diagnostics.warning(
                .configVarsEmpty, "the config vars file is empty, so no config vars are carried over",
                at: SourceLocation(file: source.path),
                hint: "check that this is the right file (`heroku config --json -a APP > FILE` writes one)")
            app.configVars = []
            return app
        }
        let format = Self.detectFormat(source.text)
        diagnostics.note(.configVarsFormat, "config vars read as \(format.rawValue)",
            at: SourceLocation(file: source.path))
        app.configVars = parse(source, as: format, into: &diagnostics)
        return app
    }

    /// JSON starts with `{` (or `[`, to report it); the human listing with its `=== <app> Config Vars` header;
    /// a file with comments, `export` or spaces around `=` is a .env file; plain `KEY=value` lines are `--shell`
    /// output.
    public static func detectFormat(_ text: String) -> Format {
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") { return .json }
        if trimmed.hasPrefix("===") { return .human }
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let content = line.drop { $0 == " " || $0 == "\t" }
            if content.hasPrefix("#") || content.hasPrefix("export ") || content.hasPrefix("export\t") {
                return .dotenv
            }
            if let equals = content.firstIndex(of: "="), content[..<equals].contains(where: { $0 == " " || $0 == "\t" })
            {
                return .dotenv
            }
        }
        return .shell
    }

    /// Config vars in file order; a repeated key replaces the earlier one (last wins) with a warning.
    public func parse(_ source: SourceText, as format: Format, into diagnostics: inout Diagnostics) -> [ConfigVar] {
        let variables: [ConfigVar]
        switch format {
        case .json: variables = parseJSON(source, into: &diagnostics)
        case .human: variables = parseHuman(source, into: &diagnostics)
        case .shell, .dotenv:
            var scanner = AssignmentScanner(
                path: source.path, scalars: Array(source.text.unicodeScalars), isDotenv: format == .dotenv)
            variables = scanner.scan(into: &diagnostics)
        }
        // Each key's latest position so far: a repeat names the one before it, and only the last one is kept,
        // where it stands in the file. A dictionary lookup keeps this linear (10,000 vars would be 50M compares).
        var latest: [String: Int] = [:]
        for (position, variable) in variables.enumerated() {
            if let earlier = latest[variable.key], format != .json {
                // The JSON reader already warned about its own duplicates.
                diagnostics.warning(
                    .configVarsDuplicateKey,
                    "config var \(variable.key) is set again (first on line \(variables[earlier].location.line)); "
                        + "the last value wins",
                    at: variable.location, hint: "remove the line you do not want")
            }
            latest[variable.key] = position
        }
        return variables.enumerated().filter { latest[$0.element.key] == $0.offset }.map(\.element)
    }

    func parseJSON(_ source: SourceText, into diagnostics: inout Diagnostics) -> [ConfigVar] {
        guard let root = JSONReader.parse(source, into: &diagnostics) else { return [] }
        guard let members = root.members else {
            diagnostics.error(
                .configVarsWrongType, "config vars JSON must be an object of \"KEY\": \"value\", not "
                    + root.kindDescription, at: root.location, hint: "use the output of `heroku config --json`")
            return []
        }
        return members.compactMap { member in
            guard let value = member.value.stringValue ?? member.value.scalarText else {
                diagnostics.error(
                    .configVarsWrongType, "config var \(member.key) is \(member.value.kindDescription), not a string",
                    at: member.value.location, hint: "config var values are strings; quote it")
                return nil
            }
            return ConfigVar(key: member.key, value: value, location: member.keyLocation)
        }
    }

    /// heroku-cli-util `styledObject`: `KEY:` padded so every value starts at column `max(key length) + 2`,
    /// `''` for an empty value, and multi-line values printed raw on the following lines.
    func parseHuman(_ source: SourceText, into diagnostics: inout Diagnostics) -> [ConfigVar] {
        let lines = source.lines
        func keyLine(_ text: Substring) -> (key: Substring, rest: Substring)? {
            guard let colon = text.firstIndex(of: ":") else { return nil }
            let key = text[..<colon]
            guard let first = key.unicodeScalars.first, first != " ",
                key.unicodeScalars.allSatisfy({ Self.isKeyScalar($0) })
            else { return nil }
            let rest = text[text.index(after: colon)...]
            guard rest.isEmpty || rest.hasPrefix(" ") else { return nil }
            return (key, rest)
        }
        // Every value starts two characters after the end of the longest key (`KEY:` and one space).
        let valueIndex = (lines.compactMap { line -> Int? in
            guard !line.text.hasPrefix("==="), let parsed = keyLine(line.text) else { return nil }
            return parsed.key.unicodeScalars.count
        }.max() ?? 0) + 2
        var result: [ConfigVar] = []
        var continuationCount = 0
        func finishValue() {
            guard continuationCount > 0, let last = result.last else { return }
            diagnostics.warning(
                .configVarsMultilineValue,
                "config var \(last.key) spans \(continuationCount + 1) lines; `heroku config` prints such values "
                    + "raw, so a line inside it that looks like \"KEY: value\" would be misread",
                at: last.location, hint: "use `heroku config --json` for values with line breaks")
            continuationCount = 0
        }
        for line in lines {
            if line.text.hasPrefix("==="), result.isEmpty { continue }
            let location = SourceLocation(file: source.path, line: line.number, column: 1)
            let scalars = Array(line.text.unicodeScalars)
            if let parsed = keyLine(line.text), scalars.count > valueIndex,
                scalars[(parsed.key.unicodeScalars.count + 1)..<valueIndex].allSatisfy({ $0 == " " })
            {
                finishValue()
                var value = String(String.UnicodeScalarView(scalars[valueIndex...]))
                if value == "''" { value = "" }
                result.append(ConfigVar(key: String(parsed.key), value: value, location: location))
                continue
            }
            if result.isEmpty {
                if line.text.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
                diagnostics.error(
                    .configVarsInvalidLine, "line is not \"KEY: value\" as `heroku config` prints it", at: location,
                    hint: "pass the unchanged output of `heroku config`, or better `heroku config --json`")
                continue
            }
            result[result.count - 1].value += "\n" + line.text
            continuationCount += 1
        }
        finishValue()
        return result
    }

    static func isKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "_" || scalar == "." || scalar == "-"
    }
}

/// Scans `KEY=value` lines of `heroku config --shell` output or a .env file, with multi-line quoted values.
struct AssignmentScanner {
    let path: String
    let scalars: [Unicode.Scalar]
    let isDotenv: Bool
    var index = 0
    var line = 1
    var lineStart = 0

    init(path: String, scalars: [Unicode.Scalar], isDotenv: Bool) {
        self.path = path
        self.scalars = scalars
        self.isDotenv = isDotenv
    }

    var here: SourceLocation { SourceLocation(file: path, line: line, column: index - lineStart + 1) }
    var atLineEnd: Bool { index >= scalars.count || scalars[index] == "\n" || scalars[index] == "\r" }

    mutating func advance() {
        let scalar = scalars[index]
        index += 1
        if scalar == "\n" || (scalar == "\r" && (index >= scalars.count || scalars[index] != "\n")) {
            line += 1
            lineStart = index
        }
    }

    mutating func skipBlanks() {
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { advance() }
    }

    mutating func skipLine() {
        while !atLineEnd { advance() }
        if index < scalars.count { advance() }
        if index < scalars.count, scalars[index - 1] == "\r", scalars[index] == "\n" { advance() }
    }

    mutating func scan(into diagnostics: inout Diagnostics) -> [ConfigVar] {
        var result: [ConfigVar] = []
        while index < scalars.count {
            skipBlanks()
            if atLineEnd {
                skipLine()
                continue
            }
            if isDotenv, scalars[index] == "#" {
                skipLine()
                continue
            }
            if isDotenv, hasWord("export") {
                for _ in 0..<6 { advance() }
                skipBlanks()
            }
            let keyLocation = here
            var key = ""
            while index < scalars.count, ConfigVarsFrontend.isKeyScalar(scalars[index]) {
                key.unicodeScalars.append(scalars[index])
                advance()
            }
            if isDotenv { skipBlanks() }
            guard !key.isEmpty, index < scalars.count, scalars[index] == "=" else {
                diagnostics.error(
                    .configVarsInvalidLine, "line is not KEY=value", at: keyLocation,
                    hint: isDotenv ? "fix the line or comment it out with \"#\""
                        : "pass the unchanged output of `heroku config --shell`")
                skipLine()
                continue
            }
            advance()
            if isDotenv { skipBlanks() }
            guard let value = readValue(key: key, into: &diagnostics) else { return result }
            result.append(ConfigVar(key: key, value: value, location: keyLocation))
        }
        return result
    }

    func hasWord(_ word: String) -> Bool {
        let wordScalars = Array(word.unicodeScalars)
        guard index + wordScalars.count < scalars.count,
            Array(scalars[index..<(index + wordScalars.count)]) == wordScalars
        else { return false }
        let next = scalars[index + wordScalars.count]
        return next == " " || next == "\t"
    }

    /// Reads one value and the rest of its line. Nil after an unterminated quote (reported; scanning stops).
    mutating func readValue(key: String, into diagnostics: inout Diagnostics) -> String? {
        guard index < scalars.count, scalars[index] == "'" || scalars[index] == "\"" else {
            var value = String.UnicodeScalarView()
            while !atLineEnd {
                value.append(scalars[index])
                advance()
            }
            skipLine()
            var text = String(value)
            if isDotenv {
                // python-dotenv: whitespace then `#` starts a comment; trailing whitespace is dropped.
                if let comment = text.range(of: #"[ \t]#"#, options: .regularExpression) {
                    text = String(text[..<comment.lowerBound])
                }
                while let last = text.last, last == " " || last == "\t" { text.removeLast() }
            }
            return text
        }
        let quote = scalars[index]
        let quoteLocation = here
        advance()
        var value = String.UnicodeScalarView()
        while true {
            guard index < scalars.count else {
                diagnostics.error(
                    .configVarsUnterminatedQuote, "the value of \(key) opens a quote that is never closed",
                    at: quoteLocation, hint: "close the quote; nothing after this line was read")
                return nil
            }
            let scalar = scalars[index]
            if scalar == quote {
                advance()
                break
            }
            if scalar == "\\", index + 1 < scalars.count, let decoded = escape(scalars[index + 1], in: quote) {
                value.append(contentsOf: decoded.unicodeScalars)
                advance()
                advance()
                continue
            }
            value.append(scalar)
            advance()
        }
        skipBlanks()
        if !atLineEnd, !(isDotenv && scalars[index] == "#") {
            diagnostics.error(
                .configVarsInvalidLine, "unexpected text after the closing quote of \(key)", at: here,
                hint: "put the whole value inside the quotes")
        }
        skipLine()
        return String(value)
    }

    /// The character an escape stands for, or nil when the backslash is kept as written.
    /// `--shell` (heroku/cli quote.ts) escapes only inside double quotes: `\\ \" \$ \` \!` and `\n` for LF.
    /// python-dotenv: double quotes `\\ \' \" \a \b \f \n \r \t \v`; single quotes `\\ \'`.
    func escape(_ next: Unicode.Scalar, in quote: Unicode.Scalar) -> String? {
        if isDotenv {
            if quote == "'" { return next == "\\" || next == "'" ? String(next) : nil }
            switch next {
            case "\\", "'", "\"": return String(next)
            case "a": return "\u{07}"
            case "b": return "\u{08}"
            case "f": return "\u{0C}"
            case "n": return "\n"
            case "r": return "\r"
            case "t": return "\t"
            case "v": return "\u{0B}"
            default: return nil
            }
        }
        guard quote == "\"" else { return nil }
        switch next {
        case "\\", "\"", "$", "`", "!": return String(next)
        case "n": return "\n"
        default: return nil
        }
    }
}
