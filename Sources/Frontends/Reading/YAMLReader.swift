import Translator

extension DiagnosticID {
    static let yamlSyntax: DiagnosticID = "yaml.syntax"
    static let yamlUnsupported: DiagnosticID = "yaml.unsupported"
    static let yamlTooDeep: DiagnosticID = "yaml.too-deep"
    static let yamlDuplicateKey: DiagnosticID = "yaml.duplicate-key"
}

/// Reads the YAML people write in convox.yml, without packages: block mappings and sequences, plain, single- and
/// double-quoted scalars with escapes, literal and folded block scalars, flow sequences and mappings, comments and
/// a leading `---`. Anchors, aliases, tags, merge keys, complex keys and multiple documents are located errors
/// saying they are not supported, never a wrong answer. Nesting deeper than `maximumDepth` is an error, so no
/// input can overflow the stack.
public enum YAMLReader {
    /// Deeper than any real manifest (convox.yml nests about 6 levels), far below what the stack can take.
    public static let maximumDepth = 64

    /// Decodes and parses `file`. Nil (with a located error) when it is not UTF-8 or not YAML we can read.
    public static func read(_ file: InputFile, into diagnostics: inout Diagnostics) -> YAMLNode? {
        guard let source = SourceText.decode(file, into: &diagnostics) else { return nil }
        return parse(source.text, path: file.path, into: &diagnostics)
    }

    /// Parses `text`; findings are located in `path`.
    public static func parse(_ text: String, path: String, into diagnostics: inout Diagnostics) -> YAMLNode? {
        var parser = YAMLParser(text)
        do {
            let node = try parser.parseDocument()
            for warning in parser.warnings { diagnostics.append(warning.diagnostic(path: path, severity: .warning)) }
            return node
        } catch let failure as YAMLParser.Failure {
            diagnostics.append(failure.diagnostic(path: path, severity: .error))
        } catch {
            diagnostics.error(.yamlSyntax, "\(error)", at: SourceLocation(file: path))
        }
        return nil
    }
}

/// The hand-written scanner and recursive-descent parser behind `YAMLReader`. It scans UTF-8 bytes: every byte the
/// grammar tests is ASCII, and the bytes of a multi-byte scalar (all 0x80 and above) match none of them, so each is
/// simply "other text". Columns still count Unicode scalars, as `SourceText` does.
struct YAMLParser {
    struct Failure: Error {
        var id: DiagnosticID
        var message: String
        var line: Int
        var column: Int
        var hint: String?

        func diagnostic(path: String, severity: Severity) -> Diagnostic {
            Diagnostic(severity, id, message, at: SourceLocation(file: path, line: line, column: column), hint: hint)
        }
    }

    /// The UTF-8 bytes, with every line break (CR LF, LF, lone CR) as one LF and a leading byte-order mark removed.
    private let text: [UInt8]
    /// Offset of the first byte of each line.
    private let lineStarts: [Int]
    /// True when every byte is ASCII, so a column is a byte distance.
    private let isASCII: Bool
    /// The line the last position was found on: positions are asked for in nearly increasing order, so the next
    /// one is almost always on this line or the next, found without a search.
    private let lastLine = LineHint()
    private var index = 0
    /// Indent of the line `index` is on when it stands at that line's first content; nil at the end.
    private var lineIndent: Int?
    /// Set when a `---` or `...` line ended the block structure.
    private var documentMarker: Int?
    var warnings: [Failure] = []

    init(_ source: String) {
        var bytes: [UInt8] = []
        var starts = [0]
        var highBits: UInt8 = 0
        var source = source
        source.withUTF8 { input in
            bytes.reserveCapacity(input.count)
            var offset = 0
            if input.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
            if !input.contains(UInt8(ascii: "\r")) {
                // No CR (nearly every file): the bytes are copied as they are and only the line starts are found.
                bytes.append(contentsOf: input[offset...])
                for (position, byte) in bytes.enumerated() {
                    highBits |= byte
                    if byte == UInt8(ascii: "\n") { starts.append(position + 1) }
                }
                return
            }
            while offset < input.count {
                let byte = input[offset]
                offset += 1
                highBits |= byte
                if byte == UInt8(ascii: "\r") {
                    if offset < input.count, input[offset] == UInt8(ascii: "\n") { offset += 1 }
                    bytes.append(UInt8(ascii: "\n"))
                } else {
                    bytes.append(byte)
                }
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { starts.append(bytes.count) }
            }
        }
        text = bytes
        lineStarts = starts
        isASCII = highBits < 0x80
    }

