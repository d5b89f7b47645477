import Translator

/// A YAML document in the block subset we emit: no flow style, anchors or tags.
public indirect enum YAMLValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case sequence([YAMLValue])
    case mapping([YAMLEntry])
}

/// One key of a mapping, kept in an array so key order is ours, not a hash table's.
public struct YAMLEntry: Sendable, Equatable {
    public var key: String
    public var value: YAMLValue

    public init(_ key: String, _ value: YAMLValue) {
        self.key = key
        self.value = value
    }
}

/// Writes `YAMLValue`s as block YAML that reads back as the same strings under YAML 1.1 (Go's yaml.v2, which
/// Convox uses), YAML 1.2 and PyYAML: a scalar is left plain only when no reader could take it for anything
/// else, and is double-quoted otherwise.
public enum YAMLWriter {
    /// Builds the document in one UTF-8 byte buffer, turned into a String once: a 1,000-service manifest is
    /// tens of thousands of small pieces, and String concatenation of each was most of the backend's time.
    public static func render(_ value: YAMLValue) -> String {
        var output: [UInt8] = []
        write(value, indent: 0, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    static func write(_ value: YAMLValue, indent: Int, into output: inout [UInt8]) {
        switch value {
        case .mapping(let entries):
            write(entries[...], indent: indent, into: &output)
        case .sequence(let items):
            for item in items {
                output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
                output.append(UInt8(ascii: "-"))
                if case .mapping(let entries) = item, let first = entries.first {
                    // `- key: value` with the remaining keys aligned under the first.
                    output.append(UInt8(ascii: " "))
                    appendScalar(first.key, to: &output)
                    output.append(UInt8(ascii: ":"))
                    writeNested(first.value, indent: indent + 4, into: &output)
                    write(entries.dropFirst(), indent: indent + 2, into: &output)
                } else {
                    writeNested(item, indent: indent + 2, into: &output)
                }
            }
        default:
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            appendInline(value, to: &output)
            output.append(UInt8(ascii: "\n"))
        }
    }

    /// The entries of a mapping, each `key:` at `indent`.
    static func write(_ entries: ArraySlice<YAMLEntry>, indent: Int, into output: inout [UInt8]) {
        for entry in entries {
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            appendScalar(entry.key, to: &output)
            output.append(UInt8(ascii: ":"))
            writeNested(entry.value, indent: indent + 2, into: &output)
        }
    }

    static func writeNested(_ value: YAMLValue, indent: Int, into output: inout [UInt8]) {
        switch value {
        case .mapping(let entries) where !entries.isEmpty:
            output.append(UInt8(ascii: "\n"))
            write(value, indent: indent, into: &output)
        case .sequence(let items) where !items.isEmpty:
            output.append(UInt8(ascii: "\n"))
            write(value, indent: indent, into: &output)
        default:
            output.append(UInt8(ascii: " "))
            appendInline(value, to: &output)
            output.append(UInt8(ascii: "\n"))
        }
    }

    static func appendInline(_ value: YAMLValue, to output: inout [UInt8]) {
        switch value {
        case .string(let text): appendScalar(text, to: &output)
        case .int(let number): output.append(contentsOf: String(number).utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .mapping: output.append(contentsOf: "{}".utf8)
        case .sequence: output.append(contentsOf: "[]".utf8)
        }
    }

    static func appendScalar(_ text: String, to output: inout [UInt8]) {
        if isPlainSafe(text) {
            output.append(contentsOf: text.utf8)
        } else {
            output.append(contentsOf: doubleQuoted(text).utf8)
        }
    }

    /// `text` as a plain scalar when that is unambiguous, else double-quoted with JSON-style escapes.
    public static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : doubleQuoted(text)
    }

    /// Words that YAML 1.1 or 1.2 resolve to booleans or null.
    static let reservedWords: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", "<<", "=",
    ]

    /// Conservative: anything that might be a number, date, boolean, null, or YAML structure is quoted.
    public static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        // Every reserved word is at most five bytes: longer text skips the hashing.
        if text.utf8.count <= 5, reservedWords.contains(text) { return false }
        if first == " " || last == " " || last == ":" { return false }
        switch first {
        case "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "\\", "+":
            return false
        default: break
        }
        if first == ".", text.count > 1 {
            // `.5`, `.inf`, `.NaN` are numbers; `./bin/start` and `.` are not.
            let second = text.unicodeScalars.dropFirst().first ?? " "
            if ("0"..."9").contains(second) || [".inf", ".nan"].contains(text.lowercased()) { return false }
        }
        if ("0"..."9").contains(first) { return false }
        // `---` already starts with `-`, quoted above; `...` is checked only when it can match (as Characters).
        if first == ".", text.hasPrefix("...") { return false }
        // One pass for `: `, ` #`, `:<tab>` and control characters (Foundation's `contains` was most of the cost),
        // over the bytes while they are ASCII; text with other scalars is looked at scalar by scalar.
        var previousByte: UInt8 = 0
        var isASCII = true
        for byte in text.utf8 {
            if byte >= 0x80 {
                isASCII = false
                break
            }
            if byte < 0x20 || byte == 0x7F { return false }
            if (previousByte == UInt8(ascii: ":") && byte == UInt8(ascii: " "))
                || (previousByte == UInt8(ascii: " ") && byte == UInt8(ascii: "#"))
            {
                return false
            }
            previousByte = byte
        }
        if isASCII { return true }
        var previous: Unicode.Scalar = "\0"
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x20, 0x7F, 0x80..<0xA0, 0xFEFF, 0x2028, 0x2029: return false
            default: break
            }
            if (previous == ":" && scalar == " ") || (previous == " " && scalar == "#") { return false }
            previous = scalar
        }
        return true
    }

    /// A double-quoted YAML scalar (the one escaping rule, shared with the reader's messages).
    public static func doubleQuoted(_ text: String) -> String { YAMLQuoting.doubleQuoted(text) }
}
