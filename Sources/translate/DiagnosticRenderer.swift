import Foundation
import Translator

/// Prints diagnostics once, at the end of a run: GCC style text (`file:line:col: warning: ... [id]`) or JSON.
enum DiagnosticRenderer {
    enum Format: String {
        case text
        case json
    }

    static func render(_ diagnostics: Diagnostics, format: Format, color: Bool) -> String {
        switch format {
        case .text: return diagnostics.sorted.map { text($0, color: color) }.joined()
        case .json: return json(diagnostics.sorted)
        }
    }

    static func text(_ diagnostic: Diagnostic, color: Bool) -> String {
        let place = diagnostic.location.map { $0.rendered + ": " } ?? "translate: "
        var severity = diagnostic.severity.rawValue
        if color {
            let code: String
            switch diagnostic.severity {
            case .error: code = "31"
            case .warning: code = "35"
            case .note: code = "36"
            }
            severity = "\u{1B}[1;\(code)m\(severity)\u{1B}[0m"
        }
        var line = "\(oneLine(place))\(severity): \(oneLine(shortened(diagnostic.message))) [\(diagnostic.id)]\n"
        if let hint = diagnostic.hint { line += "    hint: \(oneLine(shortened(hint)))\n" }
        return line
    }

    /// `text` with control characters and line breaks escaped (see `OneLineText`).
    static func oneLine(_ text: String) -> String { OneLineText.escaped(text) }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool { OneLineText.needsEscape(scalar) }

    /// Longest message printed whole. Messages quote the user's values, and a value can be a 1 MB line.
    static let maximumMessageLength = 600

    /// `message` with its middle left out when it is longer than `maximumMessageLength` characters, saying how
    /// much was left out, so one huge value cannot flood a terminal or a CI log.
    static func shortened(_ message: String) -> String {
        // A Character is at least one byte: counting bytes (constant time) settles the usual short message.
        guard message.utf8.count > maximumMessageLength, message.count > maximumMessageLength else { return message }
        let kept = maximumMessageLength / 2
        return "\(message.prefix(kept))[... \(message.count - 2 * kept) characters left out ...]"
            + "\(message.suffix(kept))"
    }

    struct JSONDiagnostic: Encodable {
        var id: String
        var severity: String
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
        var keyPath: String?
        var hint: String?
    }

    static func json(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map {
            JSONDiagnostic(
                id: $0.id.rawValue, severity: $0.severity.rawValue, message: shortened($0.message),
                file: $0.location?.file, line: $0.location?.line, column: $0.location?.column,
                keyPath: $0.location?.keyPath, hint: $0.hint.map(shortened))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(items), let text = String(data: data, encoding: .utf8) else {
            return "[]\n"
        }
        return text + "\n"
    }
}
