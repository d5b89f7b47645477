/// Text quoted from the input, made safe to place inside one line of output (a diagnostic, a Markdown heading,
/// a generated-file header): every control character (C0, DEL, C1) and line or paragraph separator is escaped,
/// so a name or value can never start a new line (a fake `file:1:1: error:`, an extra heading) or move the cursor.
public enum OneLineText {
    public static func escaped(_ text: String) -> String {
        // Printable ASCII, the usual case, needs no escape; a byte test settles it without decoding scalars.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                escaped.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default: escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return escaped
    }

    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
            || scalar.value == 0x2029
    }
}
