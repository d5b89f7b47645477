import Translator

extension DiagnosticID {
    static let appJSONWrongType: DiagnosticID = "appjson.wrong-type"
    static let appJSONOutOfRange: DiagnosticID = "appjson.out-of-range"
    static let appJSONScalarAsString: DiagnosticID = "appjson.scalar-as-string"
    static let appJSONUnknownKey: DiagnosticID = "appjson.unknown-key"
    static let appJSONInvalidPlan: DiagnosticID = "appjson.invalid-plan"
    static let appJSONInformationalKeys: DiagnosticID = "appjson.informational-keys"
    static let appJSONUnknownGenerator: DiagnosticID = "appjson.unknown-generator"
}

/// Reads app.json, the whole schema Heroku documents (devcenter app-json-schema), with a located diagnostic for
/// every key it does not know and every value of the wrong type. Heroku applies app.json only when an app is
/// created, so it describes the app's intended setup, not necessarily today's.
public struct AppJSONFrontend: Frontend {
    public static let name = "app.json"

    /// Keys Heroku documents; anything else is reported.
    static let knownKeys = [
        "name", "description", "keywords", "website", "repository", "logo", "success_url", "scripts", "env",
        "formation", "image", "addons", "buildpacks", "environments", "stack",
    ]
    /// Keys that only describe the app on Heroku's dashboard or deploy button.
    static let informationalKeys = ["description", "keywords", "website", "repository", "logo", "success_url"]
    /// `scripts` names Heroku runs (postdeploy at creation, pr-* for review apps, test-* for Heroku CI).
    static let scriptNames = ["postdeploy", "pr-predeploy", "pr-predestroy", "test-setup", "test"]

    public init() {}

    public var readableFiles: [AppFilePattern] { [.path("app.json")] }

    public func requests(listing: [String], options: ConversionOptions) -> [InputRequest] {
        listing.contains("app.json") ? [.appFile("app.json")] : []
    }

    public func read(_ inputs: [InputFile], options: ConversionOptions, into diagnostics: inout Diagnostics)
        -> HerokuApp
    {
        guard let file = inputs.first else { return HerokuApp() }
        var app = HerokuApp(sourceFiles: [file.path])
        guard let source = SourceText.decode(file, into: &diagnostics),
            let root = JSONReader.parse(source, into: &diagnostics)
        else {
            app.appJSON = AppJSONManifest(path: file.path)
            return app
        }
        app.appJSON = manifest(from: root, path: file.path, into: &diagnostics)
        return app
    }

