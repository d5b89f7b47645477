/// `translate hook-pattern`: prints the derived `files:` pattern. Hidden from the help; it exists so the hook file
/// can be regenerated (`files: <output>`) and checked.
enum HookPatternCommand: Subcommand {
    static let name = "hook-pattern"
    static let usage = "translate hook-pattern"
    static let summary = "Print the pre-commit hooks' files: pattern, derived from the files translate reads."
    static let options: [OptionSpec] = []

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> CommandResult {
        if let extra = arguments.positionals.first {
            return TranslateCLI.usageFailure("unexpected argument '\(extra)'", command: name)
        }
        return CommandResult(status: ExitStatus.success, standardOutput: HookFilePattern.regularExpression + "\n",
            standardError: "")
    }
}
