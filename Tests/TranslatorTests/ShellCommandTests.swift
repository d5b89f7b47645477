import Translator
import XCTest

final class ShellCommandTests: XCTestCase {
    func testNeedsShell() {
        let rows: [(String, Bool)] = [
            ("gunicorn mysite.wsgi --bind=0.0.0.0:8000", false),
            ("bundle exec puma -C config/puma.rb", false),
            ("ruby -e 'a b' \"c d\"", false),
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
            ("ruby '$HOME'", false),
            ("exec bundle exec puma", true),
            ("cd app", true),
            ("source env.sh", true),
            (". env.sh", true),
            ("ulimit -n 4096", true),
            ("[[ -f x ]]", true),
            ("echo hi", true),
            ("if true", true),
            ("cp {a,b}", true),
            ("bin/exec-job", false),
            ("rake exec", false),
            ("bin/cd", false),
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

    func testBashSyntax() {
        let rows: [(String, Bool)] = [
            ("bundle exec puma", false),
            ("source .env && exec puma", true),
            ("[[ -n $X ]] && run", true),
            ("cp a.{txt,bak}", true),
            ("echo {1..3}", true),
            ("diff <(a) <(b)", true),
            ("echo $'a\\tb'", true),
            ("a; b", false),
            ("{ a; }", false),
            ("echo '{a,b}' \"[[\"", false),
            ("ruby -e 'source; [[ x'", false),
            ("A=1 source x", true),
            ("rake source", false),
        ]
        for (command, bash) in rows {
            XCTAssertEqual(ShellCommand.needsBash(command), bash, "row: \(command)")
        }
    }

    func testLauncherRendering() {
        func command(_ text: String) -> Command {
            let syntax = ShellCommand.syntax(of: text)
            return Command(shellText: text, needsShell: syntax.needsShell, needsBash: syntax.needsBash)
        }
        let profile = CommandLauncher(shell: "bash", profilePath: "/app/.profile")
        let rows: [(CommandLauncher, ConversionOptions.Generation, String, String, String)] = [
            // (launcher, generation, command, convox.yml command, `convox run` argument)
            (.bash, .three, "gunicorn app:app", "gunicorn app:app", "gunicorn app:app"),
            (.bash, .three, "exec bundle exec puma", "bash -c 'exec bundle exec puma'",
                #""bash -c 'exec bundle exec puma'""#),
            (.bash, .three, "a && b", "bash -c 'a && b'", #""bash -c 'a && b'""#),
            (.bash, .three, "run $X", "bash -c 'run $X'", #"'bash -c '\''run $X'\'''"#),
            (.bash, .three, "rake 'a b'", "rake 'a b'", #""rake 'a b'""#),
            (.posixShell, .three, "a && b", "sh -c 'a && b'", #""sh -c 'a && b'""#),
            (profile, .three, "puma", "env BASH_ENV=/app/.profile bash -c 'puma'",
                #""env BASH_ENV=/app/.profile bash -c 'puma'""#),
            (profile, .two, "a & b", "env BASH_ENV=/app/.profile bash -c 'a & b'",
                #""env BASH_ENV=/app/.profile bash -c 'a & b'""#),
            (.bash, .two, "a && b", "a && b", #""a && b""#),
            (.bash, .two, "source x && b", "bash -c 'source x && b'", #""bash -c 'source x && b'""#),
            (.posixShell, .two, "source x && b", "source x && b", #""source x && b""#),
            (.bash, .two, "rake db:migrate", "rake db:migrate", "rake db:migrate"),
        ]
        for (launcher, generation, text, manifest, run) in rows {
            XCTAssertEqual(launcher.manifestText(command(text), generation: generation), manifest, "row: \(text)")
            XCTAssertEqual(launcher.convoxRunArgument(command(text), generation: generation), run, "row: \(text)")
        }
    }

    func testLiteralAndConflictingInterpolation() {
        let rows: [(String, String, [String], [String], [String])] = [
            // (command, rewritten, defaults, literal, conflicting)
            (#"echo '${NAME}' "${A}""#, #"echo '$''{NAME}' "$A""#, [], ["${NAME}"], []),
            (#"echo \${NAME} "\${B}""#, #"echo \$\{NAME} "\$""{B}""#, [], ["${NAME}", "${B}"], []),
            ("sh -c 'puma -p ${PORT:-3000}'", "sh -c 'puma -p $''{PORT:-3000}'", [], ["${PORT:-3000}"], []),
            ("a ${W:-1} b ${W:-2} c ${W:-1} ${W:-2}", "a $W b $W c $W $W", ["W=1"], [], ["${W:-2}"]),
        ]
        for (input, text, defaults, literal, conflicting) in rows {
            let result = InterpolationRewriter.rewrite(input)
            XCTAssertEqual(result.text, text, "row: \(input)")
            XCTAssertEqual(result.defaults.map { "\($0.name)=\($0.value)" }, defaults, "row: \(input)")
            XCTAssertEqual(result.literal, literal, "row: \(input)")
            XCTAssertEqual(result.conflicting.map(\.written), conflicting, "row: \(input)")
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
