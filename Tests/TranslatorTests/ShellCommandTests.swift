import Translator
import XCTest

final class ShellCommandTests: XCTestCase {
    func testNeedsShell() {
        let rows: [(String, Bool)] = [
            ("gunicorn mysite.wsgi --bind=0.0.0.0:8000", false),
            ("bundle exec puma -C config/puma.rb", false),
            ("echo 'a b' \"c d\"", false),
            ("gunicorn --bind 0.0.0.0:$PORT", true),
            ("a && b", true),
            ("a; b", true),
            ("a | b", true),
            ("a > log", true),
            ("java -jar target/*.war", true),
            ("QUEUE=* rake jobs:work", true),
            ("HEROKU=true ./bin/start", true),
            ("echo `date`", true),
            ("echo $(date)", true),
            ("echo \"$HOME\"", true),
            ("echo '$HOME'", false),
            ("ls ~/x", true),
            ("cmd # comment", true),
            ("cmd a#b", false),
            ("node --max-old-space-size=460 server.js", false),
            ("echo 'unterminated", true),
        ]
        for (command, expected) in rows {
            XCTAssertEqual(ShellCommand.needsShell(command), expected, "row: \(command)")
        }
    }

    func testSingleQuoted() {
        XCTAssertEqual(ShellCommand.singleQuoted("it's"), "'it'\\''s'")
        XCTAssertEqual(ShellCommand.singleQuoted("a $B"), "'a $B'")
    }

    func testInterpolationRewrite() {
        let rows: [(String, String, [String], [String])] = [
            ("puma -p ${PORT:-5000}", "puma -p $PORT", ["PORT=5000"], []),
            ("x ${A} y", "x $A y", [], []),
            ("x ${A}1", "x $A\"\"1", [], []),
            ("x ${A:?oops}", "x ${A:?oops}", [], ["${A:?oops}"]),
            ("x ${#A}", "x ${#A}", [], ["${#A}"]),
            ("x ${A-d}", "x ${A-d}", [], ["${A-d}"]),
            ("x ${A:-$B}", "x ${A:-$B}", [], ["${A:-$B}"]),
            ("x ${A", "x ${A", [], ["${A"]),
            ("no braces $PORT", "no braces $PORT", [], []),
        ]
        for (input, text, defaults, unsupported) in rows {
            let result = InterpolationRewriter.rewrite(input)
            XCTAssertEqual(result.text, text, "row: \(input)")
            XCTAssertEqual(result.defaults.map { "\($0.name)=\($0.value)" }, defaults, "row: \(input)")
            XCTAssertEqual(result.unsupported, unsupported, "row: \(input)")
        }
    }

    func testLiteralPort() {
        let rows: [(String, Int?)] = [
            ("gunicorn mysite.wsgi --bind=0.0.0.0:8000", 8000),
            ("gunicorn app -b 0.0.0.0:5000", 5000),
            ("rails s -p 3001", 3001),
            ("java -Dserver.port=8080 -jar app.jar", 8080),
            ("./Frontend --urls http://*:5001", 5001),
            ("php -S 0.0.0.0:8000 -t public", 8000),
            ("gunicorn --bind 0.0.0.0:$PORT", nil),
            ("node server.js", nil),
            ("uwsgi --http :9000", nil),
            ("rails s -p 99999", nil),
        ]
        for (command, port) in rows {
            XCTAssertEqual(PortDetection.literalPort(in: command), port, "row: \(command)")
        }
    }

    func testServiceNaming() {
        let rows: [(String, String?)] = [
            ("web", "web"), ("sidekiq_default", "sidekiq-default"), ("UrgentWorker", "urgentworker"),
            ("2fa_sync", "p-2fa-sync"), ("_", nil), ("worker-beat", "worker-beat"), ("a__b", "a-b"),
        ]
        for (name, expected) in rows {
            XCTAssertEqual(ServiceNaming.normalize(name), expected, "row: \(name)")
            if let expected { XCTAssertTrue(ServiceNaming.isValid(expected), "row: \(name)") }
        }
    }
}
