/// How translate writes a YAML string that cannot stay plain: the generated manifests and the reader's messages
/// (`diff` output) quote the same way.
public enum YAMLQuoting {
    /// A double-quoted YAML scalar; YAML's double-quoted escapes are a superset of JSON's.
    public static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                switch scalar.value {
                case 0..<0x20, 0x7F, 0x80..<0xA0, 0xFEFF, 0x2028, 0x2029:
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default:
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
