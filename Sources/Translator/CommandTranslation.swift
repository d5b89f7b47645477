extension DiagnosticID {
    static let interpolationRewritten: DiagnosticID = "command.interpolation-rewritten"
    static let interpolationDefault: DiagnosticID = "command.interpolation-default"
    static let unsupportedInterpolation: DiagnosticID = "command.unsupported-interpolation"
    static let wrappedInShell: DiagnosticID = "command.wrapped-in-shell"
    static let unterminatedQuote: DiagnosticID = "command.unterminated-quote"
    static let literalInterpolation: DiagnosticID = "command.literal-interpolation"
    static let conflictingDefault: DiagnosticID = "command.conflicting-default"
}

/// Turns a Heroku shell command into a Convox `Command`, keeping its meaning: `${...}` rewritten so Convox's
/// interpolation leaves it alone, and shell syntax flagged so generation 3 runs it with a shell as Heroku did.
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
        launcher: CommandLauncher = .bash, providedVariables: Set<String> = [], into diagnostics: inout Diagnostics
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
        if !rewrite.literal.isEmpty {
            diagnostics.note(
                .literalInterpolation,
                "\(what): \(rewrite.literal.joined(separator: ", ")) "
                    + (rewrite.literal.count == 1 ? "is" : "are") + " literal "
                    + "text to the shell (quoted or escaped), "
                    + "but Convox would replace it before the command runs; its $ and { are split ($''{ or \\$\\{) "
                    + "so the command still sees the same text",
                at: location)
        }
        for conflict in rewrite.conflicting {
            diagnostics.warning(
                .conflictingDefault,
                "\(what): \(conflict.written) becomes $\(conflict.written.dropFirst(2).prefix { $0 != ":" }), whose "
                    + "environment default is \(conflict.kept) from its first use; one variable holds one default, so "
                    + "this part no longer falls back to its own",
                at: location,
                hint: "use a different variable for each default, or write the value into the command")
        }
        var defaults: [EnvironmentDeclaration] = []
        for (name, value) in rewrite.defaults {
            if providedVariables.contains(name) {
                diagnostics.note(
                    .interpolationDefault,
                    "\(what): ${\(name):-\(value)} becomes $\(name); \(name) is always set to this service's port",
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
        let syntax = ShellCommand.syntax(of: rewrite.text)
        if options.generation == .three, syntax.needsShell {
            diagnostics.note(
                .wrappedInShell,
                "\(what) uses shell syntax or a shell builtin, so it runs as \(launcher.shell) -c '...' (Heroku ran "
                    + "it with "
                    + (launcher.shell == "bash" ? "bash" : "/bin/sh -c") + "; Convox generation 3 runs commands "
                    + "without a shell)",
                at: location)
        } else if options.generation == .two, launcher.shell == "bash", syntax.needsBash {
            diagnostics.note(
                .wrappedInShell,
                "\(what) uses bash syntax, so it runs as bash -c '...' (Heroku ran it with bash; Convox generation 2 "
                    + "runs commands with sh, which is dash on Debian)",
                at: location)
        }
        return Output(
            command: Command(
                shellText: rewrite.text, needsShell: syntax.needsShell, needsBash: syntax.needsBash,
                location: location),
            environmentDefaults: defaults)
    }
}
