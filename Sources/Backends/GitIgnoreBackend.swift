import Translator

/// Adds the env file to the app's `.gitignore`, so real config var values are never committed. `.gitignore` is
/// the user's file: the line is appended only when missing, and nothing else in the file changes.
public struct GitIgnoreBackend: Backend {
    public static let name = ".gitignore"
    public var writtenFileNames: [String] { [".gitignore"] }

    public init() {}

    public func render(_ app: AppIR, options: ConversionOptions, into diagnostics: inout Diagnostics) -> [OutputFile] {
        guard EnvFileBackend.isExpected(for: app) else { return [] }
        var lines = [options.envFileName]
        // The config vars export holds the same secrets: keep it out of commits too.
        if let configVars = options.configVarsPathInOutputDirectory.flatMap(DockerignoreBackend.literalPattern) {
            lines.append(configVars)
        }
        var files = [OutputFile(path: ".gitignore", contents: lines.joined(separator: "\n") + "\n", headerStyle: nil,
            appendsMissingLines: true)]
        // With --out DIR inside the app, a config vars file elsewhere in the app is kept out of commits by the
        // .gitignore at the app's root, or it would be committed with every secret in it.
        if options.outputDirectoryInApp != nil, options.configVarsPathInOutputDirectory == nil,
            let configVars = options.configVarsPathInApp.flatMap(DockerignoreBackend.literalPattern)
        {
            var root = OutputFile(path: ".gitignore", contents: configVars + "\n", headerStyle: nil,
                appendsMissingLines: true)
            root.isAtAppRoot = true
            files.append(root)
        }
        return files
    }
}
