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
    public static func render(_ value: YAMLValue) -> String {
        var output = ""
        write(value, indent: 0, into: &output)
        return output
    }

    static func write(_ value: YAMLValue, indent: Int, into output: inout String) {
        let padding = String(repeating: " ", count: indent)
        switch value {
        case .mapping(let entries):
            for entry in entries {
                output += padding + scalar(entry.key) + ":"
                writeNested(entry.value, indent: indent + 2, into: &output)
            }
        case .sequence(let items):
            for item in items {
                output += padding + "-"
                if case .mapping(let entries) = item, let first = entries.first {
                    // `- key: value` with the remaining keys aligned under the first.
                    output += " " + scalar(first.key) + ":"
                    writeNested(first.value, indent: indent + 4, into: &output)
                    write(.mapping(Array(entries.dropFirst())), indent: indent + 2, into: &output)
                } else {
                    writeNested(item, indent: indent + 2, into: &output)
                }
            }
        default:
            output += padding + inline(value) + "\n"
        }
    }

    static func writeNested(_ value: YAMLValue, indent: Int, into output: inout String) {
        switch value {
        case .mapping(let entries) where !entries.isEmpty:
            output += "\n"
            write(value, indent: indent, into: &output)
        case .sequence(let items) where !items.isEmpty:
            output += "\n"
            write(value, indent: indent, into: &output)
        default:
            output += " " + inline(value) + "\n"
        }
    }

    static func inline(_ value: YAMLValue) -> String {
        switch value {
        case .string(let text): return scalar(text)
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .mapping: return "{}"
        case .sequence: return "[]"
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
        if reservedWords.contains(text) { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`\\+".unicodeScalars.contains(first) { return false }
        if first == ".", text.count > 1 {
            // `.5`, `.inf`, `.NaN` are numbers; `./bin/start` and `.` are not.
            let second = text.unicodeScalars.dropFirst().first ?? " "
            if ("0"..."9").contains(second) || [".inf", ".nan"].contains(text.lowercased()) { return false }
        }
        if ("0"..."9").contains(first) { return false }
        if text.hasPrefix("---") || text.hasPrefix("...") { return false }
        // One pass for `: `, ` #`, `:<tab>` and control characters (Foundation's `contains` was most of the cost).
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
