import Translator

/// A minimal JSON reader that remembers where every value and key starts, so each bad Scheduler entry can be
/// reported as `file:line:col`. Private to the Scheduler frontend until the shared located JSON reader lands;
/// nesting is limited to `maximumDepth` levels so hostile input cannot overflow the stack.
struct SchedulerJSON: Sendable, Equatable {
    /// A JSON value. Object members keep file order and duplicates (the reader decides what a duplicate means).
    enum Value: Sendable, Equatable {
        case object([Member])
        case array([SchedulerJSON])
        case string(String)
        /// The number exactly as written, so callers can insist on integers.
        case number(String)
        case bool(Bool)
        case null
    }

    /// One `"key": value` pair of an object.
    struct Member: Sendable, Equatable {
        var key: String
        var keyLocation: SourceLocation
        var value: SchedulerJSON
    }

    /// A syntax error with where it happened.
    struct SyntaxError: Error, Equatable {
        var message: String
        var location: SourceLocation
    }

    var value: Value
    var location: SourceLocation

    /// Deeper nesting than this is refused: Scheduler exports are three levels deep.
    static let maximumDepth = 64

    /// Parses a whole document; anything but whitespace after the top-level value is an error.
    static func parse(_ text: String, path: String) -> Result<SchedulerJSON, SyntaxError> {
        var scanner = Scanner(scalars: Array(text.unicodeScalars), path: path)
        do {
            scanner.skipWhitespace()
            let value = try scanner.parseValue(depth: 0)
            scanner.skipWhitespace()
            if !scanner.isAtEnd { throw scanner.error("unexpected \(scanner.describeCurrent()) after the JSON value") }
            return .success(value)
        } catch let error as SyntaxError {
            return .failure(error)
        } catch {
            return .failure(SyntaxError(message: "\(error)", location: SourceLocation(file: path)))
        }
    }

    /// The member named `key` (the last one, as JSON parsers keep the last duplicate), when this is an object.
    func member(_ key: String) -> Member? {
        guard case .object(let members) = value else { return nil }
        return members.last { $0.key == key }
    }

