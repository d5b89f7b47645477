import Translator

/// What `diff` may print of a convox.yml's values without `--show-values`. A hand-written manifest can hold secrets
/// anywhere a string goes (`KEY=value` environment defaults, a `command` with a token, labels, resource options),
/// so values are shown only at key paths that describe how Convox runs the app (sizes, ports, paths, flags, resource
/// names); everything else prints as `…`. Environment entries keep their form without the value: `KEY` (required),
/// `KEY=` (empty default) or `KEY=…` (a default is set).
public enum ManifestValueMasking {
    /// Printed in place of a value that is not shown.
    public static let hidden = "…"

    /// Key paths whose values are shown; `*` is any one name (a service, resource or timer). A sequence's items
    /// count as their key's (`services.*.resources` covers each resource name).
    static let shownPatterns: [[String]] = [
        "services.*.agent", "services.*.agent.enabled", "services.*.build", "services.*.build.path",
        "services.*.build.manifest", "services.*.deployment.minimum", "services.*.deployment.maximum",
        "services.*.drain", "services.*.domain", "services.*.health", "services.*.health.*", "services.*.liveness.*",
        "services.*.startupProbe.*", "services.*.image", "services.*.init", "services.*.internal",
        "services.*.internalRouter", "services.*.port", "services.*.port.port", "services.*.port.scheme",
        "services.*.privileged", "services.*.resources", "services.*.scale", "services.*.scale.*",
        "services.*.scale.*.*", "services.*.singleton", "services.*.sticky", "services.*.termination.grace",
        "services.*.timeout", "services.*.tls.redirect", "services.*.volumes", "services.*.whitelist",
        "resources.*.type", "resources.*.options.version", "resources.*.options.storage", "resources.*.options.class",
        "resources.*.options.durable", "resources.*.options.nodes", "resources.*.options.encrypted",
        "resources.*.options.deletionProtection", "timers.*.schedule", "timers.*.service", "timers.*.concurrency",
    ].map { $0.split(separator: ".").map(String.init) }

    /// True when the value at `keyPath` (names only, no `[n]` indexes) may be printed.
    public static func showsValue(atKeyPath keyPath: [String]) -> Bool {
        shownPatterns.contains { pattern in
            pattern.count == keyPath.count && zip(pattern, keyPath).allSatisfy { $0 == "*" || $0 == $1 }
        }
    }

    /// True for `environment.KEY` and `services.NAME.environment.KEY` (the normalised form keeps entries by key).
    public static func isEnvironmentEntry(_ keyPath: [String]) -> Bool {
        (keyPath.count == 2 && keyPath[0] == "environment")
            || (keyPath.count == 4 && keyPath[0] == "services" && keyPath[2] == "environment")
    }

    /// `KEY=value` as `KEY=…`; `KEY` and `KEY=` stay as they are.
    public static func environmentForm(_ entry: String) -> String {
        guard let equals = entry.firstIndex(of: "=") else { return entry }
        let key = entry[..<equals]
        return entry.index(after: equals) == entry.endIndex ? entry : key + "=" + hidden
    }

    /// `node` (found at `path`, which may hold `[n]` indexes) with every value that may not be printed replaced.
    /// `environmentOnly` masks environment entries and nothing else (the generated side, which comes from committed
    /// inputs).
    public static func masked(_ node: YAMLNode, path: [String], environmentOnly: Bool = false) -> YAMLNode {
        let keyPath = path.filter { !$0.hasPrefix("[") }
        switch node.content {
        case .scalar(let text, _):
            if isEnvironmentEntry(keyPath) {
                return .plain(environmentForm(text), line: node.line, column: node.column)
            }
            if environmentOnly || text.isEmpty || showsValue(atKeyPath: keyPath) { return node }
            return .plain(hidden, line: node.line, column: node.column)
        case .sequence(let items):
            return YAMLNode(.sequence(items.enumerated().map { offset, item in
                masked(item, path: path + ["[\(offset)]"], environmentOnly: environmentOnly)
            }), line: node.line, column: node.column)
        case .mapping(let pairs):
            return YAMLNode(.mapping(pairs.map { pair in
                YAMLPair(key: pair.key, value: masked(pair.value, path: path + [pair.name],
                    environmentOnly: environmentOnly))
            }), line: node.line, column: node.column)
        }
    }

    // MARK: Lines, for `diff --text`

