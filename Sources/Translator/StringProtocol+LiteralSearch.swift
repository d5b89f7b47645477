/// Substring tests on UTF-8 bytes for code that runs once per variable or line. With Foundation imported,
/// `String.contains(_: String)` goes through NSString and cost a hundred times more; at 10,000 config vars it was
/// a third of the run (see README, Performance).
extension StringProtocol {
    /// True when `needle`'s UTF-8 bytes occur in this text's, compared byte for byte (no Unicode equivalence). An
    /// empty needle is never found, as with Foundation's `contains`.
    public func containsLiteral(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            if let found = utf8.withContiguousStorageIfAvailable({ Self.find(pattern, in: $0) }) { return found }
            return Array(utf8).withUnsafeBufferPointer { Self.find(pattern, in: $0) }
        }
    }

    private static func find(_ pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pattern.first, text.count >= pattern.count else { return false }
        var start = 0
        while start <= text.count - pattern.count {
            if text[start] == first {
                var matched = 1
                while matched < pattern.count, text[start + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return true }
            }
            start += 1
        }
        return false
    }
}
