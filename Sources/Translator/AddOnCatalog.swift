/// What translate knows about one Heroku add-on: the Convox resource that replaces it (if any), the attachment
/// name Heroku gives it by default, and the config vars it sets (shared/research/heroku.md §6).
public struct AddOnCatalogEntry: Sendable, Equatable {
    /// The add-on service slug (`heroku-postgresql`).
    public var service: String
    /// The Convox resource type that replaces it, nil when Convox has none.
    public var resourceType: ResourceType?
    /// The attachment name Heroku uses without `as:`; config vars are `<ATTACHMENT>_<SUFFIX>`.
    public var defaultAttachment: String
    /// Suffixes of the config vars Heroku sets (`URL` gives `DATABASE_URL`).
    public var variableSuffixes: [String]
    /// What to do on Convox for add-ons with no resource (a sentence starting with a verb); for add-ons with a
    /// resource, what the app must change because the variables differ.
    public var advice: String?
    /// Heroku also names each attachment by a generated colour (`HEROKU_POSTGRESQL_AMBER_URL`): this prefix.
    public var generatedVariablePrefix: String?

    /// The config vars Heroku set for this add-on under `attachment`.
    public func variables(attachment: String) -> [String] {
        variableSuffixes.map { "\(attachment)_\($0)" }
    }
}

/// The add-on table. Lookups are by service slug; the order is the README's.
public enum AddOnCatalog {
    public static let entries: [AddOnCatalogEntry] = [
        AddOnCatalogEntry(service: "heroku-postgresql", resourceType: .postgres, defaultAttachment: "DATABASE",
            variableSuffixes: ["URL"], generatedVariablePrefix: "HEROKU_POSTGRESQL_"),
        AddOnCatalogEntry(service: "heroku-redis", resourceType: .redis, defaultAttachment: "REDIS",
            variableSuffixes: ["URL", "TLS_URL"], generatedVariablePrefix: "HEROKU_REDIS_"),
        AddOnCatalogEntry(service: "rediscloud", resourceType: .redis, defaultAttachment: "REDISCLOUD",
            variableSuffixes: ["URL"]),
        AddOnCatalogEntry(service: "redistogo", resourceType: .redis, defaultAttachment: "REDISTOGO",
            variableSuffixes: ["URL"]),
        AddOnCatalogEntry(service: "memcachier", resourceType: .memcached, defaultAttachment: "MEMCACHIER",
            variableSuffixes: ["SERVERS", "USERNAME", "PASSWORD"],
            advice: "the app read MEMCACHIER_SERVERS, MEMCACHIER_USERNAME and MEMCACHIER_PASSWORD; the Convox "
                + "resource injects MEMCACHIER_URL, MEMCACHIER_HOST and MEMCACHIER_PORT and needs no password"),
        AddOnCatalogEntry(service: "jawsdb", resourceType: .mysql, defaultAttachment: "JAWSDB",
            variableSuffixes: ["URL"]),
        AddOnCatalogEntry(service: "jawsdb-maria", resourceType: .mariadb, defaultAttachment: "JAWSDB_MARIA",
            variableSuffixes: ["URL"]),
        AddOnCatalogEntry(service: "cleardb", resourceType: .mysql, defaultAttachment: "CLEARDB_DATABASE",
            variableSuffixes: ["URL"]),
        AddOnCatalogEntry(service: "papertrail", defaultAttachment: "PAPERTRAIL", variableSuffixes: ["API_TOKEN"],
            advice: "read logs with `convox logs`, or forward the rack's logs to Papertrail with its syslog "
                + "rack parameter"),
        AddOnCatalogEntry(service: "sendgrid", defaultAttachment: "SENDGRID",
            variableSuffixes: ["USERNAME", "PASSWORD"],
            advice: "keep the SendGrid account (or another mail provider) and set its credentials with "
                + "`convox env set`"),
        AddOnCatalogEntry(service: "mailgun", defaultAttachment: "MAILGUN",
            variableSuffixes: ["API_KEY", "DOMAIN", "PUBLIC_KEY", "SMTP_LOGIN", "SMTP_PASSWORD", "SMTP_PORT",
                "SMTP_SERVER"],
            advice: "keep the Mailgun account and set its credentials with `convox env set`"),
        AddOnCatalogEntry(service: "newrelic", defaultAttachment: "NEW_RELIC", variableSuffixes: ["LICENSE_KEY"],
            advice: "install the New Relic agent in the image and set the license key with `convox env set`"),
        AddOnCatalogEntry(service: "cloudamqp", defaultAttachment: "CLOUDAMQP", variableSuffixes: ["URL"],
            advice: "keep a hosted RabbitMQ (Convox has no RabbitMQ resource) and set its URL with `convox env set`"),
        AddOnCatalogEntry(service: "heroku-kafka", defaultAttachment: "KAFKA",
            variableSuffixes: ["URL", "TRUSTED_CERT", "CLIENT_CERT", "CLIENT_CERT_KEY"],
            advice: "use a managed Kafka (such as Amazon MSK) and set its address and certificates with "
                + "`convox env set`"),
        AddOnCatalogEntry(service: "mongolab", defaultAttachment: "MONGOLAB", variableSuffixes: ["URI"],
            advice: "use a hosted MongoDB (such as MongoDB Atlas) and set its URI with `convox env set`"),
        AddOnCatalogEntry(service: "mongohq", defaultAttachment: "MONGOHQ", variableSuffixes: ["URL"],
            advice: "use a hosted MongoDB (such as MongoDB Atlas) and set its URL with `convox env set`"),
        AddOnCatalogEntry(service: "bonsai", defaultAttachment: "BONSAI", variableSuffixes: ["URL"],
            advice: "use a hosted Elasticsearch or OpenSearch and set its URL with `convox env set`"),
        AddOnCatalogEntry(service: "searchbox", defaultAttachment: "SEARCHBOX", variableSuffixes: ["URL", "SSL_URL"],
            advice: "use a hosted Elasticsearch or OpenSearch and set its URL with `convox env set`"),
        AddOnCatalogEntry(service: "bucketeer", defaultAttachment: "BUCKETEER",
            variableSuffixes: ["BUCKET_NAME", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
            advice: "create an S3 bucket and set its name and credentials with `convox env set`"),
        AddOnCatalogEntry(service: "cloudcube", defaultAttachment: "CLOUDCUBE",
            variableSuffixes: ["URL", "ACCESS_KEY_ID", "SECRET_ACCESS_KEY"],
            advice: "create an S3 bucket and set its URL and credentials with `convox env set`"),
        AddOnCatalogEntry(service: "sentry", defaultAttachment: "SENTRY", variableSuffixes: ["DSN"],
            advice: "keep the Sentry project and set its DSN with `convox env set`"),
    ]

    /// The entry for a service slug, nil for an add-on translate does not know.
    public static func entry(for service: String) -> AddOnCatalogEntry? {
        entries.first { $0.service == service }
    }

    /// Plans Heroku has retired; app.json files still name them and Heroku refuses them today.
    static let retiredPlans = [
        "heroku-postgresql:hobby-dev", "heroku-postgresql:hobby-basic", "heroku-postgresql:dev",
        "heroku-postgresql:basic", "heroku-redis:hobby-dev", "scheduler:free",
    ]

    /// True when `service:plan` no longer exists on Heroku.
    public static func isRetired(service: String, plan: String?) -> Bool {
        guard let plan else { return false }
        return retiredPlans.contains("\(service):\(plan.lowercased())")
    }
}
