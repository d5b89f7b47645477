import Foundation

// A file-size limit (`ulimit -f`) must fail the write with EFBIG, which the writer rolls back, instead of killing
// the process half-way through its outputs.
signal(SIGXFSZ, SIG_IGN)

let result = TranslateCLI.run(arguments: Array(CommandLine.arguments.dropFirst()), context: .currentProcess())
FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
FileHandle.standardError.write(Data(result.standardError.utf8))
exit(result.status)
