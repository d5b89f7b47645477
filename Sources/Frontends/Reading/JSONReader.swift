import Translator

extension DiagnosticID {
    static let jsonSyntaxError: DiagnosticID = "json.syntax-error"
    static let jsonTooDeep: DiagnosticID = "json.too-deep"
    static let jsonDuplicateKey: DiagnosticID = "json.duplicate-key"
}

/// One JSON value with the place it starts, so every message about app.json or `heroku config --json` output
/// can point at the user's own line and column. Foundation's `JSONSerialization` loses positions, hence our own.
public struct JSONNode: Sendable, Equatable {
    /// The value itself; object members keep file order.
    public indirect enum Value: Sendable, Equatable {
        case null
        case bool(Bool)
        /// The number as written (`14`, `10.10`), so a version is never reformatted by a float round trip.
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([JSONMember])
    }

    public var value: Value
    public var location: SourceLocation

    /// What the value is, in words for messages (`a number`, `an object`).
    public var kindDescription: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The members of an object, nil for any other value.
    public var members: [JSONMember]? {
        if case .object(let members) = value { return members }
        return nil
    }

    /// The member named `key` of an object (the reader has already dropped earlier duplicates), nil when there is
    /// none or this is not an object.
    public func member(_ key: String) -> JSONMember? {
        members?.first { $0.key == key }
    }

