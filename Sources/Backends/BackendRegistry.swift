import Translator

/// Every backend, sorted by name. A new output file is one new file plus one line here.
public enum BackendRegistry {
    public static let all: [any Backend] = [
        ConvoxManifestBackend(),
        DockerfileBackend(),
        DockerignoreBackend(),
        EnvFileBackend(),
        GitIgnoreBackend(),
        RecordedOptionsBackend(),
        // Last: the runbook lists the warnings of every stage before it.
        RunbookBackend(),
    ]
}
