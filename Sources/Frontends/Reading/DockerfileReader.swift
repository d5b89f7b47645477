import Translator

/// Reads what a Dockerfile says about running its image (the final stage's `CMD` and `ENTRYPOINT`) and which
/// `ARG`s its build takes. Only these instructions matter to the conversion; the rest is left to Docker.
public enum DockerfileReader {
    /// The facts of `source`. Instructions continue over lines ending in `\`; comment lines are skipped.
    public static func read(_ source: SourceText) -> DockerfileFacts {
        var facts = DockerfileFacts()
        for line in source.lines {
            // Convox passes `--build-arg K=V` for every line whose first word is exactly `ARG`, in any stage
            // (convox/convox and convox/rack pkg/build/docker.go `buildArgs`), so ARGs are read line by line too.
            let fields = line.text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.count >= 2, fields[0] == "ARG" {
                let name = String(fields[1].prefix { $0 != "=" })
                if !name.isEmpty, !facts.arguments.contains(name) { facts.arguments.append(name) }
            }
        }
        for instruction in instructions(of: source) {
            let location = SourceLocation(file: source.path, line: instruction.line, column: instruction.column)
            switch instruction.keyword {
            case "FROM":
                // A new stage: only the last stage's CMD and ENTRYPOINT make the image's defaults.
                facts.command = nil
                facts.commandLocation = nil
                facts.entrypoint = nil
                facts.entrypointLocation = nil
            case "CMD":
                facts.command = commandText(instruction.arguments)
                facts.commandLocation = location
            case "ENTRYPOINT":
                facts.entrypoint = commandText(instruction.arguments)
                facts.entrypointLocation = location
            default:
                break
            }
        }
        return facts
    }

    /// One instruction with its continuation lines joined.
    struct Instruction {
        var keyword: String
        var arguments: String
        var line: Int
        var column: Int
    }

    /// The instructions in file order.
    static func instructions(of source: SourceText) -> [Instruction] {
        var result: [Instruction] = []
        var pending: Instruction?
        for line in source.lines {
            let trimmed = line.text.trimmingWhitespace()
            if pending == nil, trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if pending != nil, trimmed.hasPrefix("#") { continue }
            let continues = trimmed.hasSuffix("\\")
            let body = continues ? String(trimmed.dropLast()) : trimmed
            if var current = pending {
                current.arguments += " " + body.trimmingWhitespace()
                pending = current
            } else {
                let keyword = body.prefix { $0 != " " && $0 != "\t" }
                let rest = body.dropFirst(keyword.count).trimmingWhitespace()
                let column = line.text.distance(
                    from: line.text.startIndex, to: line.text.firstIndex { $0 != " " && $0 != "\t" }
                        ?? line.text.startIndex) + 1
                pending = Instruction(
                    keyword: keyword.uppercased(), arguments: rest, line: line.number, column: column)
            }
            if !continues, let current = pending {
                result.append(Instruction(
                    keyword: current.keyword, arguments: current.arguments.trimmingWhitespace(),
                    line: current.line, column: current.column))
                pending = nil
            }
        }
        if let current = pending { result.append(current) }
        return result
    }

    /// The exec form `["a", "b c"]` as `a "b c"`, or the shell form as written.
    static func commandText(_ arguments: String) -> String {
        guard arguments.hasPrefix("["), let words = execForm(arguments) else { return arguments }
        return words.map { word in
            word.isEmpty || word.contains(where: { " \t\"'$\\".contains($0) }) ? ShellCommand.singleQuoted(word) : word
        }.joined(separator: " ")
    }

    /// The strings of a JSON array of strings, or nil when the text is not one (Docker then takes the shell form).
    static func execForm(_ text: String) -> [String]? {
        var words: [String] = []
        var scalars = Array(text.unicodeScalars)[...]
        func skipBlanks() { while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() } }
        guard scalars.first == "[" else { return nil }
        scalars.removeFirst()
        skipBlanks()
        if scalars.first == "]" { return scalars.dropFirst().allSatisfy { $0 == " " || $0 == "\t" } ? [] : nil }
        while true {
            skipBlanks()
            guard scalars.first == "\"" else { return nil }
            scalars.removeFirst()
            var word = String.UnicodeScalarView()
            while true {
                guard let scalar = scalars.first else { return nil }
                scalars.removeFirst()
                if scalar == "\"" { break }
                if scalar == "\\" {
                    guard let escaped = scalars.first else { return nil }
                    scalars.removeFirst()
                    switch escaped {
                    case "n": word.append("\n")
                    case "t": word.append("\t")
                    default: word.append(escaped)
                    }
                    continue
                }
                word.append(scalar)
            }
            words.append(String(word))
            skipBlanks()
            guard let next = scalars.first else { return nil }
            scalars.removeFirst()
            if next == "]" { break }
            guard next == "," else { return nil }
        }
        return scalars.allSatisfy { $0 == " " || $0 == "\t" } ? words : nil
    }
}