    /// The elements of an array, nil for any other value.
    public var elements: [JSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    /// The text of a string, nil for any other value.
    public var stringValue: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// A number or boolean as its JSON text (`14`, `true`): values Heroku documents as strings but users write
    /// unquoted. Nil for strings, null, arrays and objects.
    public var scalarText: String? {
        switch value {
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    /// Where the key's opening quote is.
    public var keyLocation: SourceLocation
    public var value: JSONNode
}

/// A strict RFC 8259 reader that remembers line and column (in Unicode scalars, as `SourceText` counts them) of
/// every value. Nesting is limited so hostile input gives a located error instead of a stack overflow; a
/// duplicate object key is a warning and the last one wins, as Heroku's own JSON decoding does. Every JSON input
/// (app.json, config vars, Scheduler jobs, domains, the runtime's package.json and friends) is read with it.
public struct JSONReader {
    /// Deeper nesting than this is refused. Real app.json files are four levels deep.
    public static let maximumDepth = 200

    let path: String
    let scalars: [Unicode.Scalar]
    var index = 0
    var line = 1
    var lineStart = 0
    /// Keys and indexes from the root to the value being read, for messages (`env.SECRET`, `data[1].attributes`).
    var keyPath: [PathStep] = []

    struct Failure: Error {}

    enum PathStep {
        case key(String)
        case index(Int)
    }

    /// The key path of the value being read, `key` appended: `data[1].attributes.command`.
    func renderedKeyPath(appending key: String) -> String {
        var text = ""
        for step in keyPath + [.key(key)] {
            switch step {
            case .key(let name): text += text.isEmpty ? name : ".\(name)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// Parses `source`; on a syntax error reports it (located) and returns nil.
    public static func parse(_ source: SourceText, into diagnostics: inout Diagnostics) -> JSONNode? {
        var reader = JSONReader(path: source.path, scalars: Array(source.text.unicodeScalars))
        do {
            reader.skipWhitespace()
            let node = try reader.readValue(depth: 0, into: &diagnostics)
            reader.skipWhitespace()
            if reader.index < reader.scalars.count {
                reader.fail("unexpected text after the end of the JSON value", into: &diagnostics)
                return nil
            }
            return node
        } catch {
            return nil
        }
    }

    var here: SourceLocation {
        SourceLocation(file: path, line: line, column: index - lineStart + 1)
    }

    mutating func fail(_ message: String, hint: String? = nil, into diagnostics: inout Diagnostics) {
        diagnostics.error(.jsonSyntaxError, "invalid JSON: \(message)", at: here, hint: hint ?? "fix the JSON syntax")
    }

    mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            lineStart = index + 1
        } else if scalars[index] == "\r" {
            // A lone CR ends a line too; CR LF is counted once, at the LF.
            if index + 1 >= scalars.count || scalars[index + 1] != "\n" {
                line += 1
                lineStart = index + 1
            }
        }
        index += 1
    }

    mutating func skipWhitespace() {
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\n"
            || scalars[index] == "\r"
        {
            advance()
        }
    }

    var describedCurrent: String {
        guard index < scalars.count else { return "the end of the file" }
        let scalar = scalars[index]
        if scalar.value < 0x20 { return "a control character" }
        if scalar == "\"" { return "the start of a string" }
        return "\"\(Character(scalar))\""
    }

    mutating func readValue(depth: Int, into diagnostics: inout Diagnostics) throws -> JSONNode {
        guard index < scalars.count else {
            fail("expected a value, found the end of the file", into: &diagnostics)
            throw Failure()
        }
        let start = here
        switch scalars[index] {
        case "{", "[":
            guard depth < Self.maximumDepth else {
                diagnostics.error(
                    .jsonTooDeep, "JSON is nested more than \(Self.maximumDepth) levels deep", at: start,
                    hint: "this is not a Heroku file translate can read; check that it is the right file")
                throw Failure()
            }
            if scalars[index] == "{" { return try readObject(depth: depth, start: start, into: &diagnostics) }
            return try readArray(depth: depth, start: start, into: &diagnostics)
        case "\"":
            return JSONNode(value: .string(try readString(into: &diagnostics)), location: start)
        case "t":
            try expectWord("true", into: &diagnostics)
            return JSONNode(value: .bool(true), location: start)
        case "f":
            try expectWord("false", into: &diagnostics)
            return JSONNode(value: .bool(false), location: start)
        case "n":
            try expectWord("null", into: &diagnostics)
            return JSONNode(value: .null, location: start)
        case "-", "0"..."9":
            return JSONNode(value: .number(try readNumber(into: &diagnostics)), location: start)
        default:
            fail("expected a value, found \(describedCurrent)", into: &diagnostics)
            throw Failure()
        }
    }

    mutating func readObject(depth: Int, start: SourceLocation, into diagnostics: inout Diagnostics) throws
        -> JSONNode
    {
        advance()
        // A replaced duplicate leaves a nil behind; `positions` finds it without a scan, so huge objects stay fast.
        var members: [JSONMember?] = []
        var positions: [String: Int] = [:]
        skipWhitespace()
        if index < scalars.count, scalars[index] == "}" {
            advance()
            return JSONNode(value: .object([]), location: start)
        }
        while true {
            skipWhitespace()
            guard index < scalars.count, scalars[index] == "\"" else {
                fail("expected a quoted key, found \(describedCurrent)",
                    hint: "keys must be in double quotes, and no comma may follow the last member",
                    into: &diagnostics)
                throw Failure()
            }
            let keyLocation = here
            let key = try readString(into: &diagnostics)
            skipWhitespace()
            guard index < scalars.count, scalars[index] == ":" else {
                fail("expected \":\" after key \"\(key)\", found \(describedCurrent)", into: &diagnostics)
                throw Failure()
            }
            advance()
            skipWhitespace()
            keyPath.append(.key(key))
            let value = try readValue(depth: depth + 1, into: &diagnostics)
            keyPath.removeLast()
            if let earlier = positions[key], let previous = members[earlier] {
                var location = keyLocation
                location.keyPath = renderedKeyPath(appending: key)
                diagnostics.warning(
                    .jsonDuplicateKey,
                    "key \"\(location.keyPath ?? key)\" appears again (first on line \(previous.keyLocation.line)); "
                        + "the last one is used",
                    at: location, hint: "remove the entry you do not want")
                members[earlier] = nil
            }
            positions[key] = members.count
            members.append(JSONMember(key: key, keyLocation: keyLocation, value: value))
            skipWhitespace()
            guard index < scalars.count else {
                fail("object is never closed with \"}\"", into: &diagnostics)
                throw Failure()
            }
            if scalars[index] == "," {
                advance()
                continue
            }
            if scalars[index] == "}" {
                advance()
                return JSONNode(value: .object(members.compactMap { $0 }), location: start)
            }
            fail("expected \",\" or \"}\" in an object, found \(describedCurrent)", into: &diagnostics)
            throw Failure()
        }
    }

    mutating func readArray(depth: Int, start: SourceLocation, into diagnostics: inout Diagnostics) throws
        -> JSONNode
    {
        advance()
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < scalars.count, scalars[index] == "]" {
            advance()
            return JSONNode(value: .array(elements), location: start)
        }
        while true {
            skipWhitespace()
            keyPath.append(.index(elements.count))
            elements.append(try readValue(depth: depth + 1, into: &diagnostics))
            keyPath.removeLast()
            skipWhitespace()
            guard index < scalars.count else {
                fail("array is never closed with \"]\"", into: &diagnostics)
                throw Failure()
            }
            if scalars[index] == "," {
                advance()
                continue
            }
            if scalars[index] == "]" {
                advance()
                return JSONNode(value: .array(elements), location: start)
            }
            fail("expected \",\" or \"]\" in an array, found \(describedCurrent)", into: &diagnostics)
            throw Failure()
        }
    }

    mutating func expectWord(_ word: String, into diagnostics: inout Diagnostics) throws {
        for expected in word.unicodeScalars {
            guard index < scalars.count, scalars[index] == expected else {
                fail("expected \(word), found \(describedCurrent)", into: &diagnostics)
                throw Failure()
            }
            advance()
        }
    }

    mutating func readNumber(into diagnostics: inout Diagnostics) throws -> String {
        var text = ""
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
        func take(_ predicate: (Unicode.Scalar) -> Bool) -> Int {
            var count = 0
            while index < scalars.count, predicate(scalars[index]) {
                text.unicodeScalars.append(scalars[index])
                advance()
                count += 1
            }
            return count
        }
        _ = take { $0 == "-" && text.isEmpty }
        let integerStart = index
        let integerDigits = take(isDigit)
        guard integerDigits > 0, !(integerDigits > 1 && scalars[integerStart] == "0") else {
            fail("malformed number", into: &diagnostics)
            throw Failure()
        }
        if index < scalars.count, scalars[index] == "." {
            text += "."
            advance()
            guard take(isDigit) > 0 else {
                fail("malformed number: digits must follow \".\"", into: &diagnostics)
                throw Failure()
            }
        }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            text.unicodeScalars.append(scalars[index])
            advance()
            if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" {
                text.unicodeScalars.append(scalars[index])
                advance()
            }
            guard take(isDigit) > 0 else {
                fail("malformed number: digits must follow the exponent", into: &diagnostics)
                throw Failure()
            }
        }
        return text
    }

    mutating func readString(into diagnostics: inout Diagnostics) throws -> String {
        advance()
        // UTF-8 bytes, turned into a String once: appending scalar by scalar to a String was most of the reading.
        var result: [UInt8] = []
        func append(_ scalar: Unicode.Scalar) { UTF8.encode(scalar) { result.append($0) } }
        while true {
            guard index < scalars.count else {
                fail("string is never closed with \"\\\"\"", into: &diagnostics)
                throw Failure()
            }
            let scalar = scalars[index]
            if scalar == "\"" {
                advance()
                return String(decoding: result, as: UTF8.self)
            }
            if scalar.value < 0x20 {
                fail("a raw control character (such as a line break or tab) inside a string",
                    hint: "write it as an escape such as \\n or \\t", into: &diagnostics)
                throw Failure()
            }
            if scalar != "\\" {
                // A run of plain scalars at once; it holds no line break (control characters fail above), so only
                // `index` moves.
                while index < scalars.count, scalars[index] != "\"", scalars[index] != "\\",
                    scalars[index].value >= 0x20
                {
                    let value = scalars[index].value
                    if value < 0x80 { result.append(UInt8(truncatingIfNeeded: value)) } else { append(scalars[index]) }
                    index += 1
                }
                continue
            }
            advance()
            guard index < scalars.count else { continue }
            let escape = scalars[index]
            switch escape {
            case "\"", "\\", "/": append(escape)
            case "b": append("\u{08}")
            case "f": append("\u{0C}")
            case "n": append("\n")
            case "r": append("\r")
            case "t": append("\t")
            case "u":
                advance()
                let first = try readHexQuad(into: &diagnostics)
                if (0xD800...0xDBFF).contains(first), index + 1 < scalars.count, scalars[index] == "\\",
                    scalars[index + 1] == "u"
                {
                    advance()
                    advance()
                    let second = try readHexQuad(into: &diagnostics)
                    if (0xDC00...0xDFFF).contains(second),
                        let combined = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                    {
                        append(combined)
                    } else {
                        append("\u{FFFD}")
                        append(Unicode.Scalar(second) ?? "\u{FFFD}")
                    }
                } else {
                    append(Unicode.Scalar(first) ?? "\u{FFFD}")
                }
                continue
            default:
                fail("unknown escape \"\\\(Character(escape))\" in a string",
                    hint: "write a backslash as \\\\", into: &diagnostics)
                throw Failure()
            }
            advance()
        }
    }

    mutating func readHexQuad(into diagnostics: inout Diagnostics) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < scalars.count, let digit = UInt32(String(scalars[index]), radix: 16) else {
                fail("\\u must be followed by four hex digits", into: &diagnostics)
                throw Failure()
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }
}
