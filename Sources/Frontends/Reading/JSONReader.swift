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
///
/// It reads the UTF-8 bytes: every JSON token is ASCII, so only string contents can hold a multi-byte scalar, and
/// the reader counts their continuation bytes to keep columns in scalars without decoding them.
public struct JSONReader {
    /// Deeper nesting than this is refused. Real app.json files are four levels deep.
    public static let maximumDepth = 200

    let path: String
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lineStart = 0
    /// UTF-8 continuation bytes (10xxxxxx) between `lineStart` and `index`: the column is bytes minus these.
    var continuationBytesOnLine = 0
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
        var reader = JSONReader(path: source.path, bytes: Array(source.text.utf8))
        do {
            reader.skipWhitespace()
            let node = try reader.readValue(depth: 0, into: &diagnostics)
            reader.skipWhitespace()
            if reader.index < reader.bytes.count {
                reader.fail("unexpected text after the end of the JSON value", into: &diagnostics)
                return nil
            }
            return node
        } catch {
            return nil
        }
    }

    var here: SourceLocation {
        SourceLocation(file: path, line: line, column: index - lineStart - continuationBytesOnLine + 1)
    }

    /// The byte at `index`, or nil at the end.
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func fail(_ message: String, hint: String? = nil, into diagnostics: inout Diagnostics) {
        diagnostics.error(.jsonSyntaxError, "invalid JSON: \(message)", at: here, hint: hint ?? "fix the JSON syntax")
    }

    /// Moves past one ASCII byte (every token and every whitespace byte is one), counting line breaks.
    mutating func advance() {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
            continuationBytesOnLine = 0
        } else if byte == UInt8(ascii: "\r") {
            // A lone CR ends a line too; CR LF is counted once, at the LF.
            if index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
                continuationBytesOnLine = 0
            }
        } else if byte & 0xC0 == 0x80 {
            continuationBytesOnLine += 1
        }
        index += 1
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
            else { return }
            advance()
        }
    }

    /// The scalar that starts at `index` (the input is valid UTF-8: `SourceText` checked it).
    var currentScalar: Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first
    }

    var describedCurrent: String {
        guard let scalar = currentScalar else { return "the end of the file" }
        if scalar.value < 0x20 { return "a control character" }
        if scalar == "\"" { return "the start of a string" }
        return "\"\(Character(scalar))\""
    }

    mutating func readValue(depth: Int, into diagnostics: inout Diagnostics) throws -> JSONNode {
        guard let byte = current else {
            fail("expected a value, found the end of the file", into: &diagnostics)
            throw Failure()
        }
        let start = here
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < Self.maximumDepth else {
                diagnostics.error(
                    .jsonTooDeep, "JSON is nested more than \(Self.maximumDepth) levels deep", at: start,
                    hint: "this is not a Heroku file translate can read; check that it is the right file")
                throw Failure()
            }
            if byte == UInt8(ascii: "{") { return try readObject(depth: depth, start: start, into: &diagnostics) }
            return try readArray(depth: depth, start: start, into: &diagnostics)
        case UInt8(ascii: "\""):
            return JSONNode(value: .string(try readString(into: &diagnostics)), location: start)
        case UInt8(ascii: "t"):
            try expectWord("true", into: &diagnostics)
            return JSONNode(value: .bool(true), location: start)
        case UInt8(ascii: "f"):
            try expectWord("false", into: &diagnostics)
            return JSONNode(value: .bool(false), location: start)
        case UInt8(ascii: "n"):
            try expectWord("null", into: &diagnostics)
            return JSONNode(value: .null, location: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
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
        var hasDuplicates = false
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            advance()
            return JSONNode(value: .object([]), location: start)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                fail("expected a quoted key, found \(describedCurrent)",
                    hint: "keys must be in double quotes, and no comma may follow the last member",
                    into: &diagnostics)
                throw Failure()
            }
            let keyLocation = here
            let key = try readString(into: &diagnostics)
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                fail("expected \":\" after key \"\(key)\", found \(describedCurrent)", into: &diagnostics)
                throw Failure()
            }
            advance()
            skipWhitespace()
            keyPath.append(.key(key))
            let value = try readValue(depth: depth + 1, into: &diagnostics)
            keyPath.removeLast()
            if let earlier = positions.updateValue(members.count, forKey: key), let previous = members[earlier] {
                var location = keyLocation
                location.keyPath = renderedKeyPath(appending: key)
                diagnostics.warning(
                    .jsonDuplicateKey,
                    "key \"\(location.keyPath ?? key)\" appears again (first on line \(previous.keyLocation.line)); "
                        + "the last one is used",
                    at: location, hint: "remove the entry you do not want")
                members[earlier] = nil
                hasDuplicates = true
            }
            members.append(JSONMember(key: key, keyLocation: keyLocation, value: value))
            skipWhitespace()
            guard let byte = current else {
                fail("object is never closed with \"}\"", into: &diagnostics)
                throw Failure()
            }
            if byte == UInt8(ascii: ",") {
                advance()
                continue
            }
            if byte == UInt8(ascii: "}") {
                advance()
                let kept = hasDuplicates ? members.compactMap { $0 } : members.map { $0.unsafelyUnwrapped }
                return JSONNode(value: .object(kept), location: start)
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
        if current == UInt8(ascii: "]") {
            advance()
            return JSONNode(value: .array(elements), location: start)
        }
        while true {
            skipWhitespace()
            keyPath.append(.index(elements.count))
            elements.append(try readValue(depth: depth + 1, into: &diagnostics))
            keyPath.removeLast()
            skipWhitespace()
            guard let byte = current else {
                fail("array is never closed with \"]\"", into: &diagnostics)
                throw Failure()
            }
            if byte == UInt8(ascii: ",") {
                advance()
                continue
            }
            if byte == UInt8(ascii: "]") {
                advance()
                return JSONNode(value: .array(elements), location: start)
            }
            fail("expected \",\" or \"]\" in an array, found \(describedCurrent)", into: &diagnostics)
            throw Failure()
        }
    }

    mutating func expectWord(_ word: StaticString, into diagnostics: inout Diagnostics) throws {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in expected {
            guard current == byte else {
                fail("expected \(word), found \(describedCurrent)", into: &diagnostics)
                throw Failure()
            }
            advance()
        }
    }

    /// A number's text as written; it is all ASCII, so it is one slice of the bytes.
    mutating func readNumber(into diagnostics: inout Diagnostics) throws -> String {
        let numberStart = index
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        func skipDigits() -> Int {
            let digitsStart = index
            while let byte = current, isDigit(byte) { index += 1 }
            return index - digitsStart
        }
        if current == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = skipDigits()
        guard integerDigits > 0, !(integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0")) else {
            fail("malformed number", into: &diagnostics)
            throw Failure()
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() > 0 else {
                fail("malformed number: digits must follow \".\"", into: &diagnostics)
                throw Failure()
            }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else {
                fail("malformed number: digits must follow the exponent", into: &diagnostics)
                throw Failure()
            }
        }
        return String(decoding: bytes[numberStart..<index], as: UTF8.self)
    }

    mutating func readString(into diagnostics: inout Diagnostics) throws -> String {
        advance()
        // The common string has no escape: it is one slice of the input. With escapes, UTF-8 bytes are collected
        // and turned into a String once.
        var result: [UInt8] = []
        var hasEscape = false
        var runStart = index
        func append(_ scalar: Unicode.Scalar) { UTF8.encode(scalar) { result.append($0) } }
        while true {
            // A run of plain bytes; it holds no line break (control characters fail below), so only `index` and
            // the continuation count move.
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                if byte & 0xC0 == 0x80 { continuationBytesOnLine += 1 }
                index += 1
            }
            guard let byte = current else {
                fail("string is never closed with \"\\\"\"", into: &diagnostics)
                throw Failure()
            }
            if byte == UInt8(ascii: "\"") {
                advance()
                if !hasEscape { return String(decoding: bytes[runStart..<(index - 1)], as: UTF8.self) }
                result.append(contentsOf: bytes[runStart..<(index - 1)])
                return String(decoding: result, as: UTF8.self)
            }
            if byte < 0x20 {
                fail("a raw control character (such as a line break or tab) inside a string",
                    hint: "write it as an escape such as \\n or \\t", into: &diagnostics)
                throw Failure()
            }
            // A backslash.
            hasEscape = true
            result.append(contentsOf: bytes[runStart..<index])
            advance()
            defer { runStart = index }
            guard let escape = current else { continue }
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(escape)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"):
                advance()
                let first = try readHexQuad(into: &diagnostics)
                if (0xD800...0xDBFF).contains(first), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
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
                fail("unknown escape \"\\\(Character(currentScalar ?? "\u{FFFD}"))\" in a string",
                    hint: "write a backslash as \\\\", into: &diagnostics)
                throw Failure()
            }
            advance()
        }
    }

    mutating func readHexQuad(into diagnostics: inout Diagnostics) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexDigitValue(byte) else {
                fail("\\u must be followed by four hex digits", into: &diagnostics)
                throw Failure()
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    static func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
