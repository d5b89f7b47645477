import Translator

/// One `translate <subcommand>`: its options and what it does.
protocol Subcommand {
    static var name: String { get }
    static var usage: String { get }
    static var summary: String { get }
    static var options: [OptionSpec] { get }
    static func run(_ arguments: ParsedArguments, context: CommandContext) -> CommandResult
}

/// The CLI entry point. `main.swift` calls it with the process's arguments; tests call it in-process.
enum TranslateCLI {
    static let version = "0.1.0"

    /// Every subcommand. A new one is one new file plus one line here.
    static let subcommands: [any Subcommand.Type] = [
        ConvertCommand.self,
        CheckCommand.self,
        DiffCommand.self,
        LintCommand.self,
        ImportCommand.self,
    ]

    /// Subcommands for this repository's own upkeep, left out of the help (`hook-pattern`).
    static let hiddenSubcommands: [any Subcommand.Type] = [HookPatternCommand.self]

    static func run(arguments: [String], context: CommandContext) -> CommandResult {
        guard let first = arguments.first else {
            return usageFailure("no subcommand given")
        }
        switch first {
        case "-h", "--help", "help":
            if arguments.count > 1, let command = subcommands.first(where: { $0.name == arguments[1] }) {
                return CommandResult(status: ExitStatus.success, standardOutput: help(for: command), standardError: "")
            }
            return CommandResult(status: ExitStatus.success, standardOutput: generalHelp, standardError: "")
        case "--version":
            return CommandResult(status: ExitStatus.success, standardOutput: "translate \(version)\n", standardError: "")
        default:
            break
        }
        guard let command = (subcommands + hiddenSubcommands).first(where: { $0.name == first }) else {
            var message = first.hasPrefix("-") ? "unknown option '\(first)'" : "unknown subcommand '\(first)'"
            let candidates = first.hasPrefix("-") ? ["--help", "--version"] : subcommands.map { $0.name }
            if let suggestion = ArgumentParser.closest(to: first, among: candidates) {
                message += "; did you mean '\(suggestion)'?"
            }
            return usageFailure(message)
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("-h") || rest.contains("--help") {
            return CommandResult(status: ExitStatus.success, standardOutput: help(for: command), standardError: "")
        }
        do {
            let parsed = try ArgumentParser.parse(rest, subcommand: command.name, options: command.options)
            return command.run(parsed, context: context)
        } catch let error as UsageError {
            return usageFailure(error.message, command: command.name)
        } catch {
            return usageFailure("\(error)", command: command.name)
        }
    }

    static func usageFailure(_ message: String, command: String? = nil) -> CommandResult {
        let helpCommand = command.map { "translate \($0) --help" } ?? "translate --help"
        return CommandResult(
            status: ExitStatus.usage, standardOutput: "",
            standardError: "translate: error: \(DiagnosticRenderer.oneLine(message))\n"
                + "Run '\(helpCommand)' for usage.\n")
    }

    static var generalHelp: String {
        var text = """
            translate: turn a Heroku app (Procfile, app.json, config vars, scheduler jobs) into a Convox app.

            Usage: translate <subcommand> [options]

            Subcommands:

            """
        for command in subcommands {
            text += "  " + command.name.padding(8) + command.summary + "\n"
        }
        text += """

            Run 'translate <subcommand> --help' for its options. Exit status: 0 ok, 1 differences found or
            warnings under --strict, 2 input error (nothing written), 64 usage error.

            """
        return text
    }

    static func help(for command: any Subcommand.Type) -> String {
        var text = "Usage: \(command.usage)\n\n\(command.summary)\n\nOptions:\n"
        for option in command.options {
            let left = option.valueName.map { "\(option.name) \($0)" } ?? option.name
            text += "  " + left.padding(24) + option.help + "\n"
        }
        text += "  " + "-h, --help".padding(24) + "Show this help.\n"
        return text
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + "  " : self + String(repeating: " ", count: width - count)
    }
}
