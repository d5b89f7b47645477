/// A command-line option: its name, the placeholder for its value (nil for a flag) and the values it allows.
struct OptionSpec: Sendable {
    var name: String
    var valueName: String?
    var allowedValues: [String]?
    var help: String
    /// Checks a value beyond `allowedValues`; returns what is wrong with it, or nil.
    var validate: (@Sendable (String) -> String?)? = nil
}

/// A bad command line: printed with a pointer to `--help`, exit status 64.
struct UsageError: Error, Equatable {
    var message: String
}

/// The parsed command line, before any file is touched.
struct ParsedArguments: Sendable, Equatable {
    var subcommand: String
    var positionals: [String] = []
    /// Option name to values in the order given (a flag has one empty value).
    var values: [String: [String]] = [:]

    func has(_ name: String) -> Bool { values[name] != nil }
    func value(_ name: String) -> String? { values[name]?.last }
}

/// Hand-written, table-driven argument parsing (no packages): `--name value`, `--name=value`, `--` ends options,
/// `-` is a positional (standard input). Unknown options get a "did you mean" hint.
enum ArgumentParser {
    static func parse(_ arguments: [String], subcommand: String, options: [OptionSpec]) throws -> ParsedArguments {
        var parsed = ParsedArguments(subcommand: subcommand)
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let spec = options.first(where: { $0.name == name }) else {
                var message = "unknown option '\(name)' for 'translate \(subcommand)'"
                if let suggestion = closest(to: name, among: options.map(\.name)) {
                    message += "; did you mean '\(suggestion)'?"
                }
                throw UsageError(message: message)
            }
            guard let valueName = spec.valueName else {
                if inlineValue != nil { throw UsageError(message: "option '\(name)' takes no value") }
                parsed.values[name, default: []].append("")
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError(message: "option '\(name)' needs a value (\(valueName))")
            }
            if let allowed = spec.allowedValues, !allowed.contains(value) {
                throw UsageError(
                    message: "option '\(name)' takes \(allowed.map { "'\($0)'" }.joined(separator: " or ")), "
                        + "not '\(value)'")
            }
            if let problem = spec.validate?(value) {
                throw UsageError(message: "option '\(name)': \(problem)")
            }
            // Every option names one file or one choice: a second value would silently replace the first.
            if let first = parsed.values[name]?.first {
                throw UsageError(
                    message: "option '\(name)' is given twice ('\(first)' and '\(value)'); it takes one value")
            }
            parsed.values[name, default: []].append(value)
        }
        return parsed
    }

    /// The candidate within a small edit distance of `word`, for "did you mean".
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= max(2, word.count / 3) }
        return scored.min { $0.1 < $1.1 || $0.1 == $1.1 && $0.0 < $1.0 }?.0
    }

    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs)
        let right = Array(rhs)
        if left.isEmpty { return right.count }
        var previous = Array(0...right.count)
        for (i, leftCharacter) in left.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, rightCharacter) in right.enumerated() {
                current[j + 1] = Swift.min(
                    previous[j + 1] + 1, current[j] + 1, previous[j] + (leftCharacter == rightCharacter ? 0 : 1))
            }
            previous = current
        }
        return previous[right.count]
    }
}