    /// The manifest from a parsed JSON document.
    public func manifest(from root: JSONNode, path: String, into diagnostics: inout Diagnostics) -> AppJSONManifest {
        var manifest = AppJSONManifest(path: path)
        guard let members = root.members else {
            wrongType(root, expected: "an object", key: "app.json", into: &diagnostics)
            return manifest
        }
        var informational: [JSONMember] = []
        for member in members {
            let node = member.value
            switch member.key {
            case "name":
                manifest.name = string(node, key: "name", into: &diagnostics)
            case "description":
                manifest.description = string(node, key: "description", into: &diagnostics)
                informational.append(member)
            case "website", "repository", "logo", "success_url":
                _ = string(node, key: member.key, into: &diagnostics)
                informational.append(member)
            case "keywords":
                if let elements = array(node, key: "keywords", into: &diagnostics) {
                    for element in elements { _ = string(element, key: "keywords[]", into: &diagnostics) }
                }
                informational.append(member)
            case "env":
                manifest.environment = environment(node, into: &diagnostics)
            case "addons":
                manifest.addons = addons(node, into: &diagnostics)
            case "formation":
                manifest.formation = formation(node, into: &diagnostics)
            case "scripts":
                manifest.scripts = scripts(node, into: &diagnostics)
            case "environments":
                for environment in object(node, key: "environments", into: &diagnostics) ?? [] {
                    if environment.value.members == nil {
                        wrongType(environment.value, expected: "an object", key: "environments.\(environment.key)",
                            into: &diagnostics)
                    }
                    manifest.environments.append(AppJSONNamedEntry(value: environment.key,
                        location: environment.keyLocation))
                }
            case "buildpacks":
                for buildpack in array(node, key: "buildpacks", into: &diagnostics) ?? [] {
                    guard let fields = object(buildpack, key: "buildpacks[]", into: &diagnostics) else { continue }
                    for field in fields where field.key != "url" {
                        unknownKey(field, in: "buildpacks[]", known: ["url"], into: &diagnostics)
                    }
                    guard let url = fields.last(where: { $0.key == "url" }) else {
                        diagnostics.error(.appJSONWrongType, "buildpacks entry has no \"url\"",
                            at: buildpack.location, hint: "write it as {\"url\": \"heroku/ruby\"}")
                        continue
                    }
                    if let text = string(url.value, key: "buildpacks[].url", into: &diagnostics) {
                        manifest.buildpacks.append(AppJSONNamedEntry(value: text, location: url.value.location))
                    }
                }
            case "stack":
                manifest.stack = string(node, key: "stack", into: &diagnostics).map {
                    AppJSONNamedEntry(value: $0, location: node.location)
                }
            case "image":
                manifest.image = string(node, key: "image", into: &diagnostics).map {
                    AppJSONNamedEntry(value: $0, location: node.location)
                }
            default:
                unknownKey(member, in: nil, known: Self.knownKeys, into: &diagnostics)
            }
        }
        if let first = informational.first {
            diagnostics.note(
                .appJSONInformationalKeys,
                (informational.count == 1 ? "app.json key " : "app.json keys ")
                    + informational.map { "\"\($0.key)\"" }.joined(separator: ", ")
                    + (informational.count == 1 ? " only describes" : " only describe")
                    + " the app on Heroku; Convox has no place for "
                    + (informational.count == 1 ? "it" : "them"),
                at: first.keyLocation)
        }
        return manifest
    }

    func environment(_ node: JSONNode, into diagnostics: inout Diagnostics) -> [AppJSONEnvironmentVariable] {
        var result: [AppJSONEnvironmentVariable] = []
        for member in object(node, key: "env", into: &diagnostics) ?? [] {
            let keyPath = "env.\(member.key)"
            var variable = AppJSONEnvironmentVariable(key: member.key, location: member.keyLocation)
            guard let fields = member.value.members else {
                guard let value = string(member.value, key: keyPath, into: &diagnostics) else { continue }
                variable.value = value
                result.append(variable)
                continue
            }
            for field in fields {
                let fieldPath = "\(keyPath).\(field.key)"
                switch field.key {
                case "description":
                    variable.description = string(field.value, key: fieldPath, into: &diagnostics)
                case "value":
                    variable.value = string(field.value, key: fieldPath, into: &diagnostics)
                case "required":
                    guard case .bool(let flag) = field.value.value else {
                        wrongType(field.value, expected: "true or false", key: fieldPath, into: &diagnostics)
                        continue
                    }
                    variable.isRequired = flag
                case "generator":
                    guard let generator = string(field.value, key: fieldPath, into: &diagnostics) else { continue }
                    if generator == "secret" {
                        variable.isGeneratedSecret = true
                    } else {
                        diagnostics.warning(
                            .appJSONUnknownGenerator,
                            "\(fieldPath) is \"\(generator)\"; Heroku only knows the generator \"secret\"",
                            at: field.value.location, hint: "use \"secret\" or remove the generator")
                    }
                default:
                    unknownKey(field, in: keyPath, known: ["description", "value", "required", "generator"],
                        into: &diagnostics)
                }
            }
            result.append(variable)
        }
        return result
    }