    /// The manifest's lines (split at `\n`, as `UnifiedDiff` splits them) as `diff --text` shows them: values at key
    /// paths `showsValue` does not cover become `…`, environment items `KEY=…`, comments `# …`, block scalars and
    /// lines this line-by-line reading cannot place `…`. It reads block YAML by indentation and fails closed: a line
    /// it does not understand is masked whole. `environmentOnly` masks environment entries only (the generated file).
    public static func maskedLines(_ text: String, environmentOnly: Bool = false) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        var keys: [(indent: Int, name: String)] = []
        var blockScalarIndent: Int?
        return lines.map { line in
            let carriageReturn = line.hasSuffix("\r") ? "\r" : ""
            let body = carriageReturn.isEmpty ? line : String(line.dropLast())
            let indent = body.prefix { $0 == " " }.count
            let content = body.dropFirst(indent)
            let padding = String(repeating: " ", count: indent)
            let isBlank = content.allSatisfy { $0 == " " || $0 == "\t" }
            if let blockIndent = blockScalarIndent, !environmentOnly {
                if isBlank { return line }
                if indent > blockIndent { return padding + hidden + carriageReturn }
                blockScalarIndent = nil
            }
            if isBlank || content == "---" { return line }
            if content.hasPrefix("#") { return environmentOnly ? line : padding + "# " + hidden + carriageReturn }
            var itemIndent = indent
            var rest = content
            var prefix = padding
            var isItem = false
            while rest.hasPrefix("- ") || rest == "-" {
                isItem = true
                prefix += "- "
                rest = rest.dropFirst(2)
                let spaces = rest.prefix { $0 == " " }.count
                prefix += String(repeating: " ", count: spaces)
                rest = rest.dropFirst(spaces)
                itemIndent = prefix.count
            }
            if isItem {
                keys.removeAll { $0.indent > indent }
                // An environment item is a string even when it holds `: ` (YAML would read a mapping, which
                // Convox rejects), so it is never split into a key and a value that would then be shown.
                if keys.last?.name == "environment" { return prefix + environmentItem(rest) + carriageReturn }
            }
            if let (name, value) = keyAndValue(rest) {
                keys.removeAll { $0.indent >= itemIndent }
                let keyPath = keys.map(\.name) + [name]
                let written = prefix + rest.prefix(rest.count - value.count)
                if value.isEmpty {
                    keys.append((itemIndent, name))
                    return line
                }
                if value.hasPrefix("|") || value.hasPrefix(">") {
                    blockScalarIndent = indent
                    return written + String(value.prefix { $0 != " " && $0 != "#" }) + carriageReturn
                }
                if isEmptyCollection(value) || showsValue(atKeyPath: keyPath)
                    || (environmentOnly && !keyPath.contains("environment"))
                {
                    return written + withoutComment(value) + carriageReturn
                }
                return written + hidden + carriageReturn
            }
            guard isItem else { return environmentOnly ? line : padding + hidden + carriageReturn }
            let item = withoutComment(rest)
            return prefix + (environmentOnly || showsValue(atKeyPath: keys.map(\.name)) ? item : hidden)
                + carriageReturn
        }
    }

    /// `KEY=…`, `KEY=` or `KEY` for one environment item as written (quotes and a comment dropped); `…` when it
    /// does not start with a plain name.
    static func environmentItem(_ text: Substring) -> String {
        var item = text
        if let first = item.first, first == "\"" || first == "'" {
            item = item.dropFirst()
            if let close = item.firstIndex(of: first) { item = item[..<close] }
        } else {
            var previous: Character = " "
            if let comment = item.indices.first(where: { index in
                defer { previous = item[index] }
                return item[index] == "#" && previous == " "
            }) {
                item = item[..<comment]
            }
            while item.last == " " { item = item.dropLast() }
        }
        let name = item.prefix { $0 != "=" }
        let isName = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        guard isName else { return hidden }
        if name.count == item.count { return String(name) }
        return item.count == name.count + 1 ? String(name) + "=" : String(name) + "=" + hidden
    }

    /// `name: value` split at the first `: ` (or a final `:`) outside quotes; nil when the text is not a key.
    static func keyAndValue(_ text: Substring) -> (String, Substring)? {
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                if index != text.startIndex { return nil }
                quote = character
            } else if character == "[" || character == "{" || character == "#" {
                return nil
            } else if character == ":" {
                let next = text.index(after: index)
                if next == text.endIndex || text[next] == " " {
                    var name = String(text[..<index])
                    if name.count >= 2, let first = name.first, first == "\"" || first == "'", name.last == first {
                        name = String(name.dropFirst().dropLast())
                    }
                    let value = text[next...].drop { $0 == " " }
                    return name.isEmpty ? nil : (name, value)
                }
            }
            index = text.index(after: index)
        }
        return nil
    }

    static func isEmptyCollection(_ value: Substring) -> Bool {
        let bare = withoutComment(value)
        return ["[]", "{}", "\"\"", "''", "~", "null"].contains(bare)
    }

    /// The value without a trailing ` # comment` (the comment becomes `# …`).
    static func withoutComment(_ value: Substring) -> String {
        var previous: Character?
        for index in value.indices {
            if value[index] == "#", previous == " " {
                return String(value[..<index].dropLast()) + " # " + hidden
            }
            previous = value[index]
        }
        return String(value)
    }
}
