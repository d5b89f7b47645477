import Backends
import Frontends
import Translator

/// The `files:` pattern of the pre-commit hooks in `.pre-commit-hooks.yaml`, derived from what the stages declare:
/// every app file a frontend may read and every file a backend may write (at any depth, for `--out DIR`), which
/// includes the recorded options, `.translate.yml`. `translate hook-pattern` prints it, and a test fails when the
/// YAML holds another one.
enum HookFilePattern {
    /// Every pattern, inputs first; duplicates left out, order fixed by the registries.
    static var patterns: [AppFilePattern] {
        var result: [AppFilePattern] = []
        var seen: Set<AppFilePattern> = []
        let outputs = BackendRegistry.all.flatMap(\.writtenFileNames).map { AppFilePattern.named($0, maximumDepth: 8) }
        for pattern in FrontendRegistry.all.flatMap(\.readableFiles) + outputs
        where seen.insert(pattern).inserted {
            result.append(pattern)
        }
        return result
    }

    /// Whether the hooks run when `path` (relative to the repository root) changes.
    static func matches(_ path: String) -> Bool { patterns.contains { $0.matches(path) } }

    /// One anchored alternation: exact paths first, in one group, then the other forms.
    static var regularExpression: String {
        let exact = patterns.compactMap { pattern -> String? in
            if case .path(let path) = pattern { return AppFilePattern.escaped(path) }
            return nil
        }
        let others = patterns.filter { if case .path = $0 { return false } else { return true } }
            .map(\.regularExpression)
        return "^(" + (exact + others).joined(separator: "|") + ")$"
    }
}
