extension DiagnosticID {
    static let resourcePlacement: DiagnosticID = "addon.resource-placement"
    static let resourceUnknownPlan: DiagnosticID = "addon.unknown-plan-size"
    static let resourcesOptionIgnored: DiagnosticID = "addon.resources-option-ignored"
    static let managedNameTooLong: DiagnosticID = "addon.managed-name-too-long"
}

/// Where each database and cache runs and how big it is. Convox generation 3 `postgres`, `redis`, `mysql`,
/// `mariadb` and `memcached` are containers in the cluster with old default images (postgres:10.5 on a 10 GiB
/// volume, redis:4.0.10 with no volume: convox/convox provider/k8s/template/resource/*.yml.tmpl), which Convox
/// documents for development and staging. Heroku's production plans therefore become the AWS-managed types
/// (`rds-*`, `elasticache-*`) sized from the plan; every resource gets a pinned current `version`.
extension AppTranslator {
    /// Current versions: Heroku's default major where Heroku runs the engine (Postgres 17; Key-Value Store 7),
    /// and the newest long-term release the others' images and AWS offer. ElastiCache runs Redis OSS up to 7.1
    /// (7.2 is Valkey-only there), so managed Redis pins 7.1 and the container image 7.2.
    static func pinnedVersion(of type: ResourceType, isManaged: Bool) -> String {
        switch type {
        case .postgres, .postgis: return "17"
        case .mysql: return "8.4"
        case .mariadb: return "10.11"
        case .redis: return isManaged ? "7.1" : "7.2"
        case .memcached: return isManaged ? "1.6.22" : "1.6"
        }
    }

    /// The smallest RDS class with at least the plan's RAM (GB); db.t3.micro when the plan shares a server.
    static func databaseClass(memory: Int?) -> String {
        let classes: [(memory: Int, name: String)] = [
            (1, "db.t3.micro"), (4, "db.t3.medium"), (8, "db.m5.large"), (16, "db.m5.xlarge"), (32, "db.m5.2xlarge"),
            (64, "db.m5.4xlarge"), (128, "db.r5.4xlarge"), (256, "db.r5.8xlarge"), (512, "db.r5.16xlarge"),
            (768, "db.r5.24xlarge"),
        ]
        guard let memory else { return "db.t3.micro" }
        return classes.first { $0.memory >= memory }?.name ?? "db.r5.24xlarge"
    }

    /// The smallest ElastiCache node type whose memory holds the plan's (MB); cache.t3.micro when unknown.
    static func cacheClass(memory: Int?) -> String {
        let classes: [(memory: Int, name: String)] = [
            (250, "cache.t3.micro"), (1024, "cache.t3.small"), (3072, "cache.t3.medium"), (13000, "cache.r5.large"),
            (26000, "cache.r5.xlarge"), (52000, "cache.r5.2xlarge"), (105000, "cache.r5.4xlarge"),
        ]
        guard let memory else { return "cache.t3.micro" }
        return classes.first { $0.memory >= memory }?.name ?? "cache.r5.4xlarge"
    }

    /// `--resources container` cannot apply on generation 2, whose resources are all AWS-managed: said once.
    func checkResourcesOption(for addons: [AppJSONAddon], into diagnostics: inout Diagnostics) {
        guard options.generation == .two, options.resourcePlacement == .container,
            let first = addons.first(where: { AddOnCatalog.entry(for: $0.service)?.resourceType != nil })
        else { return }
        diagnostics.warning(
            .resourcesOptionIgnored,
            "--resources container does not apply: generation 2 racks run every resource on AWS (RDS, ElastiCache)",
            at: first.location, hint: "drop --resources container, or target a generation 3 rack")
    }

