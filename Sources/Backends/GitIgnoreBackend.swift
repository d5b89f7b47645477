import Translator

/// Adds the env file to the app's `.gitignore`, so real config var values are never committed. `.gitignore` is
/// the user's file: the line is appended only when missing, and nothing else in the file changes.
public struct GitIgnoreBackend: Backend {
    public static let name = ".gitignore"

    public init() {}

    public func render(_ app: AppIR, options: ConversionOptions, into diagnostics: inout Diagnostics) -> [OutputFile] {
        guard EnvFileBackend.writesFile(for: app) else { return [] }
        return [OutputFile(path: ".gitignore", contents: options.envFileName + "\n", headerStyle: nil,
            appendsMissingLines: true)]
    }
}
