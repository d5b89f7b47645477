import Translator

/// Every frontend, sorted by name. A new input format is one new file plus one line here.
public enum FrontendRegistry {
    public static let all: [any Frontend] = [
        AppJSONFrontend(),
        ConfigVarsFrontend(),
        DomainsFrontend(),
        HealthRouteFrontend(),
        HerokuSnapshotFrontend(),
        HerokuYMLFrontend(),
        ProcfileFrontend(),
        RuntimeDetectionFrontend(),
        SchedulerFrontend(),
    ]
}
