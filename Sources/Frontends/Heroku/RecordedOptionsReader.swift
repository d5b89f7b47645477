import Translator

extension DiagnosticID {
    static let recordedOptionsInvalid: DiagnosticID = "recorded.invalid"
    static let recordedOptionsUnknownKey: DiagnosticID = "recorded.unknown-key"
}

/// Reads `.translate.yml`, the options an earlier `convert` recorded (see `RecordedOptions`). The CLI reads it
/// before any other input, since the options decide which inputs are read; a value is checked there exactly
/// like the flag it stands for.
public enum RecordedOptionsReader {
    public static func read(_ file: InputFile, into diagnostics: inout Diagnostics) -> RecordedOptions {
        var recorded = RecordedOptions()
        guard let root = YAMLReader.read(file, into: &diagnostics) else { return recorded }
        if root.isNull { return recorded }
        guard let pairs = root.pairs else {
            diagnostics.error(
                .recordedOptionsInvalid, "\(file.path) must be a mapping of option names to values, not "
                    + root.kindDescription, at: location(file, root))
            return recorded
        }
        for pair in pairs {
            let key = pair.key.scalarText ?? pair.key.compactText
            let here = location(file, pair.value, keyPath: key)
            if key == "config_vars" {
                recorded.configVarKeys = configVarKeys(pair.value, file: file, into: &diagnostics)
                continue
            }
            if key == "database_url_scheme" {
                guard let scheme = pair.value.scalarText, ["postgres", "mysql"].contains(scheme) else {
                    diagnostics.error(
                        .recordedOptionsInvalid, "database_url_scheme in \(file.path) must be postgres or mysql, not "
                            + (pair.value.scalarText.map { "'\($0)'" } ?? pair.value.kindDescription), at: here)
                    continue
                }
                recorded.databaseURLScheme = .init(flag: key, value: scheme, location: here)
                continue
            }
            guard let flag = RecordedOptions.keys.first(where: { $0.key == key })?.flag else {
                diagnostics.warning(
                    .recordedOptionsUnknownKey, "\(file.path) has no option \"\(key)\"; it is ignored",
                    at: location(file, pair.key, keyPath: key),
                    hint: "the options it records are " + RecordedOptions.keys.map(\.key).joined(separator: ", ")
                        + ", database_url_scheme and config_vars")
                continue
            }
            guard let text = pair.value.scalarText, !pair.value.isNull else {
                diagnostics.error(
                    .recordedOptionsInvalid, "\(key) in \(file.path) must be a single value, not "
                        + pair.value.kindDescription, at: here)
                continue
            }
            if flag == "--no-runbook" {
                guard text == "false" || text == "true" else {
                    diagnostics.error(
                        .recordedOptionsInvalid, "runbook in \(file.path) must be true or false, not '\(text)'",
                        at: here)
                    continue
                }
                if text == "false" { recorded.entries.append(.init(flag: flag, value: "", location: here)) }
                continue
            }
            recorded.entries.append(.init(flag: flag, value: text, location: here))
        }
        return recorded
    }

    static func configVarKeys(_ node: YAMLNode, file: InputFile, into diagnostics: inout Diagnostics) -> [ConfigVar] {
        guard let items = node.items else {
            diagnostics.error(
                .recordedOptionsInvalid, "config_vars in \(file.path) must be a list of config var names, not "
                    + node.kindDescription, at: location(file, node, keyPath: "config_vars"))
            return []
        }
        var keys: [ConfigVar] = []
        for (index, item) in items.enumerated() {
            let here = location(file, item, keyPath: "config_vars[\(index)]")
            guard let name = item.scalarText, !item.isNull else {
                diagnostics.error(
                    .recordedOptionsInvalid, "config_vars in \(file.path) lists \(item.kindDescription), not a "
                        + "config var name", at: here)
                continue
            }
            keys.append(ConfigVar(key: name, value: "", location: here))
        }
        return keys
    }

    static func location(_ file: InputFile, _ node: YAMLNode, keyPath: String? = nil) -> SourceLocation {
        SourceLocation(file: file.path, line: node.line, column: node.column, keyPath: keyPath)
    }
}
