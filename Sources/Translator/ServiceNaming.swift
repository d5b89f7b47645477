/// Convox names services, resources and timers with `^[a-z][a-z0-9-]*$`; Heroku allows `[A-Za-z0-9_-]`.
public enum ServiceNaming {
    /// True when `name` is already a valid Convox name.
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Rewrites a Heroku name into a Convox one: lower case, `_` and anything else invalid become `-`, and a
    /// name that does not start with a letter gets a `p-` prefix. Returns nil when nothing usable is left.
    public static func normalize(_ name: String) -> String? {
        // Bytes: the result holds only ASCII. Non-ASCII input is lower-cased by Unicode's rules first (the Kelvin
        // sign becomes `k`), so only an ASCII name skips `lowercased()`.
        let lowered = name.utf8.allSatisfy { $0 < 0x80 } ? name : name.lowercased()
        var result: [UInt8] = []
        result.reserveCapacity(lowered.utf8.count + 2)
        var hasAlphanumeric = false
        for scalar in lowered.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A:  // A-Z, lower-cased
                result.append(UInt8(scalar.value) + 0x20)
                hasAlphanumeric = true
            case 0x61...0x7A, 0x30...0x39:
                result.append(UInt8(scalar.value))
                hasAlphanumeric = true
            default:
                if result.last != UInt8(ascii: "-") || scalar == "-" { result.append(UInt8(ascii: "-")) }
            }
        }
        guard hasAlphanumeric else { return nil }
        if let first = result.first, !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) {
            result = Array("p-".utf8) + result.drop { $0 == UInt8(ascii: "-") }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
