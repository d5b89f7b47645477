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
    public init() {}

    /// True when the conversion writes an env file (there are real values to keep).
    public static func writesFile(for app: AppIR) -> Bool { !app.environmentValues.isEmpty }

    public func render(_ app: AppIR, options: ConversionOptions, into diagnostics: inout Diagnostics) -> [OutputFile] {
        guard Self.writesFile(for: app) else { return [] }
        // Comment lines must not contain an equals sign: `convox env set` reads every line that has one.
        var body = "# Config var values for Convox; this file holds secrets: never commit it.\n"
            + "# Load them with: convox env set --app APP < \(options.envFileName)\n"
        for value in app.environmentValues {
            if let problem = Self.problem(with: value.value) {
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

    /// Why `value` cannot be written unquoted so every reader agrees, or nil when it can.
    static func problem(with value: String) -> String? {
        if value.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) { return "spans several lines" }
        if let first = value.first, first == " " || first == "\t" { return "starts with a space" }
        if let last = value.last, last == " " || last == "\t" { return "ends with a space" }
        if let first = value.first, first == "'" || first == "\"" { return "starts with a quote" }
        if value.containsLiteral(" #") || value.containsLiteral("\t#") {
            return "has a \" #\" that dotenv reads as a comment"
        }
        if value.containsLiteral("${") { return "has \"${\", which dotenv expands" }
        return nil
    }
}
