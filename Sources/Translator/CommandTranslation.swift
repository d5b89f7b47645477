extension DiagnosticID {
    static let interpolationRewritten: DiagnosticID = "command.interpolation-rewritten"
    static let interpolationDefault: DiagnosticID = "command.interpolation-default"
    static let unsupportedInterpolation: DiagnosticID = "command.unsupported-interpolation"
    static let wrappedInShell: DiagnosticID = "command.wrapped-in-shell"
    static let unterminatedQuote: DiagnosticID = "command.unterminated-quote"
}

/// Turns a Heroku shell command into a Convox `Command`, keeping its meaning: `${...}` rewritten so Convox's
/// interpolation leaves it alone, and shell syntax flagged so generation 3 wraps it in `sh -c`.
public enum CommandTranslation {
    /// The translated command plus the environment defaults that `${X:-d}` forms turned into.
    public struct Output: Sendable, Equatable {
        public var command: Command
        public var environmentDefaults: [EnvironmentDeclaration]
    }

    /// - Parameters:
    ///   - what: how to name the command's owner in messages (`process type "web"`, `job "rake x"`).
    ///   - providedVariables: variables Convox sets itself (`PORT` on a service with a port): no default needed.
    public static func translate(
        _ text: String, at location: SourceLocation, what: String, options: ConversionOptions,
        providedVariables: Set<String> = [], into diagnostics: inout Diagnostics
    ) -> Output {
        let rewrite = InterpolationRewriter.rewrite(text)
        for form in rewrite.unsupported {
            diagnostics.error(
                .unsupportedInterpolation,
                "\(what) uses \(form), which Convox would replace with an empty string before the command runs",
                at: location,
                hint: "use $NAME, ${NAME} or ${NAME:-default} in the command, or move the logic into a script")
        }
        if !rewrite.rewritten.isEmpty {
            diagnostics.note(
                .interpolationRewritten,
                "\(what): \(rewrite.rewritten.joined(separator: ", ")) rewritten without braces, because Convox "
                    + "replaces ${...} in convox.yml before the command runs",
                at: location)
        }
        var defaults: [EnvironmentDeclaration] = []
        for (name, value) in rewrite.defaults {
            if providedVariables.contains(name) {
                diagnostics.note(
                    .interpolationDefault,
                    "\(what): ${\(name):-\(value)} becomes $\(name); Convox always sets \(name) for this service",
                    at: location)
            } else {
                defaults.append(EnvironmentDeclaration(key: name, defaultValue: value, origin: location))
                diagnostics.note(
                    .interpolationDefault,
                    "\(what): ${\(name):-\(value)} becomes $\(name) with the environment default \(name)=\(value)",
                    at: location)
            }
        }
        if ShellCommand.hasUnterminatedQuote(rewrite.text) {
            diagnostics.warning(
                .unterminatedQuote, "\(what) has a quote that is never closed; it fails on Heroku and on Convox",
                at: location, hint: "close the quote in the command")
        }
        let needsShell = ShellCommand.needsShell(rewrite.text)
        if needsShell, options.generation == .three {
            diagnostics.note(
                .wrappedInShell,
                "\(what) uses shell syntax, so it runs as sh -c '...' (Convox generation 3 runs commands "
                    + "without a shell)",
                at: location)
        }
        return Output(
            command: Command(shellText: rewrite.text, needsShell: needsShell, location: location),
            environmentDefaults: defaults)
    }
}
