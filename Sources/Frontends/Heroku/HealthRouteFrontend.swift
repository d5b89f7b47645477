import Translator

/// Finds health check routes in the app's own source files, so that `health:` names a path the app really
/// answers: Convox probes `GET /` otherwise (generation 3 readiness probe, 200-399 passes; generation 2 ALB
/// matcher `200-399,401`), which an API answering 404 on `/`, or a login wall, fails on every deploy. Only files
/// where frameworks declare routes are read, and only a quoted path on a route-declaring line counts, so a path
/// is never invented.
public struct HealthRouteFrontend: Frontend {
    public static let name = "health-routes"

    /// Where routes live: Rails, Sinatra, Express and other Node servers, Flask/FastAPI, Laravel, Go.
    static let candidateFiles = [
        "config/routes.rb", "config.ru", "app.rb",
        "app.js", "server.js", "index.js", "app.ts", "server.ts", "index.ts",
        "src/app.js", "src/server.js", "src/index.js", "src/app.ts", "src/server.ts", "src/index.ts", "src/main.ts",
        "app.py", "main.py", "server.py", "wsgi.py", "app/__init__.py", "app/main.py", "app/routes.py",
        "routes/index.js", "routes/health.js", "src/routes.js", "src/routes/index.js", "src/routes/index.ts",
        "routes/web.php", "routes/api.php", "bootstrap/app.php",
        "main.go",
        "pom.xml", "build.gradle", "build.gradle.kts",
    ]

    /// Spring Boot Actuator serves `/actuator/health` once the app depends on it (its default base path).
    static let actuatorDependency = "spring-boot-starter-actuator"

    /// Words that mark a line as declaring a route (`get`, `route`, Django's `path(`, Go's `HandleFunc`,
    /// Laravel 11's `health:` argument of `withRouting`).
    static let routeWords = ["get", "route", "path(", "url(", "handle", "health:", "map"]

    public init() {}

    /// Django keeps its URLconf in the project package, one folder down (`mysite/urls.py`).
    static let djangoURLConf = "urls.py"

    public var readableFiles: [AppFilePattern] {
        Self.candidateFiles.map { .path($0) } + [.inTopLevelFolder(Self.djangoURLConf)]
    }

    public func requests(listing: [String], options: ConversionOptions) -> [InputRequest] {
        var names = Self.candidateFiles.filter { name in
            listing.contains(String(name.split(separator: "/").first ?? ""))
        }
        if listing.contains("manage.py") {
            names += listing.filter { !$0.contains(".") && !$0.hasPrefix(".") }.prefix(64)
                .map { "\($0)/\(Self.djangoURLConf)" }
        }
        return names.map { .appFile($0) }
    }

    public func read(_ inputs: [InputFile], options: ConversionOptions, into diagnostics: inout Diagnostics)
        -> HerokuApp
    {
        var routes: [HealthRoute] = []
        var sources: [String] = []
        for file in inputs {
            // Source files are only searched: one that is not text is skipped rather than reported.
            var ignored = Diagnostics()
            guard let source = SourceText.decode(file, into: &ignored) else { continue }
            let found = Self.routes(in: source)
            if !found.isEmpty { sources.append(file.path) }
            routes += found
        }
        var app = HerokuApp(sourceFiles: sources)
        app.healthRoutes = routes
        return app
    }

    /// The health routes `source` declares, in file order.
    static func routes(in source: SourceText) -> [HealthRoute] {
        var routes: [HealthRoute] = []
        // Rails and Django write route paths without their leading slash; elsewhere a bare word is just a string.
        let allowsBareWords = source.path.hasSuffix("routes.rb") || source.path.hasSuffix("urls.py")
        let isBuildFile = source.path.hasSuffix("pom.xml") || source.path.containsLiteral("build.gradle")
        for line in source.lines {
            let content = line.text.drop { $0 == " " || $0 == "\t" }
            if isBuildFile {
                if content.containsLiteral(actuatorDependency), !content.hasPrefix("//"), !content.hasPrefix("<!--") {
                    routes.append(HealthRoute(
                        path: "/actuator/health", kind: .springBootActuator,
                        location: SourceLocation(
                            file: source.path, line: line.number,
                            column: SourceText.column(of: content.startIndex, in: line.text))))
                    break
                }
                continue
            }
            if content.hasPrefix("#") || content.hasPrefix("//") || content.hasPrefix("*") { continue }
            let lowered = content.lowercased()
            guard routeWords.contains(where: { lowered.containsLiteral($0) }) else { continue }
            let isRails = lowered.containsLiteral("rails/health#show")
            for literal in quotedLiterals(in: line.text) {
                guard let path = healthPath(literal.text, isRailsRoute: isRails, allowsBareWord: allowsBareWords)
                else { continue }
                routes.append(HealthRoute(
                    path: path, kind: isRails ? .railsHealthController : .route,
                    location: SourceLocation(
                        file: source.path, line: line.number,
                        column: SourceText.column(of: literal.start, in: line.text))))
                break
            }
        }
        return routes
    }

    /// A literal that names a health route, as the path to probe: `"up"` gives `/up`, Django's `"healthz/"`
    /// keeps its slash. Nil for anything else, including paths with parameters.
    static func healthPath(_ literal: Substring, isRailsRoute: Bool, allowsBareWord: Bool) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_/.")
        guard !literal.isEmpty, literal.count <= 100, literal.allSatisfy({ allowed.contains($0) }),
            !literal.containsLiteral("//")
        else { return nil }
        let segments = literal.split(separator: "/")
        guard let last = segments.last else { return nil }
        if isRailsRoute, literal.hasPrefix("rails/") { return nil }
        guard HealthRoute.names.contains(last.lowercased()) || isRailsRoute else { return nil }
        guard literal.hasPrefix("/") || allowsBareWord else { return nil }
        return literal.hasPrefix("/") ? String(literal) : "/" + literal
    }

    /// Single-, double- and backtick-quoted strings on one line, with where each starts.
    static func quotedLiterals(in line: Substring) -> [(text: Substring, start: Substring.Index)] {
        var literals: [(Substring, Substring.Index)] = []
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            guard character == "\"" || character == "'" || character == "`" else {
                index = line.index(after: index)
                continue
            }
            let start = index
            let contentStart = line.index(after: index)
            guard let end = line[contentStart...].firstIndex(of: character) else { break }
            literals.append((line[contentStart..<end], start))
            index = line.index(after: end)
        }
        return literals
    }
}
