/// A version constraint read the way the buildpack's own resolver reads it: npm's semver for package.json
/// `engines.node` (heroku-buildpack-nodejs resolves it with node-semver), Composer's rules for composer.json
/// `require.php` (heroku-buildpack-php resolves it with Composer). Both use `||` for "or" and blanks for "and";
/// Composer also takes `|` and `,`. The result is the set of versions it allows, as intervals, so the caller can
/// pick the newest release line inside it, or report that nothing satisfies it.
struct VersionRange: Equatable {
    /// The rules of one resolver.
    enum Dialect {
        /// node-semver: a bare `18` or `18.2` is an x-range (`18.x`).
        case npm
        /// Composer: a bare `8.1` is exactly 8.1.0, `|` and `,` are accepted too.
        case composer
    }

    /// A version as three numbers; missing parts are 0.
    struct Version: Comparable, Equatable {
        var parts: [Int]

        init(_ major: Int, _ minor: Int = 0, _ patch: Int = 0) { parts = [major, minor, patch] }

        static func < (lhs: Version, rhs: Version) -> Bool { lhs.parts.lexicographicallyPrecedes(rhs.parts) }
    }

    /// One interval of allowed versions; `upper == nil` is unbounded.
    struct Interval: Equatable {
        var lower: Version
        var lowerInclusive: Bool
        var upper: Version?
        var upperInclusive: Bool

        static let everything = Interval(lower: Version(0), lowerInclusive: true, upper: nil, upperInclusive: false)

        var isEmpty: Bool {
            guard let upper else { return false }
            return upper < lower || (upper == lower && !(lowerInclusive && upperInclusive))
        }

        func intersection(_ other: Interval) -> Interval {
            var result = self
            if other.lower > lower || (other.lower == lower && !other.lowerInclusive) {
                result.lower = other.lower
                result.lowerInclusive = other.lowerInclusive
            }
            if let otherUpper = other.upper {
                if let upper = result.upper, upper < otherUpper || (upper == otherUpper && !result.upperInclusive) {
                    return result
                }
                if let upper = result.upper, upper == otherUpper {
                    result.upperInclusive = result.upperInclusive && other.upperInclusive
                    return result
                }
                result.upper = otherUpper
                result.upperInclusive = other.upperInclusive
            }
            return result
        }
    }

    /// The allowed versions: the union of these intervals.
    var intervals: [Interval]

    /// Nil when the text is not a constraint at all (no version number, or a word the resolver would refuse).
    init?(_ text: String, dialect: Dialect) {
        var alternatives = text.components(separatedBy: "||")
        if dialect == .composer { alternatives = alternatives.flatMap { $0.components(separatedBy: "|") } }
        var intervals: [Interval] = []
        for alternative in alternatives {
            var words = Self.words(alternative, dialect: dialect)
            guard !words.isEmpty else {
                if alternative.trimmingWhitespace().isEmpty, alternatives.count == 1 { return nil }
                intervals.append(.everything)
                continue
            }
            var interval = Interval.everything
            while !words.isEmpty {
                let word = words.removeFirst()
                if words.first == "-", words.count >= 2 {
                    // A hyphen range: `16 - 18` is >=16.0.0 and below 19 (a partial upper bound is an x-range).
                    words.removeFirst()
                    let upperWord = words.removeFirst()
                    guard let low = Self.primitive(word, dialect: .npm),
                        let high = Self.primitive(upperWord, dialect: .npm)
                    else { return nil }
                    interval = interval.intersection(Interval(
                        lower: low.lower, lowerInclusive: true, upper: high.upper, upperInclusive: high.upperInclusive))
                    continue
                }
                guard let primitive = Self.primitive(word, dialect: dialect) else { return nil }
                interval = interval.intersection(primitive)
            }
            intervals.append(interval)
        }
        self.intervals = intervals.filter { !$0.isEmpty }
    }

    /// True when no version at all satisfies the constraint (`>=18 <16`).
    var isUnsatisfiable: Bool { intervals.isEmpty }

    /// True when the release line from `lower` up to (not including) `upper` has a version the range allows.
    func allowsSome(from lower: Version, below upper: Version) -> Bool {
        let line = Interval(lower: lower, lowerInclusive: true, upper: upper, upperInclusive: false)
        return intervals.contains { !$0.intersection(line).isEmpty }
    }

