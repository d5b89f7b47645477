import Translator

extension DiagnosticID {
    static let procfileDuplicateType: DiagnosticID = "procfile.duplicate-type"
    static let procfileEmptyCommand: DiagnosticID = "procfile.empty-command"
    static let procfileInvalidLine: DiagnosticID = "procfile.invalid-line"
    static let procfileLooseSyntax: DiagnosticID = "procfile.loose-syntax"
    static let procfileEmpty: DiagnosticID = "procfile.empty"
}

/// Reads a Procfile with the grammar foreman, honcho and `heroku local` share: `^([A-Za-z0-9_-]+):\s*(.+)$`.
/// Where those tools silently skip a line, we still follow Heroku but say so.
public struct ProcfileFrontend: Frontend {
    public static let name = "procfile"

    public init() {}

    public var readableFiles: [AppFilePattern] { [.path("Procfile")] }

    public func requests(listing: [String], options: ConversionOptions) -> [InputRequest] {
        listing.contains("Procfile") ? [.appFile("Procfile")] : []
    }

    public func read(_ inputs: [InputFile], options: ConversionOptions, into diagnostics: inout Diagnostics)
        -> HerokuApp
    {
        guard let file = inputs.first else { return HerokuApp() }
        guard let source = SourceText.decode(file, into: &diagnostics) else {
            return HerokuApp(processTypes: [], sourceFiles: [file.path])
        }
        return HerokuApp(processTypes: parse(source, into: &diagnostics), sourceFiles: [file.path])
    }

    /// Process types in file order; a duplicate replaces the earlier entry (Heroku's last-wins).
    public func parse(_ source: SourceText, into diagnostics: inout Diagnostics) -> [ProcessType] {
        var processTypes: [ProcessType] = []
        var indexByName: [String: Int] = [:]
        for line in source.lines {
            let content = line.text.drop { $0 == " " || $0 == "\t" }
            if content.isEmpty || content.hasPrefix("#") { continue }
            let lineLocation = SourceLocation(
                file: source.path, line: line.number, column: SourceText.column(of: content.startIndex, in: line.text))
            guard let colon = content.firstIndex(of: ":") else {
                diagnostics.warning(
                    .procfileInvalidLine, "line is not \"<process type>: <command>\", so Heroku ignores it",
                    at: lineLocation, hint: "add the missing \":\" or comment the line out with \"#\"")
                continue
            }
            let rawName = content[..<colon]
            let name = rawName.trimmingTrailingBlanks()
            guard !name.isEmpty, name.allSatisfy(Self.isNameCharacter) else {
                diagnostics.warning(
                    .procfileInvalidLine,
                    "\"\(rawName)\" is not a process type name (letters, digits, \"_\" and \"-\"), so Heroku "
                        + "ignores this line",
                    at: lineLocation, hint: "rename the process type or comment the line out with \"#\"")
                continue
            }
            if content.startIndex != line.text.startIndex || name.count != rawName.count {
                diagnostics.warning(
                    .procfileLooseSyntax,
                    "process type \"\(name)\" has spaces before its name or its \":\"; foreman and honcho "
                        + "ignore such lines, translate reads them",
                    at: lineLocation, hint: "write it as \"\(name): <command>\" at the start of the line")
            }
            let afterColon = content[content.index(after: colon)...]
            let command = afterColon.drop { $0 == " " || $0 == "\t" }.trimmingTrailingBlanks()
            guard !command.isEmpty else {
                diagnostics.warning(
                    .procfileEmptyCommand, "process type \"\(name)\" has no command, so Heroku ignores it",
                    at: lineLocation, hint: "add the command after \"\(name):\" or remove the line")
                continue
            }
            let commandStart = afterColon.drop { $0 == " " || $0 == "\t" }.startIndex
            let process = ProcessType(
                name: String(name), command: String(command), location: lineLocation,
                commandLocation: SourceLocation(
                    file: source.path, line: line.number, column: SourceText.column(of: commandStart, in: line.text)))
            if let earlier = indexByName[process.name] {
                diagnostics.warning(
                    .procfileDuplicateType,
                    "process type \"\(name)\" is defined again (first on line \(processTypes[earlier].location.line)); "
                        + "like Heroku, the last definition wins",
                    at: lineLocation, hint: "remove the definition you do not want")
                processTypes.remove(at: earlier)
                indexByName = Dictionary(
                    processTypes.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { $1 })
            }
            indexByName[process.name] = processTypes.count
            processTypes.append(process)
        }
        if processTypes.isEmpty {
            diagnostics.warning(
                .procfileEmpty, "the Procfile defines no process types", at: SourceLocation(file: source.path),
                hint: "add a line such as \"web: <command>\"")
        }
        return processTypes
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-")
    }
}

extension Substring {
    func trimmingTrailingBlanks() -> Substring {
        var slice = self
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return slice
    }
}
