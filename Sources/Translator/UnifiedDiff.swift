/// A unified diff (`--- a` / `+++ b`, 3 lines of context) built with the standard library's
/// `CollectionDifference`, so tests and `check` never shell out to `diff`.
public enum UnifiedDiff {
    /// Empty when the texts are equal.
    /// `oldDisplay` and `newDisplay`, when given, are what to print for each line of `old` and `new` (the same
    /// count), so `diff --text` can compare the real lines but show masked ones.
    public static func render(
        old: String, new: String, oldLabel: String, newLabel: String, context: Int = 3, oldDisplay: [String]? = nil,
        newDisplay: [String]? = nil
    ) -> String {
        guard old != new else { return "" }
        let oldLines = lines(of: old)
        let newLines = lines(of: new)
        // A display that does not line up is not trusted: every line is hidden rather than shown unmasked.
        let oldDisplay = oldDisplay.map { $0.count == oldLines.count ? $0 : oldLines.map { _ in "…" } }
            ?? oldLines.map(\.text)
        let newDisplay = newDisplay.map { $0.count == newLines.count ? $0 : newLines.map { _ in "…" } }
            ?? newLines.map(\.text)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        // Against an empty side every line is inserted (or removed), the only script there is; `difference(from:)`
        // (Myers) costs lines times edits, which made `check` of a new 100x app (50,000 lines) quadratic.
        let difference = oldLines.isEmpty || newLines.isEmpty
            ? CollectionDifference<Line>([])! : newLines.difference(from: oldLines)
        if oldLines.isEmpty { inserted = Set(newLines.indices) }
        if newLines.isEmpty { removed = Set(oldLines.indices) }
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        enum Operation { case equal, delete, insert }
        var script: [(operation: Operation, oldIndex: Int, newIndex: Int)] = []
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < oldLines.count || newIndex < newLines.count {
            if oldIndex < oldLines.count, removed.contains(oldIndex) {
                script.append((.delete, oldIndex, newIndex))
                oldIndex += 1
            } else if newIndex < newLines.count, inserted.contains(newIndex) {
                script.append((.insert, oldIndex, newIndex))
                newIndex += 1
            } else {
                script.append((.equal, oldIndex, newIndex))
                oldIndex += 1
                newIndex += 1
            }
        }
        var output = "--- \(oldLabel)\n+++ \(newLabel)\n"
        var position = 0
        while position < script.count {
            guard let start = script[position...].firstIndex(where: { $0.operation != .equal }) else { break }
            // Extend the hunk while changes are within 2 * context lines of each other.
            var end = start
            var lastChange = start
            while end < script.count {
                if script[end].operation != .equal { lastChange = end }
                if end - lastChange > 2 * context { break }
                end += 1
            }
            let hunkStart = max(position, start - context)
            let hunkEnd = min(script.count, lastChange + context + 1)
            let slice = script[hunkStart..<hunkEnd]
            guard let first = slice.first else { break }
            let oldCount = slice.filter { $0.operation != .insert }.count
            let newCount = slice.filter { $0.operation != .delete }.count
            let oldStart = oldCount == 0 ? first.oldIndex : first.oldIndex + 1
            let newStart = newCount == 0 ? first.newIndex : first.newIndex + 1
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for entry in slice {
                switch entry.operation {
                case .equal: output += " " + oldDisplay[entry.oldIndex] + "\n"
                case .delete:
                    output += "-" + oldDisplay[entry.oldIndex] + "\n"
                    if !oldLines[entry.oldIndex].hasNewline { output += "\\ No newline at end of file\n" }
                case .insert:
                    output += "+" + newDisplay[entry.newIndex] + "\n"
                    if !newLines[entry.newIndex].hasNewline { output += "\\ No newline at end of file\n" }
                }
            }
            position = hunkEnd
        }
        return output
    }

    struct Line: Hashable {
        var text: String
        var hasNewline: Bool
    }

    static func lines(of text: String) -> [Line] {
        guard !text.isEmpty else { return [] }
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            Line(text: String($0), hasNewline: true)
        }
        if text.hasSuffix("\n") {
            result.removeLast()
        } else if !result.isEmpty {
            result[result.count - 1].hasNewline = false
        }
        return result
    }
}
