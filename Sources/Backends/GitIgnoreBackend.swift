import Translator

/// Adds the env file to the app's `.gitignore`, so real config var values are never committed. `.gitignore` is
/// the user's file: the line is appended only when missing, and nothing else in the file changes.
public struct GitIgnoreBackend: Backend {
    public static let name = ".gitignore"
    public var writtenFileNames: [String] { [".gitignore"] }

    public init() {}

    public func render(_ app: AppIR, options: ConversionOptions, into diagnostics: inout Diagnostics) -> [OutputFile] {
        guard EnvFileBackend.writesFile(for: app) else { return [] }
        var lines = [options.envFileName]
        // The config vars export holds the same secrets: keep it out of commits too.
        if let configVars = options.configVarsPathInOutputDirectory.flatMap(DockerignoreBackend.literalPattern) {
            lines.append(configVars)
        }
        return [OutputFile(path: ".gitignore", contents: lines.joined(separator: "\n") + "\n", headerStyle: nil,
            appendsMissingLines: true)]
    }
}
