import Foundation

/// Finds the Heroku API token the way the heroku CLI does: `HEROKU_API_KEY`, else the password of
/// `machine api.heroku.com` in `~/.netrc` (heroku/cli keeps its login there). The token is only ever put in the
/// `Authorization` header; it is never printed, written or quoted in a message.
enum HerokuToken {
    static let machine = "api.heroku.com"

    static func find(environment: [String: String]) -> String? {
        if let key = environment["HEROKU_API_KEY"]?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty {
            return key
        }
        let netrcPath = environment["NETRC"] ?? environment["HOME"].map { ($0 as NSString).appendingPathComponent(".netrc") }
        guard let netrcPath, let data = FileManager.default.contents(atPath: netrcPath) else { return nil }
        return password(inNetrc: String(decoding: data, as: UTF8.self), machine: machine)
    }

    /// The `password` of `machine` in netrc text: whitespace-separated `machine NAME login L password P` groups,
    /// `default` for any machine, `macdef` bodies skipped up to a blank line.
    static func password(inNetrc text: String, machine wanted: String) -> String? {
        var words: [Substring] = []
        var inMacro = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if inMacro {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { inMacro = false }
                continue
            }
            let lineWords = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if lineWords.first == "macdef" {
                inMacro = true
                continue
            }
            words += lineWords
        }
        var current: Substring?
        var fallback: String?
        var index = 0
        while index < words.count {
            let word = words[index]
            switch word {
            case "machine":
                current = index + 1 < words.count ? words[index + 1] : nil
                index += 2
            case "default":
                current = "*default*"
                index += 1
            case "password" where index + 1 < words.count:
                let value = String(words[index + 1])
                if current.map(String.init) == wanted { return value }
                if current == "*default*" { fallback = value }
                index += 2
            case "login", "account":
                index += 2
            default:
                index += 1
            }
        }
        return fallback
    }
}
