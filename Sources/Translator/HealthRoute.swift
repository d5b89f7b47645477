/// A route in the app's own files that answers a health check (`get "up" => "rails/health#show"`,
/// `@app.route("/healthz")`), found by the health route frontend; the mapping rules choose one for `health:`.
public struct HealthRoute: Sendable, Equatable, Codable {
    /// The path as Convox must request it (`/up`, `/healthz/`).
    public var path: String
    /// What answers it.
    public var kind: Kind
    public var location: SourceLocation

    /// What answers a health route, for messages and for choosing among several.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// A route the app declares itself.
        case route
        /// Rails 7.1's `Rails::HealthController` (`rails/health#show`): 200 once the app boots, chosen first.
        case railsHealthController = "rails-health-controller"
        /// Spring Boot Actuator's `/actuator/health`, there once the build depends on the actuator starter.
        case springBootActuator = "spring-boot-actuator"
    }

    public init(path: String, kind: Kind = .route, location: SourceLocation) {
        self.path = path
        self.kind = kind
        self.location = location
    }

    /// Last path segments that name a health check, best first: the order a route is picked in.
    public static let names = ["healthz", "health", "up", "heartbeat", "status"]
}
