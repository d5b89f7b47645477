import Frontends
import Translator
import XCTest

final class ConfigVarsFrontendTests: XCTestCase {
    func read(_ text: String) -> ([String], [String]) {
        var diagnostics = Diagnostics()
        let variables = ConfigVarsFrontend().read(
            [InputFile(path: "vars", text: text)], options: ConversionOptions(configVarsPath: "vars"),
            into: &diagnostics
        ).configVars ?? []
        return (variables.map { "\($0.key)=\($0.value)" },
            diagnostics.sorted.map(\.id.rawValue).filter { $0 != "configvars.format" })
    }

    /// Rows of (input, expected KEY=value pairs, expected diagnostic ids). Seeded from heroku.md §3.
    func testParse() {
        let rows: [(String, [String], [String])] = [
            // heroku config --shell (heroku/cli quote.ts)
            ("A=1\nB=\n", ["A=1", "B="], []),
            ("URL='postgres://u:p@h:5432/db'", ["URL=postgres://u:p@h:5432/db"], []),
            (#"SQUOTE="it's""#, ["SQUOTE=it's"], []),
            (#"SQ_DOLLAR="it's \$5""#, ["SQ_DOLLAR=it's $5"], []),
            (#"SQ_BANG="it's\!""#, ["SQ_BANG=it's!"], []),
            ("SQ_BT=\"it's \\`x\\`\"", ["SQ_BT=it's `x`"], []),
            (#"NL="l1\nl2""#, ["NL=l1\nl2"], []),
            (#"BS='a\b'"#, [#"BS=a\b"#], []),
            (#"BS2='a\\b'"#, [#"BS2=a\\b"#], []),
            (#"MIX="it's a\\nb""#, [#"MIX=it's a\nb"#], []),
            (#"INTERP='pre${HOME}post'"#, ["INTERP=pre${HOME}post"], []),
            ("A=1\r\nB=2\r\n", ["A=1", "B=2"], []),
            ("A=1\nA=2", ["A=2"], ["configvars.duplicate-key"]),
            ("A=1\nnot a line\n", ["A=1"], ["configvars.invalid-line"]),
            ("A=\"open\n", [], ["configvars.unterminated-quote"]),
            ("A='x' y", ["A=x"], ["configvars.invalid-line"]),
            // .env (python-dotenv)
            ("# c\nexport A=1\nB = two # comment\nC=\"x\\ty\"\nD='a\\'b'", ["A=1", "B=two", "C=x\ty", "D=a'b"], []),
            ("# c\nM=\"l1\nl2\"\nN=val#x", ["M=l1\nl2", "N=val#x"], []),
            // heroku config --json
            (#"{"A": "1", "B": "x\ny"}"#, ["A=1", "B=x\ny"], []),
            (#"{"A": 3, "B": {"c": 1}}"#, ["A=3"], ["configvars.wrong-type"]),
            (#"["A"]"#, [], ["configvars.wrong-type"]),
            // heroku config (human)
            ("=== app Config Vars\n\nLANG:     en_US.UTF-8\nRACK_ENV: production\n",
                ["LANG=en_US.UTF-8", "RACK_ENV=production"], []),
            ("=== ⬢ app Config Vars\nEMPTY:  ''\nLONGER:  two  spaces", ["EMPTY=", "LONGER= two  spaces"], []),
            ("=== app Config Vars\nPEM: -----BEGIN-----\nabc\n-----END-----\nZ:   1",
                ["PEM=-----BEGIN-----\nabc\n-----END-----", "Z=1"], ["configvars.multiline-value"]),
            ("=== app Config Vars\njunk line\nA: 1", ["A=1"], ["configvars.invalid-line"]),
        ]
        for (text, expected, ids) in rows {
            let (variables, diagnostics) = read(text)
            XCTAssertEqual(variables, expected, "row: \(text.debugDescription)")
            XCTAssertEqual(diagnostics, ids, "row: \(text.debugDescription)")
        }
    }

    /// The scanner reads bytes, but columns count Unicode scalars and lines end at LF, CR LF or a lone CR.
    func testLocationsAfterMultiByteText() {
        let rows: [(String, [String])] = [
            ("A=\"é\" x\n", ["vars:1:7:configvars.invalid-line"]),
            ("A='日本'\r\nB=\"ü\" x\r\n", ["vars:2:7:configvars.invalid-line"]),
            ("# ö\rA=1\r  ö=2\n", ["vars:3:3:configvars.invalid-line"]),
            ("export A=\"€\nB=1", ["vars:1:10:configvars.unterminated-quote"]),
        ]
        for (text, expected) in rows {
            var diagnostics = Diagnostics()
            _ = ConfigVarsFrontend().read(
                [InputFile(path: "vars", text: text)], options: ConversionOptions(configVarsPath: "vars"),
                into: &diagnostics)
            let located = diagnostics.sorted.filter { $0.id.rawValue != "configvars.format" }
                .map { "\($0.location?.rendered ?? ""):\($0.id)" }
            XCTAssertEqual(located, expected, "row: \(text.debugDescription)")
        }
    }

    func testFormatDetection() {
        let rows: [(String, ConfigVarsFrontend.Format)] = [
            ("{\"A\": \"1\"}", .json), ("[1]", .json), ("  \n{}", .json), ("=== a Config Vars\n", .human),
            ("A=1\nB='x y'", .shell),
            ("# c\nA=1", .dotenv), ("export A=1", .dotenv), ("A = 1", .dotenv), ("", .shell),
        ]
        for (text, format) in rows {
            XCTAssertEqual(ConfigVarsFrontend.detectFormat(text), format, "row: \(text.debugDescription)")
        }
    }
}
