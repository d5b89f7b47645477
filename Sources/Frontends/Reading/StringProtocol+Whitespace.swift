extension StringProtocol {
    /// The same as Foundation's `trimmingCharacters(in: .whitespaces)` (Unicode category Zs and tab, trimmed scalar
    /// by scalar), without the trip through NSString, which cost ~20,000 instructions a line: reading a typical
    /// Gemfile.lock that way was a third of a run (see README, Performance).
    func trimmingWhitespace() -> String {
        func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t"
                || (scalar.value > 0x7F && scalar.properties.generalCategory == .spaceSeparator)
        }
        let scalars = Substring(self).unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isWhitespace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isWhitespace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