    // MARK: Positions

    /// 1-based line and column (in Unicode scalars) of the byte at `offset`.
    private func position(of offset: Int) -> (line: Int, column: Int) {
        let line = lineIndex(of: offset)
        let lineStart = lineStarts[line]
        guard !isASCII else { return (line + 1, offset - lineStart + 1) }
        var column = 1
        var cursor = lineStart
        while cursor < offset {
            // A continuation byte (10xxxxxx) belongs to the scalar before it.
            if text[cursor] & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        return (line + 1, column)
    }

    /// Index into `lineStarts` of the line holding `offset`: the hinted line or the next one when it is there,
    /// else a binary search.
    private func lineIndex(of offset: Int) -> Int {
        let hint = lastLine.index
        let lastIndex = lineStarts.count - 1
        if lineStarts[hint] <= offset {
            if hint == lastIndex || offset < lineStarts[hint + 1] { return hint }
            if hint + 1 == lastIndex || offset < lineStarts[hint + 2] {
                lastLine.index = hint + 1
                return hint + 1
            }
        }
        var low = 0
        var high = lastIndex
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        lastLine.index = low
        return low
    }

    private func column(of offset: Int) -> Int { position(of: offset).column - 1 }

    private func failure(
        _ message: String, at offset: Int, id: DiagnosticID = .yamlSyntax, hint: String? = nil
    ) -> Failure {
        let place = position(of: min(offset, text.count))
        return Failure(id: id, message: message, line: place.line, column: place.column, hint: hint)
    }

    /// The byte at `offset` as a scalar: itself when ASCII; a byte of a multi-byte scalar becomes U+0080...U+00FF,
    /// which no test in the grammar asks for.
    private func character(_ offset: Int) -> Unicode.Scalar? {
        offset < text.count ? Unicode.Scalar(text[offset]) : nil
    }
    private var current: Unicode.Scalar? { character(index) }

    /// Space, tab, line break or the end: what must follow `-`, `:` and `?` indicators.
    private func isBlankOrEnd(_ offset: Int) -> Bool {
        guard let scalar = character(offset) else { return true }
        return scalar == " " || scalar == "\t" || scalar == "\n"
    }

    private func isFlowIndicator(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar == "," || scalar == "[" || scalar == "]" || scalar == "{" || scalar == "}"
    }

    private func node(_ content: YAMLNode.Content, at offset: Int) -> YAMLNode {
        let place = position(of: offset)
        return YAMLNode(content, line: place.line, column: place.column)
    }

    // MARK: Lines

    private mutating func skipInlineSpace() {
        while let scalar = current, scalar == " " || scalar == "\t" { index += 1 }
    }

    /// After a value on a line: only spaces and a comment may follow.
    private mutating func finishLine() throws {
        skipInlineSpace()
        if current == "#" {
            guard index == 0 || isBlankOrEnd(index - 1) else {
                throw failure("'#' must follow a space to start a comment", at: index)
            }
            while let scalar = current, scalar != "\n" { index += 1 }
        }
        guard current == nil || current == "\n" else {
            throw failure("unexpected text after the value", at: index,
                hint: "quote the whole value, or start a comment with ' #'")
        }
        try advanceToContentLine()
    }

    /// Moves to the first content character of the next line that has one, skipping blank and comment lines.
    /// Sets `lineIndent` (nil at the end or at a `---`/`...` line).
    private mutating func advanceToContentLine() throws {
        while true {
            let lineStart = index == 0 || character(index - 1) == "\n"
            var sawTab = false
            while let scalar = current, scalar == " " || scalar == "\t" {
                if scalar == "\t" { sawTab = true }
                index += 1
            }
            guard let scalar = current else {
                lineIndent = nil
                return
            }
            if scalar == "#" {
                while let next = current, next != "\n" { index += 1 }
                continue
            }
            if scalar == "\n" {
                index += 1
                continue
            }
            let column = column(of: index)
            if sawTab, lineStart || column == columnOfFirstNonSpace(onLineOf: index) {
                throw failure("a tab is used for indentation; YAML allows only spaces there", at: index,
                    hint: "indent with spaces")
            }
            if column == 0, isDocumentMarker(at: index) {
                documentMarker = index
                lineIndent = nil
                return
            }
            lineIndent = column
            return
        }
    }

    private func columnOfFirstNonSpace(onLineOf offset: Int) -> Int {
        let start = lineStarts[position(of: offset).line - 1]
        var cursor = start
        while let scalar = character(cursor), scalar == " " || scalar == "\t" { cursor += 1 }
        return cursor - start
    }

    private func isDocumentMarker(at offset: Int) -> Bool {
        guard let first = character(offset), first == "-" || first == "." else { return false }
        return character(offset + 1) == first && character(offset + 2) == first && isBlankOrEnd(offset + 3)
    }

    // MARK: Document

    mutating func parseDocument() throws -> YAMLNode {
        if current == "%" { throw failure("YAML directives (%) are not supported", at: 0, id: .yamlUnsupported) }
        try advanceToContentLine()
        var root = node(.scalar("", .plain), at: index)
        if let marker = documentMarker, character(marker) == "-" {
            documentMarker = nil
            index = marker + 3
            root = try parseBlockValue(parentIndent: -1, depth: 0, isSequenceEntry: true)
        } else if let indent = lineIndent {
            root = try parseBlockNode(indent: indent, depth: 0)
        }
        if lineIndent != nil {
            throw failure("unexpected text; it is indented less than the lines above it", at: index,
                hint: "align it with the keys it belongs to")
        }
        if let marker = documentMarker {
            if character(marker) == "." {
                index = marker + 3
                documentMarker = nil
                try finishLine()
                if lineIndent == nil && documentMarker == nil { return root }
            }
            throw failure("a file with more than one YAML document ('---') is not supported",
                at: documentMarker ?? index, id: .yamlUnsupported, hint: "convox.yml is a single document")
        }
        return root
    }

    // MARK: Block structure

    /// A node starting at the first content character of a line indented by `indent`.
    private mutating func parseBlockNode(indent: Int, depth: Int) throws -> YAMLNode {
        try parseInline(parentIndent: indent - 1, depth: depth, allowsCompactCollection: true)
    }

    /// The value after `key:` or `-` (or `---`): on the same line, on the lines below, or empty.
    private mutating func parseBlockValue(parentIndent: Int, depth: Int, isSequenceEntry: Bool) throws -> YAMLNode {
        let start = index
        skipInlineSpace()
        if current == "#", index > start {
            while let scalar = current, scalar != "\n" { index += 1 }
        }
        guard current == nil || current == "\n" else {
            return try parseInline(parentIndent: parentIndent, depth: depth, allowsCompactCollection: isSequenceEntry)
        }
        let empty = node(.scalar("", .plain), at: start)
        try advanceToContentLine()
        guard let indent = lineIndent else { return empty }
        if indent > parentIndent { return try parseBlockNode(indent: indent, depth: depth) }
        if indent == parentIndent, !isSequenceEntry, current == "-", isBlankOrEnd(index + 1) {
            // `key:` followed by `- item` at the key's own indentation.
            return try parseBlockSequence(indent: indent, depth: depth)
        }
        return empty
    }

    /// A node that starts at `index` on a line. Collections may open here only at the start of a line or after
    /// `- ` (a "compact" collection); `key: a: b` is an error, as in every YAML library.
    private mutating func parseInline(parentIndent: Int, depth: Int, allowsCompactCollection: Bool) throws -> YAMLNode {
        guard depth < YAMLReader.maximumDepth else {
            throw failure("nesting is deeper than \(YAMLReader.maximumDepth) levels", at: index, id: .yamlTooDeep,
                hint: "a convox.yml never needs this much nesting; check the file's indentation")
        }
        let start = index
        let column = column(of: start)
        guard let scalar = current else { return node(.scalar("", .plain), at: start) }
        try rejectUnsupported(at: start)
        switch scalar {
        case "-" where isBlankOrEnd(start + 1):
            guard allowsCompactCollection else {
                throw failure("a list item ('- ') cannot start after 'key: ' on the same line", at: start,
                    hint: "put the list on the following lines, indented under the key")
            }
            return try parseBlockSequence(indent: column, depth: depth + 1)
        case "|", ">":
            return try parseBlockScalar(parentIndent: parentIndent)
        case "[", "{":
            let collection = try parseFlowCollection(depth: depth + 1)
            skipInlineSpace()
            if current == ":", isBlankOrEnd(index + 1) {
                throw failure("a [..] or {..} collection used as a key is not supported", at: start,
                    id: .yamlUnsupported)
            }
            try finishLine()
            return collection
        default:
            break
        }
        var key: YAMLNode
        if scalar == "\"" || scalar == "'" {
            key = try parseQuotedScalar()
        } else {
            key = try parsePlainScalar(parentIndent: parentIndent, isFlow: false, stopsAtKey: true)
        }
        let afterScalar = index
        skipInlineSpace()
        guard current == ":", isBlankOrEnd(index + 1) else {
            index = afterScalar
            if key.isPlainScalar, plainScalarContinues(after: afterScalar, parentIndent: parentIndent) {
                // Not a key after all: a plain scalar may go on over more-indented lines.
                index = start
                key = try parsePlainScalar(parentIndent: parentIndent, isFlow: false, stopsAtKey: false)
            }
            try finishLine()
            return key
        }
        guard allowsCompactCollection else {
            throw failure("a 'key: value' cannot start after another 'key: ' on the same line", at: start,
                hint: "quote the value if the ': ' is part of it, or move the mapping to the following lines")
        }
        if key.line != position(of: index).line {
            throw failure("a key must fit on one line", at: start)
        }
        return try parseBlockMapping(indent: column, firstKey: key, depth: depth + 1)
    }

    private func rejectUnsupported(at offset: Int) throws {
        guard let scalar = character(offset) else { return }
        switch scalar {
        case "&":
            throw failure("YAML anchors ('&') are not supported", at: offset, id: .yamlUnsupported,
                hint: "write the value out in full where it is used")
        case "*":
            throw failure("YAML aliases ('*') are not supported", at: offset, id: .yamlUnsupported,
                hint: "write the value out in full; to mean the text '*', quote it: \"*\"")
        case "!":
            throw failure("YAML tags ('!') are not supported", at: offset, id: .yamlUnsupported,
                hint: "remove the tag; quote the value if it must stay text")
        case "?" where isBlankOrEnd(offset + 1):
            throw failure("complex mapping keys ('? ') are not supported", at: offset, id: .yamlUnsupported)
        case "@", "`":
            throw failure("a plain value cannot start with '\(scalar)'", at: offset, hint: "quote the value")
        case "%":
            throw failure("a plain value cannot start with '%'", at: offset, hint: "quote the value")
        case "]", "}", ",":
            throw failure("unexpected '\(scalar)'", at: offset, hint: "quote the value if it is text")
        default:
            return
        }
    }

    private mutating func parseBlockMapping(indent: Int, firstKey: YAMLNode, depth: Int) throws -> YAMLNode {
        var pairs: [YAMLPair] = []
        var positions: [String?: Int] = [:]
        var key = firstKey
        while true {
            if key.scalarText == "<<", key.isPlainScalar {
                throw failure("YAML merge keys ('<<') are not supported", at: offsetOf(key), id: .yamlUnsupported,
                    hint: "write the merged keys out in full")
            }
            // At the ':' after the key.
            index += 1
            let value = try parseBlockValue(parentIndent: indent, depth: depth, isSequenceEntry: false)
            append(YAMLPair(key: key, value: value), to: &pairs, positions: &positions)
            guard let next = lineIndent, next >= indent else { break }
            if next > indent {
                throw failure("this line is indented more than the keys above it", at: index,
                    hint: "align it with the other keys, or put it under a key that has no value on its line")
            }
            if current == "-", isBlankOrEnd(index + 1) {
                throw failure("a list item where a 'key:' was expected", at: index,
                    hint: "indent the list under the key it belongs to")
            }
            try rejectUnsupported(at: index)
            let keyStart = index
            if current == "\"" || current == "'" {
                key = try parseQuotedScalar()
            } else if current == "[" || current == "{" {
                throw failure("a [..] or {..} collection used as a key is not supported", at: index,
                    id: .yamlUnsupported)
            } else {
                key = try parsePlainScalar(parentIndent: indent, isFlow: false, stopsAtKey: true)
            }
            skipInlineSpace()
            guard current == ":", isBlankOrEnd(index + 1) else {
                throw failure("expected 'key: value' here", at: keyStart,
                    hint: "every line of a mapping is 'key: value'; a list item starts with '- '")
            }
        }
        let first = pairs.first?.key ?? firstKey
        return YAMLNode(.mapping(pairs), line: first.line, column: first.column)
    }

    private func offsetOf(_ node: YAMLNode) -> Int {
        var offset = lineStarts[max(0, min(node.line - 1, lineStarts.count - 1))]
        guard !isASCII else { return offset + max(0, node.column - 1) }
        var scalars = 1
        while scalars < node.column, offset < text.count {
            offset += 1
            while offset < text.count, text[offset] & 0xC0 == 0x80 { offset += 1 }
            scalars += 1
        }
        return offset
    }

    /// Mappings with fewer pairs than this find a repeated key by comparing, without hashing.
    private static let linearKeySearchLimit = 8

    /// Adds a pair; a repeated key is a warning and, as in PyYAML and Go's yaml, the later value wins.
    /// `positions` maps each key to its pair's index once the mapping reaches `linearKeySearchLimit` pairs (a small
    /// mapping, nearly every one, is searched directly); it is only looked up, never iterated, so a mapping of
    /// 100,000 services stays linear.
    private mutating func append(_ pair: YAMLPair, to pairs: inout [YAMLPair], positions: inout [String?: Int]) {
        let key = pair.key.scalarText
        if pairs.count >= Self.linearKeySearchLimit, positions.isEmpty {
            for (offset, earlier) in pairs.enumerated() { positions[earlier.key.scalarText] = offset }
        }
        let found = positions.isEmpty ? pairs.firstIndex { $0.key.scalarText == key } : positions[key]
        if let existing = found {
            let first = pairs[existing].key
            warnings.append(Failure(
                id: .yamlDuplicateKey,
                message: "key '\(pair.name)' appears again (first on line \(first.line)); the last one is used",
                line: pair.key.line, column: pair.key.column, hint: "remove the entry you do not want"))
            pairs[existing].value = pair.value
            return
        }
        if !positions.isEmpty { positions[key] = pairs.count }
        pairs.append(pair)
    }

    private mutating func parseBlockSequence(indent: Int, depth: Int) throws -> YAMLNode {
        let start = index
        var items: [YAMLNode] = []
        while true {
            index += 1
            items.append(try parseBlockValue(parentIndent: indent, depth: depth, isSequenceEntry: true))
            guard let next = lineIndent, next == indent, current == "-", isBlankOrEnd(index + 1) else {
                if let next = lineIndent, next > indent {
                    throw failure("this line is indented more than the list items above it", at: index,
                        hint: "align it with the other '- ' items")
                }
                break
            }
        }
        return node(.sequence(items), at: start)
    }

    // MARK: Scalars

    /// A plain scalar. In block context it may go on over lines indented more than `parentIndent`; with
    /// `stopsAtKey` it stops at the end of its first line (a key must fit on one line).
    private mutating func parsePlainScalar(parentIndent: Int, isFlow: Bool, stopsAtKey: Bool) throws -> YAMLNode {
        let start = index
        if let first = current, first == "-" || first == "?" || first == ":", isBlankOrEnd(index + 1) {
            throw failure("a plain value cannot be a lone '\(first)'", at: index, hint: "quote the value")
        }
        // UTF-8 bytes, turned into a String once. A scalar of one run (no folding, nearly every one) is never
        // copied into `result`: its String is made from the text directly.
        var result: [UInt8] = []
        var firstRun: Range<Int>?
        var pendingSpace: [UInt8] = []
        var end = index
        while true {
            if current == "#", index > start { break }
            var length = 0
            while let scalar = character(index + length) {
                if scalar == " " || scalar == "\t" || scalar == "\n" { break }
                if scalar == ":" {
                    let next = character(index + length + 1)
                    if isBlankOrEnd(index + length + 1) || (isFlow && isFlowIndicator(next)) { break }
                }
                if isFlow, isFlowIndicator(scalar) { break }
                length += 1
            }
            if length == 0 { break }
            if let run = firstRun {
                if result.isEmpty { result.append(contentsOf: text[run]) }
                result += pendingSpace
                result.append(contentsOf: text[index..<(index + length)])
            } else {
                firstRun = index..<(index + length)
            }
            index += length
            end = index
            let spacesStart = index
            while let scalar = current, scalar == " " || scalar == "\t" { index += 1 }
            guard current == "\n", !stopsAtKey else {
                if current == "#" || current == nil || current == "\n" { break }
                pendingSpace = Array(text[spacesStart..<index])
                continue
            }
            // Line folding: one break becomes a space, each blank line a newline.
            var breaks = 0
            var cursor = index
            var lineIndentation = 0
            while character(cursor) == "\n" {
                breaks += 1
                cursor += 1
                lineIndentation = 0
                while let scalar = character(cursor), scalar == " " || scalar == "\t" {
                    cursor += 1
                    lineIndentation += 1
                }
            }
            guard let next = character(cursor), next != "#",
                isFlow || lineIndentation > parentIndent,
                !(lineIndentation == 0 && isDocumentMarker(at: cursor))
            else { break }
            if !isFlow, next == "-" || next == "?" || next == ":", isBlankOrEnd(cursor + 1) { break }
            pendingSpace = breaks == 1 ? [UInt8(ascii: " ")] : Array(repeating: UInt8(ascii: "\n"), count: breaks - 1)
            index = cursor
        }
        index = end
        let value: String
        if result.isEmpty, let run = firstRun {
            value = String(decoding: text[run], as: UTF8.self)
        } else {
            value = String(decoding: result, as: UTF8.self)
        }
        return node(.scalar(value, .plain), at: start)
    }

    /// Whether a block plain scalar whose first line ends at `offset` goes on over the next lines, by the same
    /// tests `parsePlainScalar` folds with. When not, reading it again without `stopsAtKey` gives the same node.
    private func plainScalarContinues(after offset: Int, parentIndent: Int) -> Bool {
        var cursor = offset
        while let scalar = character(cursor), scalar == " " || scalar == "\t" { cursor += 1 }
        guard character(cursor) == "\n" else { return false }
        var lineIndentation = 0
        while character(cursor) == "\n" {
            cursor += 1
            lineIndentation = 0
            while let scalar = character(cursor), scalar == " " || scalar == "\t" {
                cursor += 1
                lineIndentation += 1
            }
        }
        guard let next = character(cursor), next != "#", lineIndentation > parentIndent,
            !(lineIndentation == 0 && isDocumentMarker(at: cursor))
        else { return false }
        return !((next == "-" || next == "?" || next == ":") && isBlankOrEnd(cursor + 1))
    }

    private mutating func parseQuotedScalar() throws -> YAMLNode {
        let start = index
        guard let quote = current else { throw failure("expected a quoted value", at: index) }
        let isDouble = quote == "\""
        index += 1
        var result: [UInt8] = []
        var pendingSpace: [UInt8] = []
        while true {
            guard let scalar = current else {
                throw failure("this \(isDouble ? "double" : "single")-quoted value is never closed", at: start,
                    hint: "add the closing \(isDouble ? "\"" : "'")")
            }
            if scalar == quote {
                if !isDouble, character(index + 1) == "'" {
                    result += pendingSpace
                    result.append(UInt8(ascii: "'"))
                    pendingSpace = []
                    index += 2
                    continue
                }
                index += 1
                result += pendingSpace
                break
            }
            if scalar == " " || scalar == "\t" {
                pendingSpace.append(text[index])
                index += 1
                continue
            }
            if scalar == "\n" {
                // Folding: trailing spaces go, one break is a space, each blank line a newline.
                pendingSpace = []
                var breaks = 0
                while current == "\n" {
                    breaks += 1
                    index += 1
                    skipInlineSpace()
                }
                if column(of: index) == 0, isDocumentMarker(at: index) {
                    throw failure("a document marker inside a quoted value", at: index)
                }
                pendingSpace = breaks == 1
                    ? [UInt8(ascii: " ")] : Array(repeating: UInt8(ascii: "\n"), count: breaks - 1)
                continue
            }
            result += pendingSpace
            pendingSpace = []
            if isDouble, scalar == "\\" {
                try appendEscape(to: &result)
                continue
            }
            result.append(text[index])
            index += 1
        }
        return node(.scalar(String(decoding: result, as: UTF8.self), isDouble ? .doubleQuoted : .singleQuoted),
            at: start)
    }

    /// One `\` escape of a double-quoted scalar (YAML 1.2 §5.7), with `index` at the backslash.
    private mutating func appendEscape(to result: inout [UInt8]) throws {
        let start = index
        index += 1
        guard let code = current else { throw failure("a '\\' at the end of the file", at: start) }
        index += 1
        let simple: [Unicode.Scalar: String] = [
            "0": "\u{0}", "a": "\u{7}", "b": "\u{8}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{B}", "f": "\u{C}",
            "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\", "N": "\u{85}", "_": "\u{A0}",
            "L": "\u{2028}", "P": "\u{2029}",
        ]
        if let replacement = simple[code] {
            result += replacement.utf8
            return
        }
        if code == "\n" {
            // An escaped line break joins the lines with nothing between them.
            skipInlineSpace()
            return
        }
        let digits: Int
        switch code {
        case "x": digits = 2
        case "u": digits = 4
        case "U": digits = 8
        default:
            throw failure("unknown escape '\\\(scalar(at: index - 1))' in a double-quoted value", at: start,
                hint: "write '\\\\' for a backslash, or use single quotes")
        }
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let digit = current, digit.isASCII, let number = UInt32(String(digit), radix: 16) else {
                throw failure("'\\\(code)' needs \(digits) hexadecimal digits", at: start)
            }
            value = value * 16 + number
            index += 1
        }
        guard let decoded = Unicode.Scalar(value) else {
            throw failure("'\\\(code)' names no Unicode character", at: start)
        }
        result += String(decoded).utf8
    }

