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
        // Line by line over the contiguous bytes; a line with non-ASCII bytes is looked at as Characters, where a
        // combining mark makes ` ` or `=` part of another character.
        var contiguous = text
        let isDotenv = contiguous.withUTF8 { bytes -> Bool in
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                var isASCII = true
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") {
                    if bytes[lineEnd] >= 0x80 { isASCII = false }
                    lineEnd += 1
                }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                if isASCII ? isDotenvLine(line) : isDotenvLine(String(decoding: line, as: UTF8.self)[...]) {
                    return true
                }
                lineStart = lineEnd + 1
            }
            return false
        }
        return isDotenv ? .dotenv : .shell
    }

    /// A comment, `export` or a blank before the `=`: what only a .env file has.
    static func isDotenvLine(_ line: Substring) -> Bool {
        let content = line.drop { $0 == " " || $0 == "\t" }
        if content.hasPrefix("#") || content.hasPrefix("export ") || content.hasPrefix("export\t") { return true }
        guard let equals = content.firstIndex(of: "=") else { return false }
        return content[..<equals].contains { $0 == " " || $0 == "\t" }
    }

    /// `isDotenvLine` for an ASCII line.
    static func isDotenvLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let content = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        if content.first == UInt8(ascii: "#") || content.starts(with: "export ".utf8)
            || content.starts(with: "export\t".utf8)
        {
            return true
        }
        guard let equals = content.firstIndex(of: UInt8(ascii: "=")) else { return false }
        return content[..<equals].contains { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// Config vars in file order; a repeated key replaces the earlier one (last wins) with a warning.
    public func parse(_ source: SourceText, as format: Format, into diagnostics: inout Diagnostics) -> [ConfigVar] {
        let variables: [ConfigVar]
        switch format {
        case .json: variables = parseJSON(source, into: &diagnostics)
        case .human: variables = parseHuman(source, into: &diagnostics)
        case .shell, .dotenv:
            var scanner = AssignmentScanner(path: source.path, text: source.text, isDotenv: format == .dotenv)
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
/// It reads UTF-8 bytes: every character the grammar looks at is ASCII, so a value is a run of bytes copied once,
/// and columns stay in Unicode scalars by not counting continuation bytes (10xxxxxx).
struct AssignmentScanner {
    let path: String
    let bytes: [UInt8]
    let isDotenv: Bool
    var index = 0
    var line = 1
    var lineStart = 0
    /// Continuation bytes between `lineStart` and `index`.
    var continuationBytesOnLine = 0

    init(path: String, text: String, isDotenv: Bool) {
        self.path = path
        self.bytes = Array(text.utf8)
        self.isDotenv = isDotenv
    }

    var here: SourceLocation {
        SourceLocation(file: path, line: line, column: index - lineStart - continuationBytesOnLine + 1)
    }
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }
    var atLineEnd: Bool {
        index >= bytes.count || bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r")
    }

    mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n")
            || (byte == UInt8(ascii: "\r") && (index >= bytes.count || bytes[index] != UInt8(ascii: "\n")))
        {
            line += 1
            lineStart = index
            continuationBytesOnLine = 0
        } else if byte & 0xC0 == 0x80 {
            continuationBytesOnLine += 1
        }
    }

    mutating func skipBlanks() {
        while let byte = current, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { advance() }
    }

    mutating func skipLine() {
        while !atLineEnd { advance() }
        if index < bytes.count { advance() }
        if index < bytes.count, bytes[index - 1] == UInt8(ascii: "\r"), bytes[index] == UInt8(ascii: "\n") {
            advance()
        }
    }

    mutating func scan(into diagnostics: inout Diagnostics) -> [ConfigVar] {
        var result: [ConfigVar] = []
        while index < bytes.count {
            skipBlanks()
            if atLineEnd {
                skipLine()
                continue
            }
            if isDotenv, bytes[index] == UInt8(ascii: "#") {
                skipLine()
                continue
            }
            if isDotenv, hasWord("export") {
                for _ in 0..<6 { advance() }
                skipBlanks()
            }
            let keyLocation = here
            let keyStart = index
            while let byte = current, byte < 0x80, ConfigVarsFrontend.isKeyScalar(Unicode.Scalar(byte)) { advance() }
            let key = String(decoding: bytes[keyStart..<index], as: UTF8.self)
            if isDotenv { skipBlanks() }
            guard !key.isEmpty, current == UInt8(ascii: "=") else {
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

    func hasWord(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count < bytes.count,
            bytes[index..<(index + count)].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count))
        else { return false }
        let next = bytes[index + count]
        return next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
    }

    /// Reads one value and the rest of its line. Nil after an unterminated quote (reported; scanning stops).
    mutating func readValue(key: String, into diagnostics: inout Diagnostics) -> String? {
        guard let opening = current, opening == UInt8(ascii: "'") || opening == UInt8(ascii: "\"") else {
            let valueStart = index
            while !atLineEnd { advance() }
            var valueEnd = index
            skipLine()
            if isDotenv {
                // python-dotenv: whitespace then `#` starts a comment; trailing whitespace is dropped.
                var cursor = valueStart
                while cursor + 1 < valueEnd {
                    if bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t"),
                        bytes[cursor + 1] == UInt8(ascii: "#")
                    {
                        valueEnd = cursor
                        break
                    }
                    cursor += 1
                }
                while valueEnd > valueStart, bytes[valueEnd - 1] == UInt8(ascii: " ")
                    || bytes[valueEnd - 1] == UInt8(ascii: "\t")
                {
                    valueEnd -= 1
                }
            }
            return String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
        }
        let quote = Unicode.Scalar(opening)
        let quoteLocation = here
        advance()
        var value: [UInt8] = []
        while true {
            guard let byte = current else {
                diagnostics.error(
                    .configVarsUnterminatedQuote, "the value of \(key) opens a quote that is never closed",
                    at: quoteLocation, hint: "close the quote; nothing after this line was read")
                return nil
            }
            if byte == opening {
                advance()
                break
            }
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] < 0x80,
                let decoded = escape(Unicode.Scalar(bytes[index + 1]), in: quote)
            {
                value.append(decoded)
                advance()
                advance()
                continue
            }
            value.append(byte)
            advance()
        }
        skipBlanks()
        if !atLineEnd, !(isDotenv && bytes[index] == UInt8(ascii: "#")) {
            diagnostics.error(
                .configVarsInvalidLine, "unexpected text after the closing quote of \(key)", at: here,
                hint: "put the whole value inside the quotes")
        }
        skipLine()
        return String(decoding: value, as: UTF8.self)
    }

    /// The byte an escape stands for (each is ASCII), or nil when the backslash is kept as written.
    /// `--shell` (heroku/cli quote.ts) escapes only inside double quotes: `\\ \" \$ \` \!` and `\n` for LF.
    /// python-dotenv: double quotes `\\ \' \" \a \b \f \n \r \t \v`; single quotes `\\ \'`.
    func escape(_ next: Unicode.Scalar, in quote: Unicode.Scalar) -> UInt8? {
        if isDotenv {
            if quote == "'" { return next == "\\" || next == "'" ? UInt8(next.value) : nil }
            switch next {
            case "\\", "'", "\"": return UInt8(next.value)
            case "a": return 0x07
            case "b": return 0x08
            case "f": return 0x0C
            case "n": return 0x0A
            case "r": return 0x0D
            case "t": return 0x09
            case "v": return 0x0B
            default: return nil
            }
        }
        guard quote == "\"" else { return nil }
        switch next {
        case "\\", "\"", "$", "`", "!": return UInt8(next.value)
        case "n": return 0x0A
        default: return nil
        }
    }
}
