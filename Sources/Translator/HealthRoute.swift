/// A route in the app's own files that answers a health check (`get "up" => "rails/health#show"`,
/// `@app.route("/healthz")`), found by the health route frontend; the mapping rules choose one for `health:`.
public struct HealthRoute: Sendable, Equatable, Codable {
    /// The path as Convox must request it (`/up`, `/healthz/`).
    public var path: String
    /// True for Rails 7.1's `Rails::HealthController` (`rails/health#show`), which answers 200 with no database.
    public var isRailsHealthController: Bool
    public var location: SourceLocation

    public init(path: String, isRailsHealthController: Bool = false, location: SourceLocation) {
        self.path = path
        self.isRailsHealthController = isRailsHealthController
        self.location = location
    }

    /// Last path segments that name a health check, best first: the order a route is picked in.
    public static let names = ["healthz", "health", "up", "heartbeat", "status"]
}