    /// A short name of the value's type for messages (`a string`, `an array`).
    var typeDescription: String {
        switch value {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }

    private struct Scanner {
        var scalars: [Unicode.Scalar]
        var path: String
        var index = 0
        var line = 1
        var column = 1

        var isAtEnd: Bool { index >= scalars.count }
        var current: Unicode.Scalar? { isAtEnd ? nil : scalars[index] }
        var location: SourceLocation { SourceLocation(file: path, line: line, column: column) }

        func error(_ message: String, at location: SourceLocation? = nil) -> SyntaxError {
            SyntaxError(message: message, location: location ?? self.location)
        }

        func describeCurrent() -> String {
            guard let current else { return "end of file" }
            if current.value < 0x20 {
                return "control character U+\(String(current.value, radix: 16, uppercase: true))"
            }
            if current == "\"" { return "the start of a string" }
            return "\"\(Character(current))\""
        }

        mutating func advance() {
            guard let scalar = current else { return }
            index += 1
            if scalar == "\n" {
                line += 1
                column = 1
            } else if scalar == "\r" {
                // "\r\n" counts as one line break; a lone "\r" is one too.
                if current != "\n" {
                    line += 1
                    column = 1
                }
            } else {
                column += 1
            }
        }

        mutating func skipWhitespace() {
            while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                advance()
            }
        }

        mutating func parseValue(depth: Int) throws -> SchedulerJSON {
            let start = location
            guard let scalar = current else { throw error("expected a JSON value, found end of file") }
            switch scalar {
            case "{":
                guard depth < SchedulerJSON.maximumDepth else {
                    throw error("JSON is nested more than \(SchedulerJSON.maximumDepth) levels deep")
                }
                return SchedulerJSON(value: try parseObject(depth: depth + 1), location: start)
            case "[":
                guard depth < SchedulerJSON.maximumDepth else {
                    throw error("JSON is nested more than \(SchedulerJSON.maximumDepth) levels deep")
                }
                return SchedulerJSON(value: try parseArray(depth: depth + 1), location: start)
            case "\"":
                return SchedulerJSON(value: .string(try parseString()), location: start)
            case "-", "0"..."9":
                return SchedulerJSON(value: .number(try parseNumber()), location: start)
            case "t":
                try expectWord("true")
                return SchedulerJSON(value: .bool(true), location: start)
            case "f":
                try expectWord("false")
                return SchedulerJSON(value: .bool(false), location: start)
            case "n":
                try expectWord("null")
                return SchedulerJSON(value: .null, location: start)
            default:
                throw error("expected a JSON value, found \(describeCurrent())")
            }
        }

        mutating func expectWord(_ word: String) throws {
            let start = location
            for expected in word.unicodeScalars {
                guard current == expected else { throw error("expected \(word)", at: start) }
                advance()
            }
        }

        mutating func parseObject(depth: Int) throws -> Value {
            advance()
            skipWhitespace()
            var members: [Member] = []
            if current == "}" {
                advance()
                return .object(members)
            }
            while true {
                guard current == "\"" else {
                    throw error("expected a key in double quotes, found \(describeCurrent())")
                }
                let keyLocation = location
                let key = try parseString()
                skipWhitespace()
                guard current == ":" else {
                    throw error("expected \":\" after key \"\(key)\", found \(describeCurrent())")
                }
                advance()
                skipWhitespace()
                let value = try parseValue(depth: depth)
                members.append(Member(key: key, keyLocation: keyLocation, value: value))
                skipWhitespace()
                if current == "," {
                    advance()
                    skipWhitespace()
                    continue
                }
                if current == "}" {
                    advance()
                    return .object(members)
                }
                throw error("expected \",\" or \"}\" in an object, found \(describeCurrent())")
            }
        }

        mutating func parseArray(depth: Int) throws -> Value {
            advance()
            skipWhitespace()
            var elements: [SchedulerJSON] = []
            if current == "]" {
                advance()
                return .array(elements)
            }
            while true {
                elements.append(try parseValue(depth: depth))
                skipWhitespace()
                if current == "," {
                    advance()
                    skipWhitespace()
                    continue
                }
                if current == "]" {
                    advance()
                    return .array(elements)
                }
                throw error("expected \",\" or \"]\" in an array, found \(describeCurrent())")
            }
        }

        mutating func parseString() throws -> String {
            let start = location
            advance()
            var result = String.UnicodeScalarView()
            while true {
                guard let scalar = current else { throw error("string is never closed", at: start) }
                switch scalar {
                case "\"":
                    advance()
                    return String(result)
                case "\\":
                    advance()
                    result.append(try parseEscape())
                case _ where scalar.value < 0x20:
                    throw error("\(describeCurrent()) inside a string (write it as an escape such as \\n)")
                default:
                    result.append(scalar)
                    advance()
                }
            }
        }

        mutating func parseEscape() throws -> Unicode.Scalar {
            let escapeLocation = SourceLocation(file: path, line: line, column: column - 1)
            guard let scalar = current else { throw error("string is never closed") }
            advance()
            switch scalar {
            case "\"": return "\""
            case "\\": return "\\"
            case "/": return "/"
            case "b": return "\u{08}"
            case "f": return "\u{0C}"
            case "n": return "\n"
            case "r": return "\r"
            case "t": return "\t"
            case "u":
                let first = try parseHexQuad(escapeLocation)
                if (0xD800...0xDBFF).contains(first) {
                    guard current == "\\" else { throw error("unpaired surrogate \\u escape", at: escapeLocation) }
                    advance()
                    guard current == "u" else { throw error("unpaired surrogate \\u escape", at: escapeLocation) }
                    advance()
                    let second = try parseHexQuad(escapeLocation)
                    guard (0xDC00...0xDFFF).contains(second) else {
                        throw error("unpaired surrogate \\u escape", at: escapeLocation)
                    }
                    let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    if let result = Unicode.Scalar(combined) { return result }
                }
                guard let result = Unicode.Scalar(first) else {
                    throw error("unpaired surrogate \\u escape", at: escapeLocation)
                }
                return result
            default:
                throw error("unknown escape \\\(Character(scalar)) in a string", at: escapeLocation)
            }
        }

        mutating func parseHexQuad(_ escapeLocation: SourceLocation) throws -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let scalar = current, let digit = Character(scalar).hexDigitValue else {
                    throw error("\\u must be followed by four hex digits", at: escapeLocation)
                }
                value = value * 16 + UInt32(digit)
                advance()
            }
            return value
        }

        mutating func parseNumber() throws -> String {
            let start = location
            var text = ""
            func take() {
                if let scalar = current { text.unicodeScalars.append(scalar) }
                advance()
            }
            func digits() -> Int {
                var count = 0
                while let scalar = current, ("0"..."9").contains(scalar) {
                    take()
                    count += 1
                }
                return count
            }
            if current == "-" { take() }
            if current == "0" {
                take()
                if let scalar = current, ("0"..."9").contains(scalar) {
                    throw error("numbers cannot have leading zeros", at: start)
                }
            } else if digits() == 0 {
                throw error("expected digits in a number", at: start)
            }
            if current == "." {
                take()
                if digits() == 0 { throw error("expected digits after \".\" in a number", at: start) }
            }
            if current == "e" || current == "E" {
                take()
                if current == "+" || current == "-" { take() }
                if digits() == 0 { throw error("expected digits in a number's exponent", at: start) }
            }
            return text
        }
    }
}
