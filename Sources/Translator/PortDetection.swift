/// Finds the port a web command listens on when it is written into the command (`--bind=0.0.0.0:8000`,
/// `-p 3000`, `-Dserver.port=8080`). A literal port wins over the default because the app will listen there
/// whatever `PORT` says.
public enum PortDetection {
    /// The port Convox is told about when the command only reads `$PORT`: Convox sets `PORT` to it.
    public static let defaultPort = 3000

    static let flagsTakingAddress: Set<String> = [
        "-b", "--bind", "-p", "--port", "--listen", "--http-port", "--urls", "--url", "--address", "-S",
        "--server.port", "--http.port",
    ]
    static let assignmentKeys: Set<String> = [
        "--bind", "--port", "--listen", "--http-port", "--urls", "--url", "--address", "-Dserver.port",
        "-Dhttp.port", "-Dport", "PORT", "--server.port",
    ]

    /// The first literal port in `command`, if any.
    public static func literalPort(in command: String) -> Int? {
        firstAddress(in: command, where: port(in:))
    }

    /// The first port-like number in `command` that no socket can use (`-p 70000`), so a user is told why the
    /// port they wrote was not taken, rather than that the command names none.
    public static func outOfRangePort(in command: String) -> String? {
        firstAddress(in: command) { value in
            var candidate = Substring(value)
            while candidate.hasSuffix("/") { candidate = candidate.dropLast() }
            if let colon = candidate.lastIndex(of: ":") { candidate = candidate[candidate.index(after: colon)...] }
            guard !candidate.isEmpty, candidate.allSatisfy({ $0.isASCII && $0.isNumber }),
                !(Int(candidate).map { (1...65535).contains($0) } ?? false)
            else { return nil }
            return String(candidate)
        }
    }

    /// The first flag value, `KEY=value` or `host:port` word in `command` that `parse` accepts.
    static func firstAddress<Value>(in command: String, where parse: (String) -> Value?) -> Value? {
        let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map {
            String($0).trimmingQuotes()
        }
        for (index, word) in words.enumerated() {
            if flagsTakingAddress.contains(word), index + 1 < words.count, let port = parse(words[index + 1]) {
                return port
            }
            if let equals = word.firstIndex(of: "=") {
                let key = String(word[..<equals])
                if assignmentKeys.contains(key), let port = parse(String(word[word.index(after: equals)...])) {
                    return port
                }
            }
            for host in ["0.0.0.0:", "127.0.0.1:", "localhost:", "[::]:", "*:"] where word.hasPrefix(host) {
                if let port = parse(String(word.dropFirst(host.count))) { return port }
            }
        }
        return nil
    }

    /// `8000`, `0.0.0.0:8000`, `http://*:8000/` give 8000; anything with a variable gives nil.
    static func port(in value: String) -> Int? {
        var candidate = Substring(value)
        while candidate.hasSuffix("/") { candidate = candidate.dropLast() }
        if let colon = candidate.lastIndex(of: ":") { candidate = candidate[candidate.index(after: colon)...] }
        guard !candidate.isEmpty, candidate.count <= 5, candidate.allSatisfy({ $0.isASCII && $0.isNumber }),
            let port = Int(candidate), (1...65535).contains(port)
        else { return nil }
        return port
    }
}

extension String {
    fileprivate func trimmingQuotes() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == "'" || first == "\"" { slice = slice.dropFirst() }
        while let last = slice.last, last == "'" || last == "\"" { slice = slice.dropLast() }
        return String(slice)
    }
}