    /// Words of one alternative, with an operator written apart from its version (`>= 18`) joined to it.
    static func words(_ text: String, dialect: Dialect) -> [String] {
        let separators: Set<Character> = dialect == .composer ? [" ", "\t", ","] : [" ", "\t"]
        var words = text.split { separators.contains($0) }.map(String.init)
        var index = 0
        while index < words.count {
            if words[index] != "-", words[index].allSatisfy({ "<>=~^!".contains($0) }), index + 1 < words.count {
                words[index] += words.remove(at: index + 1)
            }
            index += 1
        }
        return words
    }

    /// One comparator (`>=18`, `^8.1`, `~1.2.3`, `8.2.*`, `18.x`, `7.4`) as an interval; nil when unreadable.
    static func primitive(_ word: String, dialect: Dialect) -> Interval? {
        var text = Substring(word)
        if let at = text.firstIndex(of: "@") { text = text[..<at] }
        let operatorText = String(text.prefix { "<>=~^!".contains($0) })
        text = text.dropFirst(operatorText.count)
        if text.first == "v" { text = text.dropFirst() }
        // Pre-release and build suffixes (`-dev`, `+build`, `RC1`) do not change the release line.
        let core = text.prefix { $0.isNumber || $0 == "." || $0 == "*" || $0 == "x" || $0 == "X" }
        if core.isEmpty, operatorText.isEmpty, text == "*" || text.isEmpty { return .everything }
        var numbers: [Int] = []
        for part in core.split(separator: ".", omittingEmptySubsequences: false) {
            if part == "*" || part == "x" || part == "X" { break }
            guard let number = Int(part), number < 1_000_000 else { return nil }
            numbers.append(number)
        }
        guard let major = numbers.first else { return operatorText.isEmpty ? .everything : nil }
        let given = numbers.count
        let version = Version(major, numbers.count > 1 ? numbers[1] : 0, numbers.count > 2 ? numbers[2] : 0)
        /// The first version past the given parts (`18` → 19.0.0, `8.2` → 8.3.0).
        let next: Version = given == 1 ? Version(major + 1) : given == 2 ? Version(major, version.parts[1] + 1)
            : Version(major, version.parts[1], version.parts[2] + 1)
        let isPartial = given < 3 || core.contains("*") || core.lowercased().contains("x")
        func atLeast(_ lower: Version, below upper: Version?) -> Interval {
            Interval(lower: lower, lowerInclusive: true, upper: upper, upperInclusive: false)
        }
        switch operatorText {
        case ">=": return atLeast(version, below: nil)
        case ">":
            return isPartial ? atLeast(next, below: nil)
                : Interval(lower: version, lowerInclusive: false, upper: nil, upperInclusive: false)
        case "<": return atLeast(Version(0), below: version)
        case "<=":
            return isPartial ? atLeast(Version(0), below: next)
                : Interval(lower: Version(0), lowerInclusive: true, upper: version, upperInclusive: true)
        case "!=", "<>": return .everything
        case "^":
            if major > 0 || given == 1 { return atLeast(version, below: Version(major + 1)) }
            if version.parts[1] > 0 || given == 2 { return atLeast(version, below: Version(0, version.parts[1] + 1)) }
            return atLeast(version, below: Version(0, 0, version.parts[2] + 1))
        case "~":
            // `~1.2.3` allows 1.2.x; `~1.2` allows 1.x in Composer and 1.2.x in npm; `~1` allows 1.x.
            if given >= 3 || (given == 2 && dialect == .npm) {
                return atLeast(version, below: Version(major, version.parts[1] + 1))
            }
            return atLeast(version, below: Version(major + 1))
        case "", "=", "==":
            if isPartial, dialect == .npm || core.contains("*") || core.lowercased().contains("x") {
                return atLeast(version, below: next)
            }
            return Interval(lower: version, lowerInclusive: true, upper: version, upperInclusive: true)
        default:
            return nil
        }
    }
}

/// What a buildpack's resolver makes of a version constraint.
enum VersionResolution: Equatable {
    /// The newest release line inside the range (`24`, `8.4`).
    case version(String)
    /// A range nothing satisfies (`>=18 <16`), or only releases that do not exist (`>=99`).
    case unsatisfiable
    /// Not a range at all (`"latest"`, `"lts/*"`): the buildpack's default applies.
    case unreadable
}
