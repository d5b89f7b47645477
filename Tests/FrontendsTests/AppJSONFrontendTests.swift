import Frontends
import Translator
import XCTest

final class AppJSONFrontendTests: XCTestCase {
    func read(_ text: String) -> (AppJSONManifest?, [String]) {
        var diagnostics = Diagnostics()
        let manifest = AppJSONFrontend().read(
            [InputFile(path: "app.json", text: text)], options: ConversionOptions(), into: &diagnostics
        ).appJSON
        return (manifest, diagnostics.sorted.map(\.id.rawValue))
    }

    /// Rows of (app.json, a summary of what was read, expected diagnostic ids).
    func testParse() {
        let rows: [(String, String, [String])] = [
            (#"{"env": {"A": "1", "B": {"required": false}, "C": {"generator": "secret"}}}"#,
                "env A=1 req, B opt, C gen", []),
            (#"{"env": {"A": {"value": true, "generator": "uuid"}}}"#, "env A=true req",
                ["appjson.scalar-as-string", "appjson.unknown-generator"]),
            (#"{"addons": ["heroku-postgresql", "memcachier:100", "#
                + #"{"plan": "x:y", "as": "Z", "options": {"version": 9}}]}"#,
                "addons heroku-postgresql, memcachier:100, x:y as Z version=9", []),
            (#"{"addons": ["Bad Plan!", {"as": "X"}]}"#, "", ["appjson.invalid-plan", "appjson.wrong-type"]),
            (#"{"formation": {"web": {"quantity": 2, "size": "Hobby", "autoscaling": {}}}}"#, "formation web 2 Hobby",
                ["appjson.unknown-key"]),
            (#"{"formation": [{"process": "web", "quantity": 1}, {"quantity": 1}]}"#, "formation web 1 -",
                ["appjson.wrong-type"]),
            (#"{"formation": {"web": {"quantity": -1}}}"#, "formation web - -", ["appjson.out-of-range"]),
            (#"{"formation": {"web": {"quantity": 1e400}}}"#, "formation web - -", ["appjson.out-of-range"]),
            (#"{"formation": {"web": {"quantity": 99999999999999999999}}}"#, "formation web - -",
                ["appjson.out-of-range"]),
            (#"{"formation": {"web": {"quantity": "2"}}}"#, "formation web - -", ["appjson.wrong-type"]),
            (#"{"scripts": {"postdeploy": {"command": "rake db:seed", "size": "basic"}, "pr-predestroy": "x"}}"#,
                "scripts postdeploy:rake db:seed, pr-predestroy:x", []),
            (#"{"environments": {"test": {}, "review": []}}"#, "environments test, review", ["appjson.wrong-type"]),
            (#"{"name": "a", "logo": "l", "mystery": 1}"#, "name a",
                ["appjson.informational-keys", "appjson.unknown-key"]),
            ("[]", "", ["appjson.wrong-type"]),
        ]
        for (text, summary, ids) in rows {
            let (manifest, diagnostics) = read(text)
            XCTAssertEqual(manifest.map(describe), summary, "row: \(text)")
            XCTAssertEqual(diagnostics, ids, "row: \(text)")
        }
    }

    func describe(_ manifest: AppJSONManifest) -> String {
        var parts: [String] = []
        if let name = manifest.name { parts.append("name \(name)") }
        if !manifest.environment.isEmpty {
            parts.append("env " + manifest.environment.map { variable in
                variable.key + (variable.value.map { "=\($0)" } ?? "")
                    + (variable.isGeneratedSecret ? " gen" : variable.isRequired ? " req" : " opt")
            }.joined(separator: ", "))
        }
        if !manifest.addons.isEmpty {
            parts.append("addons " + manifest.addons.map { addon in
                addon.planText + (addon.attachmentName.map { " as \($0)" } ?? "")
                    + addon.options.map { " \($0.key)=\($0.value)" }.joined()
            }.joined(separator: ", "))
        }
        if !manifest.formation.isEmpty {
            parts.append("formation " + manifest.formation.map {
                "\($0.processType) \($0.quantity.map(String.init) ?? "-") \($0.size ?? "-")"
            }.joined(separator: ", "))
        }
        if !manifest.scripts.isEmpty {
            parts.append("scripts " + manifest.scripts.map { "\($0.name):\($0.command)" }.joined(separator: ", "))
        }
        if !manifest.environments.isEmpty {
            parts.append("environments " + manifest.environments.map(\.value).joined(separator: ", "))
        }
        return parts.joined(separator: "; ")
    }
}
