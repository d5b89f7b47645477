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
        var result = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.hasSuffix("-") || scalar == "-" {
                result += "-"
            }
        }
        guard result.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        if let first = result.unicodeScalars.first, !("a"..."z").contains(first) {
            result = "p-" + result.drop { $0 == "-" }
        }
        return result
    }
}