    /// Sets where `resource` runs and its options (after a `version` the user gave), with one note that says
    /// why; called once the resource has its name.
    func sizeResource(_ resource: inout Resource, addon: AppJSONAddon, into diagnostics: inout Diagnostics) {
        let plan = AddOnPlanCatalog.plan(service: addon.service, plan: addon.plan)
        let planName = AddOnPlanCatalog.effectivePlan(service: addon.service, plan: addon.plan)
        let isDatabase = [.postgres, .postgis, .mysql, .mariadb].contains(resource.type)
        let isHerokuData = ["heroku-postgresql", "heroku-redis"].contains(addon.service)
        var isManaged: Bool
        var isNameTooLong = false
        switch options.generation {
        case .two:
            isManaged = true
        case .three:
            isManaged = options.resourcePlacement.map { $0 == .managed } ?? (plan?.isProduction ?? false)
            if isManaged, resource.name.count > 20 {
                // RdsNameValidate (convox/convox pkg/manifest/resource.go) refuses longer names at promote.
                diagnostics.warning(
                    .managedNameTooLong,
                    "resource \"\(resource.name)\" is longer than the 20 characters Convox allows for an RDS or "
                        + "ElastiCache resource, so it stays a container in the cluster",
                    at: addon.location, hint: "give the add-on a shorter \"as\" name in app.json")
                isManaged = false
                isNameTooLong = true
            }
        }
        resource.isManaged = isManaged
        // Generation 2 always made unsized AWS resources; a warning is due where that is new or the plan is Heroku's.
        if plan == nil, isHerokuData || (isManaged && options.generation == .three) {
            diagnostics.warning(
                .resourceUnknownPlan,
                "plan \"\(planName ?? "default")\" of \"\(addon.service)\" is not one translate knows the size of, "
                    + "so resource \"\(resource.name)\" gets the smallest size",
                at: addon.location, hint: isHerokuData
                    ? "use a Heroku plan name such as standard-0 or premium-0, or set the resource's size by hand"
                    : "set the resource's class" + (isDatabase ? " and storage" : "") + " to the plan's size by hand")
        }
        // The user's `version` first (any other option was already left out with a warning).
        var chosen = resource.options.filter { $0.key == "version" }
        func set(_ key: String, _ value: String) {
            if !chosen.contains(where: { $0.key == key }) { chosen.append(ResourceOption(key: key, value: value)) }
        }
        set("version", Self.pinnedVersion(of: resource.type, isManaged: isManaged))
        let isSized = isManaged && (plan?.isProduction == true || options.resourcePlacement == .managed)
        let isProductionOnAWS = isManaged && plan?.isProduction == true
        var sizing: [String] = []
        if isDatabase {
            // RDS takes at least 20 GB (both generations' templates default to it); a container volume 10 GiB.
            let minimum = isManaged ? 20 : 10
            if let storage = plan?.storage, storage > minimum {
                set("storage", String(storage))
                sizing.append("\(storage) GB of storage")
            }
            if isSized {
                let databaseClass = Self.databaseClass(memory: plan?.memory)
                set("class", databaseClass)
                sizing.append("class \(databaseClass)" + (plan?.memory.map { " for its \($0) GB of RAM" } ?? ""))
            }
            if isManaged, plan?.isHighlyAvailable == true {
                set("durable", "true")
                sizing.append("Multi-AZ (durable) like Heroku's HA standby")
            }
            if isProductionOnAWS {
                set("deletionProtection", "true")
                set("encrypted", "true")
                sizing.append("deletion protection and encryption at rest, as Heroku's production plans")
            }
        } else if isManaged {
            if isSized {
                let cacheClass = Self.cacheClass(memory: plan?.memory)
                set("class", cacheClass)
                sizing.append("class \(cacheClass)" + (plan?.memory.map { " for its \($0) MB" } ?? ""))
            }
            if resource.type == .memcached {
                set("nodes", "1")
            } else if plan?.isHighlyAvailable == true {
                // Automatic failover needs a replica: two cache clusters in the replication group.
                set("nodes", "2")
                set("durable", "true")
                sizing.append("a replica with automatic failover (durable) like Heroku's HA plans")
            }
            if isProductionOnAWS, options.generation == .three {
                // Generation 2's ElastiCache templates have no DeletionProtection parameter.
                set("deletionProtection", "true")
                sizing.append("deletion protection")
            }
        }
        // The Convox-known order: version first, then sizing, then protection.
        let order = ["version", "class", "storage", "nodes", "durable", "deletionProtection", "encrypted"]
        resource.options = chosen.sorted {
            (order.firstIndex(of: $0.key) ?? order.count) < (order.firstIndex(of: $1.key) ?? order.count)
        }
        let type = resource.manifestType(for: options.generation)
        let version = resource.option("version") ?? ""
        let planText = planName.map { "plan \"\($0)\"" } ?? "its plan"
        let why: String
        switch (options.generation, isManaged) {
        case (.two, _):
            why = "generation 2 racks run every resource on AWS, and the version is pinned instead of the rack's "
                + "old default"
        case (.three, true):
            why = options.resourcePlacement == .managed
                ? "--resources managed puts it on AWS" : "\(planText) is a production plan, so it runs on AWS"
        case (.three, false):
            let reason = isNameTooLong ? "its name is too long for AWS, so it stays"
                : options.resourcePlacement == .container ? "--resources container keeps it"
                : plan == nil ? "translate does not know the size of \(planText), so it stays"
                : "\(planText) is a development plan, so it stays"
            why = reason + " a container in the cluster (Convox: for development and "
                + "staging" + (resource.type == .redis ? "; a restarted Redis container loses its data" : "") + ")"
        }
        let details = (["version \(version)"] + sizing).joined(separator: ", ")
        var managed = resource
        managed.isManaged = true
        diagnostics.note(
            .resourcePlacement, "resource \"\(resource.name)\" is \(type) with \(details): \(why)",
            at: addon.location,
            hint: options.generation == .three && !isManaged && !isNameTooLong
                ? "for production, pass --resources managed to get \(managed.manifestType(for: .three)) on AWS" : nil)
    }
}
