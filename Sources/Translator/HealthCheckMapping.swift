extension DiagnosticID {
    static let healthPathFound: DiagnosticID = "service.health-path"
    static let defaultHealthCheck: DiagnosticID = "service.default-health-check"
    static let healthPathUnused: DiagnosticID = "service.health-path-unused"
}

extension AppTranslator {
    /// Heroku checks nothing but that web binds its port; Convox sends traffic to a web pod only once `GET
    /// <health path>` answers 200-399 (generation 3 readiness probe, convox/convox
    /// provider/k8s/template/app/service.yml.tmpl) or 200-399 or 401 (generation 2 ALB target group, convox/rack
    /// provider/aws/formation/service.json.tmpl `LoadBalancerSuccessCodes`), and the path defaults to `/`. So
    /// `health:` is set to `--health-path`, else to a health route the app's own files declare (Rails 7.1's
    /// `rails/health#show` first, then by name: healthz, health, up, heartbeat, status); never to a path the app
    /// lacks. Without one, a warning says that `/` will be probed.
    func applyHealthCheck(_ heroku: HerokuApp, to app: inout AppIR, into diagnostics: inout Diagnostics) {
        guard let web = app.services.firstIndex(where: { $0.role == .web }) else {
            if let path = options.healthPath {
                diagnostics.warning(
                    .healthPathUnused, "--health-path \(path) is not used: the app has no web service",
                    hint: "add a web process type, or drop --health-path")
            }
            return
        }
        let name = app.services[web].name
        if let path = options.healthPath {
            app.services[web].healthPath = path
            return
        }
        let routes = heroku.healthRoutes ?? []
        let rank = { (route: HealthRoute) -> Int in
            if route.kind == .railsHealthController { return -1 }
            let last = route.path.split(separator: "/").last.map { $0.lowercased() } ?? ""
            return HealthRoute.names.firstIndex(of: last) ?? HealthRoute.names.count
        }
        // The best-ranked route, the first in file order among equals.
        if let route = routes.enumerated().min(by: { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) })?
            .element
        {
            app.services[web].healthPath = route.path
            let what: String
            switch route.kind {
            case .route: what = "a health route the app declares here"
            case .railsHealthController: what = "Rails' health check route (rails/health#show) declared here"
            case .springBootActuator: what = "the endpoint Spring Boot Actuator serves, which the build adds here"
            }
            diagnostics.note(
                .healthPathFound,
                "\"\(name)\" gets `health: \(route.path)`, \(what): Convox sends a pod traffic only once its health "
                    + "path answers (Heroku checked nothing)",
                at: route.location,
                hint: route.location.file.hasSuffix("urls.py")
                    ? "Django answers 400 to a Host that ALLOWED_HOSTS lacks, and the probe's Host is the pod's IP "
                        + "address: allow it (or exempt this path), or pass --health-path PATH to probe another path"
                    : "pass --health-path PATH to probe another path")
            return
        }
        let codes = options.generation == .three ? "200-399" : "200-399 or 401"
        diagnostics.warning(
            .defaultHealthCheck,
            "Convox will probe GET / on \"\(name)\" and fails the deploy unless it answers \(codes); Heroku "
                + "checked nothing, and translate found no health route in the app's files",
            at: app.services[web].location,
            hint: "if / redirects to a login, answers 404, or rejects the probe's Host (Django ALLOWED_HOSTS), add a "
                + "route that answers 200 and pass --health-path /health (or set `health:` in convox.yml)")
    }
}
