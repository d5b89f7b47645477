extension DiagnosticID {
    static let runtimeEndOfLife: DiagnosticID = "runtime.end-of-life"
}

/// Which Debian release each official image is based on, for the versions whose default tag is based on an
/// archived release (Debian 10 "buster" and older moved to archive.debian.org, so `apt-get update` fails on
/// them). Facts from the docker-library images' tag lists (github.com/docker-library/repo-info, repos/<image>/);
/// where a patch release is not sure to have a newer base, the release line's tag is used instead, which only
/// moves the patch version.
public enum RuntimeImageSupport {
    /// What to do about one version.
    public struct Replacement: Equatable, Sendable {
        /// The version the tag names (`2.7` for a requested `2.7.1`).
        public var version: String
        /// The Debian release the tag names explicitly (`bullseye`).
        public var debianRelease: String
    }

    /// What a version's image is based on, and what to use instead.
    public enum Status: Equatable, Sendable {
        case supported
        /// Based on an archived release, but a tag of the same release line on a live one exists.
        case replaced(archivedRelease: String, with: Replacement)
        /// Every image of that release line is based on an archived release.
        case unbuildable(archivedRelease: String)
    }

    /// The oldest release line each language's maintainers still support (as of 2026-12: Ruby's maintenance
    /// branches, CPython's status page, Node.js's release schedule, PHP's supported versions as in
    /// heroku-buildpack-php bin/util/eol.php); named in the warning as the version to move to.
    public static func oldestSupported(_ language: Language) -> String? {
        switch language {
        case .ruby: return "3.3"
        case .python: return "3.10"
        case .nodejs: return "22"
        case .php: return "8.2"
        default: return nil
        }
    }

    /// (major, minor, patch) of a version string; missing parts are nil.
    static func numbers(_ version: String) -> [Int] {
        version.split(separator: ".").map { Int($0) ?? 0 }
    }

    public static func status(of language: Language, version: String) -> Status {
        let parts = numbers(version)
        guard let major = parts.first else { return .supported }
        let minor = parts.count > 1 ? parts[1] : nil
        let patch = parts.count > 2 ? parts[2] : nil
        /// A release line whose images are on bullseye (added August 2021) or later from `firstPatch` on; older
        /// patch tags are buster-based, so the line's tag with a live `release` is used instead.
        func line(_ newest: String, firstPatch: Int?, release: String = "bullseye") -> Status {
            // A release-line tag (`2.7`) points at its newest image, which is on bullseye or later.
            guard let patch, let firstPatch, patch < firstPatch else { return .supported }
            return .replaced(archivedRelease: "buster", with: Replacement(version: newest, debianRelease: release))
        }
        switch language {
        case .ruby:
            guard let minor else { return .supported }
            switch (major, minor) {
            case (0...1, _), (2, 0...5): return .unbuildable(archivedRelease: major < 2 ? "jessie" : "buster")
            case (2, 6): return line("2.6", firstPatch: 8)
            case (2, 7): return line("2.7", firstPatch: 4)
            case (3, 0): return line("3.0", firstPatch: 2)
            default: return .supported
            }
        case .python:
            guard let minor else { return .supported }
            switch (major, minor) {
            case (2, _), (3, 0...5): return .unbuildable(archivedRelease: "buster")
            // The 3.6 tags kept buster as their default to the end (3.6.15), so the line is pinned to bullseye.
            case (3, 6): return .replaced(archivedRelease: "buster",
                with: Replacement(version: patch == 15 ? "3.6.15" : "3.6", debianRelease: "bullseye"))
            case (3, 7): return line("3.7", firstPatch: 12)
            case (3, 8): return line("3.8", firstPatch: 12, release: "bookworm")
            case (3, 9): return line("3.9", firstPatch: 7, release: "bookworm")
            default: return .supported
            }
        case .nodejs:
            // Node.js versions are resolved to a major; odd majors before 16 never had a bullseye image.
            switch major {
            case 0...11, 13, 15: return .unbuildable(archivedRelease: major < 8 ? "jessie" : "buster")
            case 12, 14: return .replaced(archivedRelease: "buster",
                with: Replacement(version: String(major), debianRelease: "bullseye"))
            default: return .supported
            }
        case .php:
            guard let minor else { return .supported }
            switch (major, minor) {
            case (0...6, _), (7, 0...2): return .unbuildable(archivedRelease: major < 7 ? "stretch" : "buster")
            case (7, 3): return .replaced(archivedRelease: "buster",
                with: Replacement(version: "7.3", debianRelease: "bullseye"))
            default: return .supported
            }
        default:
            return .supported
        }
    }
}
