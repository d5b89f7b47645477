import Translator

/// Renders convox.yml for the chosen generation. Keys come in a fixed order; defaults Convox fills in itself
/// are left out, except `build: .`, which says where the image comes from.
public struct ConvoxManifestBackend: Backend {
    public static let name = "convox.yml"
    public var writtenFileNames: [String] { ["convox.yml"] }

    public init() {}

    public func render(_ app: AppIR, options: ConversionOptions, into diagnostics: inout Diagnostics) -> [OutputFile] {
        [OutputFile(path: "convox.yml", contents: YAMLWriter.render(manifest(for: app, options: options)))]
    }

    /// The manifest as a YAML value; `diff` compares this structure with a hand-written file.
    public func manifest(for app: AppIR, options: ConversionOptions) -> YAMLValue {
        var top: [YAMLEntry] = []
        if !app.environment.isEmpty {
            top.append(YAMLEntry("environment", .sequence(app.environment.map { .string($0.manifestEntry) })))
        }
        if !app.resources.isEmpty {
            top.append(YAMLEntry("resources", .mapping(app.resources.map { resource in
                var entries = [YAMLEntry("type", .string(resource.manifestType(for: options.generation)))]
                if !resource.options.isEmpty {
                    entries.append(YAMLEntry("options", .mapping(resource.options.map {
                        YAMLEntry($0.key, .string($0.value))
                    })))
                }
                return YAMLEntry(resource.name, .mapping(entries))
            })))
        }
        if !app.services.isEmpty {
            top.append(YAMLEntry("services", .mapping(app.services.map {
                YAMLEntry($0.name, service(
                    $0, buildPlan: app.buildPlan, launcher: app.commandLauncher, options: options))
            })))
        }
        if !app.timers.isEmpty {
            top.append(YAMLEntry("timers", .mapping(app.timers.map { timer in
                var entries = [
                    YAMLEntry("schedule", .string(timer.schedule.cronExpression(for: options.generation))),
                    YAMLEntry("command", .string(
                        commandText(timer.command, launcher: app.commandLauncher, options: options))),
                    YAMLEntry("service", .string(timer.service)),
                ]
                if let concurrency = timer.concurrency {
                    entries.append(YAMLEntry("concurrency", .string(concurrency.rawValue)))
                }
                return YAMLEntry(timer.name, .mapping(entries))
            })))
        }
        return .mapping(top)
    }

    func service(
        _ service: Service, buildPlan: BuildPlan, launcher: CommandLauncher, options: ConversionOptions
    ) -> YAMLValue {
        var entries: [YAMLEntry] = []
        if let build = service.build {
            if build.manifest == "Dockerfile" {
                entries.append(YAMLEntry("build", .string(build.path)))
            } else {
                entries.append(YAMLEntry("build", .mapping([
                    YAMLEntry("path", .string(build.path)), YAMLEntry("manifest", .string(build.manifest)),
                ])))
            }
        } else if buildPlan.existingDockerfile == nil, buildPlan.primary != nil,
            let outDirectory = options.outputDirectoryInApp
        {
            // Our Dockerfile is written into --out DIR, while the build context stays the app's root.
            entries.append(YAMLEntry("build", .mapping([
                YAMLEntry("path", .string(".")), YAMLEntry("manifest", .string(outDirectory + "/Dockerfile")),
            ])))
        } else if let dockerfile = buildPlan.existingDockerfile, dockerfile != "Dockerfile" {
            entries.append(YAMLEntry("build", .mapping([
                YAMLEntry("path", .string(".")), YAMLEntry("manifest", .string(dockerfile)),
            ])))
        } else {
            entries.append(YAMLEntry("build", .string(".")))
        }
        if let command = service.command {
            entries.append(YAMLEntry("command", .string(commandText(command, launcher: launcher, options: options))))
        }
        if let port = service.port { entries.append(YAMLEntry("port", .int(port))) }
        if let healthPath = service.healthPath { entries.append(YAMLEntry("health", .string(healthPath))) }
        if !service.domains.isEmpty {
            entries.append(YAMLEntry("domain", .string(service.domains.joined(separator: ","))))
        }
        if !service.environment.isEmpty {
            entries.append(YAMLEntry("environment", .sequence(service.environment.map { .string($0.manifestEntry) })))
        }
        if !service.resources.isEmpty {
            entries.append(YAMLEntry("resources", .sequence(service.resources.map { link in
                .string(link.variable.map { "\(link.resource):\($0)" } ?? link.resource)
            })))
        }
        if !service.scale.isDefault {
            var scale: [YAMLEntry] = []
            if let count = service.scale.count { scale.append(YAMLEntry("count", .int(count))) }
            if let cpu = service.scale.manifestCPU(for: options.generation) {
                scale.append(YAMLEntry("cpu", .int(cpu)))
            }
            if let memory = service.scale.memory { scale.append(YAMLEntry("memory", .int(memory))) }
            entries.append(YAMLEntry("scale", .mapping(scale)))
        }
        if let initCommand = service.initCommand {
            entries.append(YAMLEntry("initContainer", .mapping([
                YAMLEntry("command", .string(commandText(initCommand, launcher: launcher, options: options))),
            ])))
        }
        return .mapping(entries)
    }

    /// Generation 3 runs `command` without a shell, so shell syntax is wrapped; generation 2 runs `sh -c` itself.
    func commandText(_ command: Command, launcher: CommandLauncher, options: ConversionOptions) -> String {
        launcher.manifestText(command, generation: options.generation)
    }
}