    func addons(_ node: JSONNode, into diagnostics: inout Diagnostics) -> [AppJSONAddon] {
        var result: [AppJSONAddon] = []
        for element in array(node, key: "addons", into: &diagnostics) ?? [] {
            if let text = element.stringValue {
                if let addon = addon(plan: text, at: element.location, into: &diagnostics) { result.append(addon) }
                continue
            }
            guard let fields = object(element, key: "addons[]", expected: "a string or an object", into: &diagnostics)
            else { continue }
            guard let planMember = fields.last(where: { $0.key == "plan" }) else {
                diagnostics.error(
                    .appJSONWrongType, "add-on entry has no \"plan\"", at: element.location,
                    hint: "write it as {\"plan\": \"heroku-postgresql:essential-0\"}")
                continue
            }
            guard let planText = string(planMember.value, key: "addons[].plan", into: &diagnostics),
                var addon = addon(plan: planText, at: element.location, into: &diagnostics)
            else { continue }
            for field in fields {
                switch field.key {
                case "plan":
                    break
                case "as":
                    addon.attachmentName = string(field.value, key: "addons[].as", into: &diagnostics)
                case "options":
                    for option in object(field.value, key: "addons[].options", into: &diagnostics) ?? [] {
                        // Heroku documents string values and `true` for flags; numbers are common (`"version": 14`).
                        guard let value = option.value.stringValue ?? option.value.scalarText else {
                            wrongType(option.value, expected: "a string", key: "options.\(option.key)",
                                into: &diagnostics)
                            continue
                        }
                        addon.options.append(AppJSONAddonOption(key: option.key, value: value,
                            location: option.keyLocation))
                    }
                default:
                    unknownKey(field, in: "addons[]", known: ["plan", "as", "options"], into: &diagnostics)
                }
            }
            result.append(addon)
        }
        return result
    }