    /// The whole Unicode scalar whose first byte is at `offset`, for a message.
    private func scalar(at offset: Int) -> Unicode.Scalar {
        var end = offset + 1
        while end < text.count, text[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: text[offset..<end], as: UTF8.self).unicodeScalars.first ?? "?"
    }

    /// A `|` (literal) or `>` (folded) block scalar; the folding and chomping follow YAML 1.2 §8.1 as PyYAML
    /// implements it.
    private mutating func parseBlockScalar(parentIndent: Int) throws -> YAMLNode {
        let start = index
        let isFolded = current == ">"
        index += 1
        var chomping: Bool?  // nil: clip, true: keep, false: strip
        var increment: Int?
        for _ in 0..<2 {
            guard let scalar = current else { break }
            if scalar == "+" || scalar == "-", chomping == nil {
                chomping = scalar == "+"
                index += 1
            } else if let digit = Int(String(scalar)), scalar.isASCII, increment == nil {
                guard digit > 0 else { throw failure("a block indentation indicator must be 1 to 9", at: index) }
                increment = digit
                index += 1
            }
        }
        let afterHeader = index
        skipInlineSpace()
        if current == "#", index > afterHeader {
            while let scalar = current, scalar != "\n" { index += 1 }
        }
        guard current == nil || current == "\n" else {
            throw failure("unexpected text after '\(isFolded ? ">" : "|")'", at: index,
                hint: "the text of a block value starts on the next line")
        }
        if current == "\n" { index += 1 }
        let minimumIndent = max(parentIndent + 1, 1)
        var indent: Int
        var breaks: [UInt8] = []
        if let increment {
            indent = max(parentIndent, 0) + increment
            breaks = scanBlockBreaks(indent: indent)
        } else {
            var maximumIndent = 0
            while let scalar = current, scalar == " " || scalar == "\n" {
                if scalar == "\n" {
                    breaks.append(UInt8(ascii: "\n"))
                    index += 1
                } else {
                    index += 1
                    maximumIndent = max(maximumIndent, column(of: index))
                }
            }
            indent = max(minimumIndent, maximumIndent)
        }
        var result: [UInt8] = []
        var lineBreak = false
        while column(of: index) == indent, current != nil {
            result += breaks
            let leadingNonSpace = current != " " && current != "\t"
            let lineStart = index
            while let character = current, character != "\n" { index += 1 }
            result.append(contentsOf: text[lineStart..<index])
            lineBreak = current == "\n"
            if lineBreak { index += 1 }
            breaks = scanBlockBreaks(indent: indent)
            guard column(of: index) == indent, current != nil else { break }
            if isFolded, lineBreak, leadingNonSpace, current != " ", current != "\t" {
                if breaks.isEmpty { result.append(UInt8(ascii: " ")) }
            } else if lineBreak {
                result.append(UInt8(ascii: "\n"))
            }
        }
        if chomping != false, lineBreak { result.append(UInt8(ascii: "\n")) }
        if chomping == true { result += breaks }
        let place = position(of: start)
        let content = YAMLNode(
            .scalar(String(decoding: result, as: UTF8.self), isFolded ? .folded : .literal), line: place.line,
            column: place.column)
        try advanceToContentLine()
        return content
    }

