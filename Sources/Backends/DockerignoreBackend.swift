import Translator

/// Renders .dockerignore: the git history and the env file with secrets never go into the build context, and
/// neither do the caches the language's tools leave in a checkout (the image installs its own). Not written
/// when the app has its own .dockerignore.
public struct DockerignoreBackend: Backend {
    public static let name = ".dockerignore"

    public init() {}

    public func render(_ app: AppIR, options: ConversionOptions, into diagnostics: inout Diagnostics) -> [OutputFile] {
        let plan = app.buildPlan
        guard plan.writesDockerignore, plan.primary != nil || plan.existingDockerfile != nil else { return [] }
        var lines = [".git", options.envFileName]
        // The config var values `translate import` saved in the app directory are as secret as the env file.
        if app.sourceFiles.contains(where: {
            $0 == HerokuSnapshot.valuesFileName || $0.hasSuffix("/" + HerokuSnapshot.valuesFileName)
        }) {
            lines.append(HerokuSnapshot.valuesFileName)
        }
        // An existing Dockerfile may COPY build output on purpose, so only history and secrets are left out.
        if plan.existingDockerfile == nil {
            lines.insert(
                "# Kept out of the image: git history, the env file with secret values, and local caches.", at: 0)
            lines += plan.ignoredPaths.filter { !lines.contains($0) }
        } else {
            lines.insert("# Kept out of the image: git history and the env file with secret values.", at: 0)
        }
        var file = OutputFile(path: ".dockerignore", contents: lines.joined(separator: "\n") + "\n")
        file.canBeAdopted = true
        return [file]
    }
}
