/// What a Heroku data add-on plan gives, from Heroku's published plan tables (devcenter heroku-postgres-plans,
/// heroku-redis plans and pricing): enough to size the Convox resource that replaces it.
public struct AddOnPlan: Sendable, Equatable {
    /// Production plans (Postgres standard and up, Key-Value Store premium and up) become AWS-managed resources on
    /// generation 3; the others (essential, mini, the retired hobby plans) stay containers, as on Convox's own
    /// "for development and staging" advice.
    public var isProduction: Bool
    /// Premium, private and shield plans keep a standby that takes over (Heroku "HA"): Multi-AZ on AWS.
    public var isHighlyAvailable: Bool
    /// Postgres: the plan's storage limit in GB.
    public var storage: Int?
    /// Postgres: the plan's RAM in GB; Key-Value Store: the plan's memory in MB.
    public var memory: Int?

    public init(isProduction: Bool, isHighlyAvailable: Bool = false, storage: Int? = nil, memory: Int? = nil) {
        self.isProduction = isProduction
        self.isHighlyAvailable = isHighlyAvailable
        self.storage = storage
        self.memory = memory
    }
}

/// The plans of the Heroku data add-ons translate can size. Third-party add-ons (JawsDB, ClearDB, Redis Cloud,
/// MemCachier) publish plans of their own that are not in this table.
public enum AddOnPlanCatalog {
    /// Heroku's default plan when app.json names none: Postgres essential-0, Key-Value Store mini.
    static let defaultPlans = ["heroku-postgresql": "essential-0", "heroku-redis": "mini"]

    /// Postgres production sizes by plan number (`standard-0`, `premium-2`, ...): (storage GB, RAM GB).
    static let postgresProductionSizes: [String: (storage: Int, memory: Int)] = [
        "0": (64, 4), "2": (256, 8), "3": (512, 15), "4": (768, 30), "5": (1024, 61), "6": (1536, 122),
        "7": (2048, 244), "8": (3072, 488), "9": (4096, 768),
    ]

    /// Postgres plans below standard: storage GB (mini and basic were capped by rows; their 1 GB and 10 GB are
    /// the essential plans that replaced them).
    static let postgresDevelopmentStorage = [
        "essential-0": 1, "essential-1": 10, "essential-2": 32, "mini": 1, "basic": 10, "hobby-dev": 1,
        "hobby-basic": 10, "dev": 1,
    ]

    /// Key-Value Store production memory by plan number (`premium-5`): MB.
    static let redisProductionMemory = [
        "0": 50, "1": 100, "2": 250, "3": 500, "5": 1024, "7": 7168, "9": 10240, "10": 25600, "12": 51200,
        "14": 102400,
    ]

    static let redisDevelopmentMemory = ["mini": 25, "hobby-dev": 25]

    /// The plan name Heroku would use: the given one in lower case, or the default plan.
    public static func effectivePlan(service: String, plan: String?) -> String? {
        plan?.lowercased() ?? defaultPlans[service]
    }

    /// What `service:plan` gives, nil for a plan (or an add-on) this table does not know.
    public static func plan(service: String, plan written: String?) -> AddOnPlan? {
        guard let plan = effectivePlan(service: service, plan: written) else { return nil }
        let parts = plan.split(separator: "-", maxSplits: 1).map(String.init)
        let tier = parts.first ?? ""
        let number = parts.count == 2 ? parts[1] : ""
        let isHighlyAvailable = ["premium", "private", "shield"].contains(tier)
        switch service {
        case "heroku-postgresql":
            if let storage = postgresDevelopmentStorage[plan] {
                return AddOnPlan(isProduction: false, storage: storage)
            }
            guard tier == "standard" || isHighlyAvailable, let size = postgresProductionSizes[number] else {
                return nil
            }
            return AddOnPlan(isProduction: true, isHighlyAvailable: isHighlyAvailable, storage: size.storage,
                memory: size.memory)
        case "heroku-redis":
            if let memory = redisDevelopmentMemory[plan] { return AddOnPlan(isProduction: false, memory: memory) }
            guard isHighlyAvailable, let memory = redisProductionMemory[number] else { return nil }
            return AddOnPlan(isProduction: true, isHighlyAvailable: true, memory: memory)
        default:
            return nil
        }
    }
}