    private mutating func scanBlockBreaks(indent: Int) -> [UInt8] {
        var breaks: [UInt8] = []
        while column(of: index) < indent, current == " " { index += 1 }
        while current == "\n" {
            breaks.append(UInt8(ascii: "\n"))
            index += 1
            while column(of: index) < indent, current == " " { index += 1 }
        }
        return breaks
    }

    // MARK: Flow collections

    /// Spaces, line breaks and comments inside `[...]` and `{...}`.
    private mutating func skipFlowSpace() {
        while let scalar = current {
            if scalar == " " || scalar == "\t" || scalar == "\n" {
                index += 1
            } else if scalar == "#", index == 0 || isBlankOrEnd(index - 1) {
                while let next = current, next != "\n" { index += 1 }
            } else {
                return
            }
        }
    }

    private mutating func parseFlowCollection(depth: Int) throws -> YAMLNode {
        guard depth < YAMLReader.maximumDepth else {
            throw failure("nesting is deeper than \(YAMLReader.maximumDepth) levels", at: index, id: .yamlTooDeep,
                hint: "a convox.yml never needs this much nesting")
        }
        let start = index
        let isMapping = current == "{"
        let close: Unicode.Scalar = isMapping ? "}" : "]"
        index += 1
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var positions: [String?: Int] = [:]
        while true {
            skipFlowSpace()
            guard let scalar = current else {
                throw failure("this '\(isMapping ? "{" : "[")' is never closed", at: start,
                    hint: "add the closing '\(close)'")
            }
            if scalar == close {
                index += 1
                break
            }
            let entry = try parseFlowNode(depth: depth)
            skipFlowSpace()
            if isMapping {
                var value = node(.scalar("", .plain), at: index)
                if current == ":" {
                    index += 1
                    skipFlowSpace()
                    if current != "," && current != "}" { value = try parseFlowNode(depth: depth) }
                    skipFlowSpace()
                }
                guard entry.scalarText != nil else {
                    throw failure("a [..] or {..} collection used as a key is not supported", at: offsetOf(entry),
                        id: .yamlUnsupported)
                }
                if entry.scalarText == "<<", entry.isPlainScalar {
                    throw failure("YAML merge keys ('<<') are not supported", at: offsetOf(entry),
                        id: .yamlUnsupported, hint: "write the merged keys out in full")
                }
                append(YAMLPair(key: entry, value: value), to: &pairs, positions: &positions)
            } else {
                if current == ":" {
                    throw failure("a 'key: value' pair directly inside [...] is not supported", at: index,
                        id: .yamlUnsupported, hint: "write it as {key: value}")
                }
                items.append(entry)
            }
            if current == "," {
                index += 1
            } else if current != close {
                if current == nil {
                    throw failure("this '\(isMapping ? "{" : "[")' is never closed", at: start,
                        hint: "add the closing '\(close)'")
                }
                throw failure("expected ',' or '\(close)'", at: index)
            }
        }
        return node(isMapping ? .mapping(pairs) : .sequence(items), at: start)
    }

    private mutating func parseFlowNode(depth: Int) throws -> YAMLNode {
        try rejectUnsupported(at: index)
        switch current {
        case "[", "{": return try parseFlowCollection(depth: depth + 1)
        case "\"", "'": return try parseQuotedScalar()
        case "|", ">":
            throw failure("a block value ('\(current ?? " ")') cannot be used inside [...] or {...}", at: index,
                hint: "quote the value")
        default: return try parsePlainScalar(parentIndent: -1, isFlow: true, stopsAtKey: false)
        }
    }
}

/// The parser's memory of the line it last located, kept by reference so `position(of:)` stays a plain query.
private final class LineHint {
    var index = 0
}
