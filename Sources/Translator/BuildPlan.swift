/// How the app's image is built: the Dockerfile backend renders it, convox.yml points at it.
public struct BuildPlan: Sendable, Equatable, Codable {
    /// A Dockerfile the user already has (relative path); we point convox.yml at it and write none.
    public var existingDockerfile: String?

    public init(existingDockerfile: String? = nil) {
        self.existingDockerfile = existingDockerfile
    }
}
