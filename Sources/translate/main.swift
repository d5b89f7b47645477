import Foundation

let result = TranslateCLI.run(arguments: Array(CommandLine.arguments.dropFirst()), context: .currentProcess())
FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
FileHandle.standardError.write(Data(result.standardError.utf8))
exit(result.status)
