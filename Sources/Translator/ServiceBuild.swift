/// Where a service's image is built from: convox.yml `build: {path, manifest}` (Convox reads `manifest` inside
/// `path`, convox/convox pkg/build/docker.go). Services with the same build share one image build.
public struct ServiceBuild: Sendable, Equatable, Codable {
    /// The build context, relative to the app (`.`).
    public var path: String
    /// The Dockerfile's name inside `path`.
    public var manifest: String

    public init(path: String = ".", manifest: String = "Dockerfile") {
        self.path = path
        self.manifest = manifest
    }
}
