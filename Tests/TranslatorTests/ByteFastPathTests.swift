@testable import Translator
import XCTest

/// The byte scans of ASCII text (issue 17) must decide exactly what the `Character` scans decide.
final class ByteFastPathTests: XCTestCase {
    /// Commands that exercise every branch of the shell scan and the `${...}` rewrite.
    let commands = [
        "", " ", "bundle exec puma -C config/puma.rb", "QUEUE=q1 bundle exec sidekiq -c ${CONCURRENCY:-5} -q q1",
        "bundle exec rake jobs:work QUEUE=q2 && echo done", "echo {a,b} {1..3} { a; }", "diff <(a) >(b) $((1))",
        "source x; [[ -f y ]]", "echo $'a\\nb' 'it''s' \"q $X `d`\"", "a\\ b c\\", "# x ~/y a#b", "A=1 B=2 cmd",
        "'A'=1 cmd", "A\\=1 cmd", "_a_1=x exec y", "1A=x y", "=x y", "exec", "ec\\ho x", "\"echo\" x",
        "'${X}' \\${Y} \"\\${Z}\"", "${X}1 ${X}_ ${X}- ${X:-a} ${X:-b} ${X:?m} ${#X} ${X-d} ${X:-$Y}", "${X",
        "${} ${1} ${X:-} ${_} 'unterminated", "\"unterminated", "a\tb\nc", "x ${A_B:-1}${A_B:-1}",
        "readarray mapfile function select coproc declare", "time ( a )", "a ||b", "x*y?z[1]",
    ]

    func testShellScanOnBytesMatchesCharacters() {
        for command in commands {
            XCTAssertTrue(ShellCommand.isASCIIWithoutCarriageReturn(command))
            XCTAssertEqual(ShellCommand.asciiSyntax(of: command), ShellCommand.characterSyntax(of: command), command)
        }
        // CR LF is one Character that matches no rule; a lone byte scan would see a CR.
        XCTAssertFalse(ShellCommand.isASCIIWithoutCarriageReturn("a\r\nb"))
        XCTAssertEqual(ShellCommand.syntax(of: "a\r\nb"), ShellCommand.characterSyntax(of: "a\r\nb"))
        XCTAssertFalse(ShellCommand.needsShell("a\r\nb"))
    }

    func testRewriteOnBytesMatchesCharacters() {
        for command in commands {
            let bytes = InterpolationRewriter.rewrite(elements: Array(command.utf8)) {
                String(decoding: $0, as: UTF8.self)
            }
            let characters = InterpolationRewriter.rewrite(elements: Array(command)) { String($0) }
            XCTAssertEqual(bytes, characters, command)
            XCTAssertEqual(InterpolationRewriter.rewrite(command), characters, command)
        }
        // Non-ASCII keeps the Character scan: the written form counts 100 Characters, not bytes.
        let accented = "${" + String(repeating: "é", count: 120)
        XCTAssertEqual(InterpolationRewriter.rewrite(accented).unsupported, [accented])
    }

    func testSecretNamesOnBytesMatchUppercased() {
        let keys = ["KEY", "key", "api_key", "MY_SECRET_THING", "password", "dsn", "SMTP_PASS", "X_AUTH", "AUTH",
                    "KEYS", "MONKEY", "salty", "", "K", "cert_key", "PASSPHRASE", "A_PASSPHRASE", "plain"]
        for key in keys {
            let upper = Array(key.uppercased().utf8)
            let expected = String(decoding: upper, as: UTF8.self) == "KEY"
                || SecretDetection.nameMarkers.contains { key.uppercased().containsLiteral($0) }
                || SecretDetection.nameSuffixes.contains { key.uppercased().hasSuffix($0) }
            XCTAssertEqual(SecretDetection.isSecretUppercaseASCIIName(upper), expected, key)
            XCTAssertEqual(SecretDetection.isSecretName(key), expected, key)
        }
    }

    func testTimerNamesOfNonASCIICommandsUseTheCharacterRules() {
        XCTAssertEqual(AppTranslator.timerBaseName(for: "bundle exec rake cleanup:sessions"), "cleanup-sessions")
        XCTAssertEqual(
            AppTranslator.timerBaseName(for: "FOO=é bundle exec rake 'cleanup:sessions'"),
            AppTranslator.timerBaseName(for: "FOO=e bundle exec rake 'cleanup:sessions'"))
    }
}
