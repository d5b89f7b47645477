import Translator

extension DiagnosticID {
    static let domainsInvalidJSON: DiagnosticID = "domains.invalid-json"
    static let domainsInvalidHostname: DiagnosticID = "domains.invalid-hostname"
    static let domainsHerokuDomain: DiagnosticID = "domains.heroku-domain"
    static let domainsDuplicate: DiagnosticID = "domains.duplicate"
    static let domainsEmpty: DiagnosticID = "domains.empty"
}

/// Reads `--domains FILE`: the output of `heroku domains --json`, or one hostname per line (`#` comments allowed).
/// Heroku's own `*.herokuapp.com` domain does not move; custom domains become the web service's `domain:`.
public struct DomainsFrontend: Frontend {
    public static let name = "domains"

    public init() {}

    /// Only the file `--domains` names, wherever it is.
    public var readableFiles: [AppFilePattern] { [] }

    public func requests(listing: [String], options: ConversionOptions) -> [InputRequest] {
        options.domainsPath.map { [.namedFile($0)] } ?? []
    }

    public func read(_ inputs: [InputFile], options: ConversionOptions, into diagnostics: inout Diagnostics)
        -> HerokuApp
    {
        guard let file = inputs.first, let source = SourceText.decode(file, into: &diagnostics) else {
            return HerokuApp()
        }
        let trimmed = source.text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        let candidates = trimmed.hasPrefix("[") || trimmed.hasPrefix("{")
            ? jsonHostnames(source, into: &diagnostics) : lineHostnames(source)
        if trimmed.isEmpty {
            diagnostics.warning(
                .domainsEmpty, "the domains file is empty, so no custom domain is set",
                at: SourceLocation(file: source.path),
                hint: "check that this is the right file (`heroku domains --json -a APP > FILE` writes one)")
        }
        var domains: [HerokuDomain] = []
        var seen: Set<String> = []
        for (hostname, location, kind) in candidates {
            let lowered = hostname.lowercased()
            if kind == "heroku" || lowered.hasSuffix(".herokuapp.com") || lowered.hasSuffix(".herokudns.com") {
                diagnostics.note(
                    .domainsHerokuDomain, "\(hostname) is Heroku's own domain and does not move to Convox",
                    at: location, hint: "use the hostname `convox services` prints until your own domain points at "
                        + "the rack")
                continue
            }
            guard Self.isHostname(lowered) else {
                diagnostics.error(
                    .domainsInvalidHostname, "\"\(hostname)\" is not a hostname", at: location,
                    hint: "give one hostname per line, such as www.example.com")
                continue
            }
            if !seen.insert(lowered).inserted {
                diagnostics.warning(.domainsDuplicate, "domain \(lowered) is listed twice", at: location)
                continue
            }
            domains.append(HerokuDomain(hostname: lowered, location: location))
        }
        var app = HerokuApp(sourceFiles: [file.path])
        app.domains = domains
        return app
    }

    func lineHostnames(_ source: SourceText) -> [(String, SourceLocation, String?)] {
        source.lines.compactMap { line in
            let content = line.text.drop { $0 == " " || $0 == "\t" }
            guard !content.isEmpty, !content.hasPrefix("#") else { return nil }
            let hostname = content.prefix { $0 != "#" }.trimmingTrailingBlanks()
            return (String(hostname), SourceLocation(
                file: source.path, line: line.number, column: SourceText.column(of: content.startIndex, in: line.text)),
                nil)
        }
    }

    /// `heroku domains --json`: an array of objects with `hostname` and `kind` (`heroku` or `custom`). Every
    /// finding points at the entry's own line and column.
    func jsonHostnames(_ source: SourceText, into diagnostics: inout Diagnostics)
        -> [(String, SourceLocation, String?)]
    {
        guard let root = JSONReader.parse(source, into: &diagnostics) else { return [] }
        let entryHint = "each entry is {\"hostname\": \"www.example.com\", \"kind\": \"custom\"}, as "
            + "`heroku domains --json -a APP` prints it"
        guard let entries = root.elements else {
            diagnostics.error(
                .domainsInvalidJSON,
                "the domains file is \(root.kindDescription), not the JSON array that `heroku domains --json` prints",
                at: root.location, hint: "pass the output of `heroku domains --json -a APP`, or one hostname per line")
            return []
        }
        return entries.enumerated().compactMap { index, entry in
            var location = entry.location
            location.keyPath = "[\(index)]"
            guard entry.members != nil else {
                diagnostics.error(
                    .domainsInvalidJSON, "entry [\(index)] is \(entry.kindDescription), expected an object",
                    at: location, hint: entryHint)
                return nil
            }
            guard let hostname = entry.member("hostname") else {
                diagnostics.error(
                    .domainsInvalidJSON, "entry [\(index)] has no \"hostname\"", at: location, hint: entryHint)
                return nil
            }
            location = hostname.value.location
            location.keyPath = "[\(index)].hostname"
            guard let text = hostname.value.stringValue else {
                diagnostics.error(
                    .domainsInvalidJSON,
                    "entry [\(index)]: \"hostname\" is \(hostname.value.kindDescription), expected a string",
                    at: location, hint: entryHint)
                return nil
            }
            return (text, location, entry.member("kind")?.value.stringValue)
        }
    }

    /// Letters, digits, `-` and `.`, with an optional leading `*.` wildcard: at least two labels of 1 to 63
    /// characters, none starting or ending with `-`, 253 at most in all. One pass over the bytes (a hostname is
    /// ASCII, so any other byte means no).
    static func isHostname(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if bytes.starts(with: "*.".utf8) { bytes = bytes.dropFirst(2) }
        guard bytes.count <= 253 else { return false }
        var labels = 0
        var labelLength = 0
        var previous = UInt8(ascii: ".")
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard labelLength > 0, previous != UInt8(ascii: "-") else { return false }
                labels += 1
                labelLength = 0
            } else {
                let isAlphanumeric = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                guard isAlphanumeric || byte == UInt8(ascii: "-"),
                    !(labelLength == 0 && byte == UInt8(ascii: "-"))
                else { return false }
                labelLength += 1
                guard labelLength <= 63 else { return false }
            }
            previous = byte
        }
        guard labelLength > 0, previous != UInt8(ascii: "-") else { return false }
        return labels + 1 >= 2
    }
}