    /// `service` or `service:plan` (devcenter: "in the format addon:plan or addon").
    func addon(plan text: String, at location: SourceLocation, into diagnostics: inout Diagnostics) -> AppJSONAddon? {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        func isSlug(_ part: String) -> Bool {
            guard let first = part.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first)
            else { return false }
            return part.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
            }
        }
        let service = parts[0].lowercased()
        guard isSlug(service), parts.count == 1 || isSlug(parts[1].lowercased()) else {
            diagnostics.error(
                .appJSONInvalidPlan, "add-on \"\(text)\" is not \"<service>\" or \"<service>:<plan>\"", at: location,
                hint: "write the add-on as Heroku names it, such as \"heroku-postgresql:essential-0\"")
            return nil
        }
        return AppJSONAddon(service: service, plan: parts.count == 2 ? parts[1] : nil, location: location)
    }

    func formation(_ node: JSONNode, into diagnostics: inout Diagnostics) -> [AppJSONFormation] {
        var entries: [(String, JSONNode, SourceLocation)] = []
        if let members = node.members {
            entries = members.map { ($0.key, $0.value, $0.keyLocation) }
        } else if let elements = node.elements {
            // The array form some apps use, shaped like the Platform API's formation batch update.
            for element in elements {
                guard let fields = object(element, key: "formation[]", into: &diagnostics) else { continue }
                guard let typeField = fields.last(where: { $0.key == "type" || $0.key == "process" }),
                    let type = string(typeField.value, key: "formation[].\(typeField.key)", into: &diagnostics)
                else {
                    diagnostics.error(
                        .appJSONWrongType, "formation entry names no process type", at: element.location,
                        hint: "add \"type\": \"web\" (or use the object form {\"web\": {\"quantity\": 1}})")
                    continue
                }
                entries.append((type, element, element.location))
            }
        } else {
            wrongType(node, expected: "an object", key: "formation", into: &diagnostics)
            return []
        }
        var result: [AppJSONFormation] = []
        for (type, value, location) in entries {
            let keyPath = "formation.\(type)"
            guard let fields = object(value, key: keyPath, into: &diagnostics) else { continue }
            var entry = AppJSONFormation(processType: type, location: location)
            for field in fields {
                switch field.key {
                case "quantity":
                    guard case .number(let text) = field.value.value else {
                        wrongType(field.value, expected: "a whole number of dynos", key: "\(keyPath).quantity",
                            into: &diagnostics)
                        continue
                    }
                    guard let quantity = Int(text), quantity >= 0 else {
                        diagnostics.error(
                            .appJSONOutOfRange, "\(keyPath).quantity is \(text), not a whole number of dynos",
                            at: field.value.location, hint: "write a count such as 0, 1 or 2")
                        continue
                    }
                    entry.quantity = quantity
                case "size":
                    entry.size = string(field.value, key: "\(keyPath).size", into: &diagnostics)
                    entry.sizeLocation = field.value.location
                case "type", "process":
                    if node.elements == nil {
                        unknownKey(field, in: keyPath, known: ["quantity", "size"], into: &diagnostics)
                    }
                default:
                    unknownKey(field, in: keyPath, known: ["quantity", "size"], into: &diagnostics)
                }
            }
            result.append(entry)
        }
        return result
    }

    func scripts(_ node: JSONNode, into diagnostics: inout Diagnostics) -> [AppJSONScript] {
        var result: [AppJSONScript] = []
        for member in object(node, key: "scripts", into: &diagnostics) ?? [] {
            let keyPath = "scripts.\(member.key)"
            guard Self.scriptNames.contains(member.key) else {
                unknownKey(member, in: "scripts", known: Self.scriptNames, into: &diagnostics)
                continue
            }
            if let command = member.value.stringValue {
                result.append(AppJSONScript(name: member.key, command: command, location: member.keyLocation,
                    commandLocation: member.value.location))
                continue
            }
            guard let fields = object(member.value, key: keyPath, expected: "a string or an object",
                into: &diagnostics)
            else { continue }
            var command: (String, SourceLocation)?
            var size: String?
            for field in fields {
                switch field.key {
                case "command":
                    if let text = string(field.value, key: "\(keyPath).command", into: &diagnostics) {
                        command = (text, field.value.location)
                    }
                case "size":
                    size = string(field.value, key: "\(keyPath).size", into: &diagnostics)
                default:
                    unknownKey(field, in: keyPath, known: ["command", "size"], into: &diagnostics)
                }
            }
            guard let command else {
                diagnostics.error(.appJSONWrongType, "\(keyPath) has no \"command\"", at: member.keyLocation,
                    hint: "write it as a string, or as {\"command\": \"...\"}")
                continue
            }
            result.append(AppJSONScript(name: member.key, command: command.0, size: size,
                location: member.keyLocation, commandLocation: command.1))
        }
        return result
    }

    // MARK: Typed access with located diagnostics

    func string(_ node: JSONNode, key: String, into diagnostics: inout Diagnostics) -> String? {
        if let text = node.stringValue { return text }
        if let text = node.scalarText {
            diagnostics.warning(
                .appJSONScalarAsString, "\(key) is \(node.kindDescription), not a string; read as \"\(text)\"",
                at: node.location, hint: "put the value in double quotes")
            return text
        }
        wrongType(node, expected: "a string", key: key, into: &diagnostics)
        return nil
    }

    func object(
        _ node: JSONNode, key: String, expected: String = "an object", into diagnostics: inout Diagnostics
    ) -> [JSONMember]? {
        if let members = node.members { return members }
        wrongType(node, expected: expected, key: key, into: &diagnostics)
        return nil
    }

    func array(_ node: JSONNode, key: String, into diagnostics: inout Diagnostics) -> [JSONNode]? {
        if let elements = node.elements { return elements }
        wrongType(node, expected: "an array", key: key, into: &diagnostics)
        return nil
    }

    func wrongType(_ node: JSONNode, expected: String, key: String, into diagnostics: inout Diagnostics) {
        diagnostics.error(
            .appJSONWrongType, "\(key) must be \(expected), not \(node.kindDescription)", at: node.location,
            hint: "see Heroku's app.json schema (devcenter.heroku.com/articles/app-json-schema)")
    }

    func unknownKey(_ member: JSONMember, in parent: String?, known: [String], into diagnostics: inout Diagnostics) {
        let path = parent.map { "\($0).\(member.key)" } ?? member.key
        diagnostics.warning(
            .appJSONUnknownKey,
            "unknown app.json key \"\(path)\"; it is not in Heroku's schema and translate ignores it",
            at: member.keyLocation,
            hint: "known keys here: " + known.joined(separator: ", "))
    }
}
