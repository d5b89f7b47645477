/// Decides which environment values are secret, so they go only into the git-ignored env file and never into
/// convox.yml, the Dockerfile, the runbook or a diagnostic. Errs on the side of secret: a false positive only
/// turns a `KEY=value` default into a required `KEY`.
public enum SecretDetection {
    /// Name fragments that mark a credential anywhere in the key.
    static let nameMarkers = [
        "SECRET", "PASSWORD", "PASSWD", "TOKEN", "PRIVATE", "CREDENTIAL", "API_KEY", "APIKEY", "ACCESS_KEY", "SALT",
        "DSN", "CERT_KEY",
    ]
    /// Name endings that mark a credential (`NEW_RELIC_LICENSE_KEY`, `SMTP_PASS`).
    static let nameSuffixes = ["_KEY", "_PASS", "_PWD", "_PASSPHRASE", "_AUTH"]

    /// True when the key looks like a credential (`*_KEY`, `*_SECRET`, `*_TOKEN`, `*PASSWORD*`, ...).
    public static func isSecretName(_ key: String) -> Bool {
        if key.utf8.allSatisfy({ $0 < 0x80 }) {
            return isSecretUppercaseASCIIName(key.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 })
        }
        let upper = key.uppercased()
        return upper == "KEY" || nameMarkers.contains { upper.containsLiteral($0) }
            || nameSuffixes.contains { upper.hasSuffix($0) }
    }

    /// `nameMarkers` and `nameSuffixes` as bytes, for `isSecretUppercaseASCIIName`.
    static let nameMarkerBytes = nameMarkers.map { Array($0.utf8) }
    static let nameSuffixBytes = nameSuffixes.map { Array($0.utf8) }

    /// `isSecretName` on the upper-cased bytes of an ASCII key (ASCII upper-casing is byte for byte), without the
    /// `uppercased()` String and the substring searches per marker that cost about 5 K instructions a variable.
    static func isSecretUppercaseASCIIName(_ upper: [UInt8]) -> Bool {
        upper.withUnsafeBufferPointer { key in
            /// True when `pattern` sits in `key` at `start`.
            func matches(_ pattern: [UInt8], at start: Int) -> Bool {
                var offset = 0
                while offset < pattern.count {
                    if key[start + offset] != pattern[offset] { return false }
                    offset += 1
                }
                return true
            }
            if key.count == 3, key[0] == UInt8(ascii: "K"), key[1] == UInt8(ascii: "E"), key[2] == UInt8(ascii: "Y") {
                return true
            }
            for marker in nameMarkerBytes where marker.count <= key.count {
                for start in 0...(key.count - marker.count) where key[start] == marker[0] {
                    if matches(marker, at: start) { return true }
                }
            }
            return nameSuffixBytes.contains { $0.count <= key.count && matches($0, at: key.count - $0.count) }
        }
    }

    /// True for a URL carrying credentials (`postgres://user:pw@host/db`, `https://key@sentry.io/1`).
    public static func isCredentialURL(_ value: String) -> Bool {
        guard value.containsLiteral("://"), let scheme = value.range(of: "://") else { return false }
        let authority = value[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return authority.contains("@")
    }

    /// The combined rule: app.json `generator: "secret"`, a credential-like name, or a URL with credentials.
    public static func isSecret(key: String, value: String?, isGenerated: Bool = false) -> Bool {
        isGenerated || isSecretName(key) || value.map(isCredentialURL) == true
    }
}
