import Frontends
import Translator
import XCTest

final class HealthRouteFrontendTests: XCTestCase {
    /// (file, line of source, expected path or nil, expected Rails health controller).
    func testRoutes() {
        let rows: [(String, String, String?, Bool)] = [
            ("config/routes.rb", "  get \"up\" => \"rails/health#show\", as: :rails_health_check", "/up", true),
            ("config/routes.rb", "  get \"/healthz\", to: \"health#show\"", "/healthz", false),
            ("config/routes.rb", "  # get \"up\" => \"rails/health#show\"", nil, false),
            ("config/routes.rb", "  get \"posts/:id\" => \"posts#show\"", nil, false),
            ("mysite/urls.py", "    path(\"health/\", views.health),", "/health/", false),
            ("app.py", "@app.route(\"/heartbeat\")", "/heartbeat", false),
            ("app.py", "status = request.args.get(\"status\")", nil, false),
            ("server.js", "app.get('/api/v1/status', handler)", "/api/v1/status", false),
            ("server.js", "const mode = process.env.get('up')", nil, false),
            ("main.go", "\thttp.HandleFunc(\"/healthz\", healthz)", "/healthz", false),
            ("bootstrap/app.php", "        health: '/up',", "/up", false),
            ("routes/web.php", "Route::get('/healthcheck', fn () => 'ok');", nil, false),
            ("pom.xml", "      <artifactId>spring-boot-starter-actuator</artifactId>", "/actuator/health", false),
            ("build.gradle", "  implementation 'org.springframework.boot:spring-boot-starter-actuator'",
                "/actuator/health", false),
            ("pom.xml", "<!-- <artifactId>spring-boot-starter-actuator</artifactId> -->", nil, false),
        ]
        for (file, line, path, isRails) in rows {
            var diagnostics = Diagnostics()
            let app = HealthRouteFrontend().read(
                [InputFile(path: file, text: line + "\n")], options: ConversionOptions(), into: &diagnostics)
            XCTAssertEqual(app.healthRoutes?.first?.path, path, "row: \(line)")
            XCTAssertEqual(app.healthRoutes?.first?.kind == .railsHealthController, isRails, "row: \(line)")
            XCTAssertTrue(diagnostics.all.isEmpty, "row: \(line)")
        }
    }

    func testBinaryFileIsSkippedQuietly() {
        var diagnostics = Diagnostics()
        let app = HealthRouteFrontend().read(
            [InputFile(path: "app.js", contents: [0x00, 0xFF, 0x41])], options: ConversionOptions(), into: &diagnostics)
        XCTAssertEqual(app.healthRoutes, [])
        XCTAssertTrue(diagnostics.all.isEmpty)
    }
}
