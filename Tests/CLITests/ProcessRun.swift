import Foundation

/// A finished child process: its exit status and what it printed. The CLI tests run the built binary, git and
/// pre-commit through it, with standard input closed so nothing waits for a terminal.
struct ProcessRun {
    var status: Int32
    var standardOutput: String
    var standardError: String
    /// Both streams: what a test that merged them reads (`mergingStreams: true` puts everything in stdout).
    var output: String { standardOutput + standardError }

    /// Runs `executable` to completion. `environment` is added to this process's own unless `replacing` is set.
    static func run(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        replacingEnvironment: Bool = false, mergingStreams: Bool = false
    ) throws -> ProcessRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if replacingEnvironment {
            process.environment = environment
        } else if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let stdout = Pipe()
        let stderr = mergingStreams ? stdout : Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = mergingStreams ? Data() : stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessRun(
            status: process.terminationStatus, standardOutput: String(decoding: out, as: UTF8.self),
            standardError: String(decoding: err, as: UTF8.self))
    }

    /// A command found on PATH (git, pre-commit), run through /usr/bin/env with both streams merged.
    static func command(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:]
    ) throws -> ProcessRun {
        try run(
            URL(fileURLWithPath: "/usr/bin/env"), arguments, in: directory, environment: environment,
            mergingStreams: true)
    }
}
