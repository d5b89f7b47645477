import Translator

extension DiagnosticID {
    static let invalidUTF8: DiagnosticID = "input.invalid-utf8"
    static let nulByte: DiagnosticID = "input.nul-byte"
}

/// An input file decoded as UTF-8 text, split into numbered lines the way Heroku's tools split them
/// (`\r\n`, `\n` or a lone `\r`), with a leading byte-order mark removed.
public struct SourceText: Sendable {
    /// One line without its terminator.
    public struct Line: Sendable {
        public var number: Int
        public var text: Substring
    }

    public var path: String
    public var text: String

    /// Decodes `file`; invalid UTF-8 and NUL bytes are located errors and give nil.
    public static func decode(_ file: InputFile, into diagnostics: inout Diagnostics) -> SourceText? {
        var bytes = file.contents[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            diagnostics.error(
                .nulByte, "file contains a NUL byte (byte offset \(nul)); it looks like a binary file",
                at: location(ofByte: nul, in: file), hint: "check that this is the right file")
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(in: bytes) ?? bytes.startIndex
            diagnostics.error(
                .invalidUTF8, "file is not valid UTF-8 (first bad byte at byte offset \(offset))",
                at: location(ofByte: offset, in: file), hint: "save the file as UTF-8")
            return nil
        }
        return SourceText(path: file.path, text: text)
    }

    /// Lines numbered from 1.
    public var lines: [Line] {
        var result: [Line] = []
        var number = 1
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = bytes.startIndex
        // Byte by byte, which splits exactly where walking Characters would (a line break is always a grapheme of
        // its own, "\r\n" being one) at a fraction of the cost.
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                index = bytes.index(after: index)
                continue
            }
            result.append(Line(number: number, text: text[start..<index]))
            number += 1
            index = bytes.index(after: index)
            if byte == UInt8(ascii: "\r"), index < bytes.endIndex, bytes[index] == UInt8(ascii: "\n") {
                index = bytes.index(after: index)
            }
            start = index
        }
        if start < bytes.endIndex { result.append(Line(number: number, text: text[start...])) }
        return result
    }

    /// 1-based column of `index` within `line`, counted in Unicode scalars.
    public static func column(of index: Substring.Index, in line: Substring) -> Int {
        line.unicodeScalars[line.startIndex..<index].count + 1
    }

    static func location(ofByte offset: Int, in file: InputFile) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for (index, byte) in file.contents.enumerated() where index < offset && byte == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return SourceLocation(file: file.path, line: line, column: offset - lineStart + 1)
    }

    static func firstInvalidUTF8Offset(in bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        var consumed = 0
        // Re-scan scalar by scalar: count bytes of each valid scalar until the first error.
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed = UTF8.width(scalar)
                offset += consumed
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
