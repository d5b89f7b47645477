import Translator

extension DiagnosticID {
    static let unrepresentableValue: DiagnosticID = "envfile.unrepresentable-value"
}

/// Renders the env file: every real config var value, for `convox env set < .env`. It is the only output that
/// holds secret values, so it is written 0600 and git-ignored. Lines are plain `KEY=value` with no quotes, the
/// one format `docker --env-file`, `convox env set` (both take everything after the first `=` literally) and
/// python-dotenv read the same way; a value they would read differently is left out with a warning naming the key.
public struct EnvFileBackend: Backend {
    public static let name = "env-file"
    public var writtenFileNames: [String] { [] }
    public init() {}

    /// True when the conversion writes an env file (there are real values to keep).
    public static func writesFile(for app: AppIR) -> Bool { !app.environmentValues.isEmpty }

    /// True when the app has an env file to load, whether or not its values are at hand here: committed outputs
    /// (.gitignore and .dockerignore lines, the runbook) depend on this, so a clean clone renders them the same.
    public static func isExpected(for app: AppIR) -> Bool { !app.envFileKeys.isEmpty }

    public func render(_ app: AppIR, options: ConversionOptions, into diagnostics: inout Diagnostics) -> [OutputFile] {
        guard Self.writesFile(for: app) else { return [] }
        // Comment lines must not contain an equals sign: `convox env set` reads every line that has one.
        var body = "# Config var values for Convox; this file holds secrets: never commit it.\n"
            + "# Load them with: convox env set --app APP < \(options.envFileName)\n"
        for value in app.environmentValues {
            if let problem = Self.problem(with: value.value, key: value.key) {
                diagnostics.warning(
                    .unrepresentableValue,
                    "the value of \(value.key) \(problem), so docker --env-file, `convox env set` and dotenv would "
                        + "read it differently; it is left out of \(options.envFileName)",
                    at: value.origin, hint: "set it yourself with `convox env set \(value.key)=...`")
                continue
            }
            body += "\(value.key)=\(value.value)\n"
        }
        let declared = Set(app.environmentValues.map(\.key))
        let pending = app.environment.filter { $0.isRequired && !declared.contains($0.key) }
        if !pending.isEmpty {
            body += "# Required but no value yet (set them before deploying):\n"
            for declaration in pending { body += "# \(declaration.key)\n" }
        }
        return [OutputFile(path: options.envFileName, contents: body, isSecret: true, headerStyle: .hash)]
    }

    /// Longest `KEY=value` line: docker's `--env-file` reads lines with Go's bufio.Scanner, whose default token
    /// limit is 64 KiB (a longer line fails the run), and `convox env set` drops the keys after such a line.
    static let maximumLineBytes = 64 * 1024 - 1

    /// Characters Python's `str.strip()` removes, which python-dotenv applies to an unquoted value, while docker
    /// and `convox env set` keep them: a value starting or ending with one is read differently.
    static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        (0x09...0x0D).contains(scalar.value) || (0x1C...0x20).contains(scalar.value) || scalar.value == 0x85
            || scalar.value == 0xA0 || scalar.value == 0x1680 || (0x2000...0x200A).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0x202F || scalar.value == 0x205F
            || scalar.value == 0x3000
    }

    /// Why `value` cannot be written unquoted so every reader agrees, or nil when it can.
    static func problem(with value: String, key: String = "") -> String? {
        if key.utf8.count + 1 + value.utf8.count <= maximumLineBytes, isPlainPrintableASCII(value) { return nil }
        if value.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) { return "spans several lines" }
        if key.utf8.count + 1 + value.utf8.count > maximumLineBytes {
            return "is over 64 KiB (docker --env-file fails on such a line)"
        }
        for (end, scalar) in [("starts", value.unicodeScalars.first), ("ends", value.unicodeScalars.last)] {
            guard let scalar, isPythonWhitespace(scalar) else { continue }
            if scalar == " " || scalar == "\t" { return "\(end) with a space" }
            let code = "U+" + String(String(scalar.value, radix: 16, uppercase: true).paddedTo4)
            return "\(end) with a blank (\(code)) that dotenv strips and docker keeps"
        }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || (0x7F...0x9F).contains($0.value) }) {
            return "has a control character"
        }
        if let first = value.first, first == "'" || first == "\"" { return "starts with a quote" }
        if value.containsLiteral(" #") || value.containsLiteral("\t#") {
            return "has a \" #\" that dotenv reads as a comment"
        }
        if value.containsLiteral("${") { return "has \"${\", which dotenv expands" }
        return nil
    }

    /// The common case in one pass over the bytes: printable ASCII (no tab) that no rule of `problem` objects to.
    /// Anything else goes through every rule, so messages stay as they are.
    static func isPlainPrintableASCII(_ value: String) -> Bool {
        var previous: UInt8 = 0
        for byte in value.utf8 {
            guard (0x20...0x7E).contains(byte) else { return false }
            if previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#") { return false }
            if previous == UInt8(ascii: "$") && byte == UInt8(ascii: "{") { return false }
            previous = byte
        }
        guard let first = value.utf8.first, let last = value.utf8.last else { return true }
        return first != UInt8(ascii: " ") && first != UInt8(ascii: "'") && first != UInt8(ascii: "\"")
            && last != UInt8(ascii: " ")
    }
}

extension String {
    /// Hex digits padded to the four of the usual `U+00A0` notation.
    fileprivate var paddedTo4: String { String(repeating: "0", count: max(0, 4 - count)) + self }
}
