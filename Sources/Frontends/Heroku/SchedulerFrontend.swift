import Translator

extension DiagnosticID {
    static let schedulerUnknownFormat: DiagnosticID = "scheduler.unknown-format"
    static let schedulerInvalidJob: DiagnosticID = "scheduler.invalid-job"
    static let schedulerInvalidSchedule: DiagnosticID = "scheduler.invalid-schedule"
    static let schedulerInvalidLine: DiagnosticID = "scheduler.invalid-line"
    static let schedulerUnknownKey: DiagnosticID = "scheduler.unknown-key"
    static let schedulerJobExpires: DiagnosticID = "scheduler.job-expires"
    static let schedulerEmpty: DiagnosticID = "scheduler.empty"
}

/// Reads Heroku Scheduler jobs from `--scheduler FILE`. Heroku has no export (heroku/cli#668), so three forms a
/// user can actually get are accepted, told apart by their first character: the dashboard's JSON:API payload
/// (`{"data": [...]}`), a plain JSON list with herokux frequency words (`[...]`), and a typed text form.
public struct SchedulerFrontend: Frontend {
    public static let name = "scheduler"

    /// The input forms, for messages and tests.
    public enum Format: String, Sendable, Equatable {
        /// `GET /apps/{app}/jobs` of the dashboard's private API: `{"data": [{"attributes": {...}}]}`.
        case dashboardJSON = "dashboard JSON"
        /// `[{"command", "frequency", "at", "dyno_size"}]`, frequency words as in the herokux Terraform provider.
        case jobList = "JSON job list"
        /// One job a line: `<frequency> [<dyno size>] $ <command>`.
        case text
    }

    public init() {}

    /// Only the file `--scheduler` names, wherever it is.
    public var readableFiles: [AppFilePattern] { [] }

    public func requests(listing: [String], options: ConversionOptions) -> [InputRequest] {
        options.schedulerPath.map { [.namedFile($0)] } ?? []
    }

    public func read(_ inputs: [InputFile], options: ConversionOptions, into diagnostics: inout Diagnostics)
        -> HerokuApp
    {
        guard let file = inputs.first else { return HerokuApp() }
        var app = HerokuApp(sourceFiles: [file.path])
        guard let source = SourceText.decode(file, into: &diagnostics) else {
            app.schedulerJobs = []
            return app
        }
        app.schedulerJobs = parse(source, into: &diagnostics).jobs
        return app
    }

    /// The jobs in file order and the form they were read from. Every bad entry is reported; good ones are kept.
    public func parse(_ source: SourceText, into diagnostics: inout Diagnostics)
        -> (jobs: [SchedulerJob], format: Format)
    {
        let firstScalar = source.text.unicodeScalars.first { !$0.properties.isWhitespace }
        let errorsBefore = diagnostics.all.filter { $0.severity == .error }.count
        let format: Format
        let jobs: [SchedulerJob]
        switch firstScalar {
        case "{":
            format = .dashboardJSON
            jobs = parseJSON(source, into: &diagnostics)
        case "[":
            format = .jobList
            jobs = parseJSON(source, into: &diagnostics)
        default:
            format = .text
            jobs = parseText(source, into: &diagnostics)
        }
        if jobs.isEmpty, diagnostics.all.filter({ $0.severity == .error }).count == errorsBefore {
            diagnostics.warning(
                .schedulerEmpty, "the Scheduler file lists no jobs, so no timers are made",
                at: SourceLocation(file: source.path), hint: "check that this is the right file")
        }
        return (jobs, format)
    }

    // MARK: JSON forms

    /// The dashboard payload or the job list, told apart by their top-level value.
    func parseJSON(_ source: SourceText, into diagnostics: inout Diagnostics) -> [SchedulerJob] {
        guard let document = JSONReader.parse(source, into: &diagnostics) else { return [] }
        var reader = JobDecoder()
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        switch document.value {
        case .array(let entries):
            return entries.enumerated().compactMap { reader.listJob($1, at: "[\($0)]") }
        case .object:
            reader.checkKeys(of: document, known: ["data"], ignored: ["included", "jsonapi", "links", "meta"], in: "")
            guard let data = document.member("data") else {
                reader.diagnostics.error(
                    .schedulerUnknownFormat,
                    "a JSON object here must be the Scheduler dashboard's payload, with jobs under \"data\"",
                    at: document.location,
                    hint: "pass {\"data\": [{\"attributes\": {...}}]} as the dashboard returns it, or a JSON list "
                        + "of {\"command\", \"frequency\", \"dyno_size\"} objects")
                return []
            }
            switch data.value.value {
            case .array(let entries):
                return entries.enumerated().compactMap { reader.dashboardJob($1, at: "data[\($0)]") }
            case .object:
                return reader.dashboardJob(data.value, at: "data").map { [$0] } ?? []
            default:
                reader.diagnostics.error(
                    .schedulerUnknownFormat, "\"data\" is \(data.value.kindDescription), expected a list of jobs",
                    at: data.value.location, hint: "\"data\" must be [{\"attributes\": {...}}, ...]")
                return []
            }
        default:
            diagnostics.error(
                .schedulerUnknownFormat, "the Scheduler file is \(document.kindDescription), not a list of jobs",
                at: document.location, hint: "see the README for the three accepted forms")
            return []
        }
    }

    /// Decodes job entries out of a document `JSONReader` parsed (it already reported duplicate keys), collecting
    /// located findings.
    struct JobDecoder {
        var diagnostics = Diagnostics()

        /// Warns about keys we do not know.
        mutating func checkKeys(of object: JSONNode, known: [String], ignored: [String], in keyPath: String) {
            for member in object.members ?? [] {
                let fullKey = keyPath.isEmpty ? member.key : "\(keyPath).\(member.key)"
                if !known.contains(member.key), !ignored.contains(member.key) {
                    diagnostics.warning(
                        .schedulerUnknownKey, "unknown key \"\(fullKey)\" is ignored",
                        at: member.keyLocation,
                        hint: "known keys here: " + known.map { "\"\($0)\"" }.joined(separator: ", "))
                }
            }
        }

        /// `{"type": "jobs", "id": "1", "attributes": {"command", "every", "at", "dyno-size", ...}}`.
        mutating func dashboardJob(_ entry: JSONNode, at keyPath: String) -> SchedulerJob? {
            guard case .object = entry.value else {
                diagnostics.error(
                    .schedulerInvalidJob, "\(keyPath) is \(entry.kindDescription), expected a job object",
                    at: entry.location, hint: "each entry of \"data\" is {\"attributes\": {...}}")
                return nil
            }
            checkKeys(of: entry, known: ["attributes"], ignored: ["type", "id", "links", "relationships", "meta"],
                in: keyPath)
            guard let attributes = entry.member("attributes")?.value, case .object = attributes.value else {
                diagnostics.error(
                    .schedulerInvalidJob, "\(keyPath) has no \"attributes\" object", at: entry.location,
                    hint: "each entry of \"data\" is {\"attributes\": {\"command\": ..., \"every\": ..., \"at\": ...}}")
                return nil
            }
            let attributesPath = "\(keyPath).attributes"
            checkKeys(of: attributes, known: ["command", "every", "at", "dyno-size", "expire-after"],
                ignored: ["ran-at", "created-at", "updated-at", "next-run", "last-run"], in: attributesPath)
            let command = self.command(in: attributes, key: "command", keyPath: attributesPath)
            let schedule = dashboardSchedule(attributes, keyPath: attributesPath)
            let dynoSize = self.dynoSize(in: attributes, key: "dyno-size", keyPath: attributesPath)
            if let expiry = attributes.member("expire-after"), expiry.value.value != .null {
                let when: String
                if case .string(let text) = expiry.value.value { when = " (\(text))" } else { when = "" }
                diagnostics.warning(
                    .schedulerJobExpires,
                    "\(attributesPath).expire-after is set\(when): Heroku stops this job then, a Convox timer "
                        + "never expires",
                    at: expiry.keyLocation, hint: "remove the timer from convox.yml when the job should stop")
            }
            guard let command, let schedule, let dynoSize else { return nil }
            return SchedulerJob(
                command: command.text, schedule: schedule, dynoSize: dynoSize.size, location: entry.location,
                commandLocation: command.location, dynoSizeLocation: dynoSize.location)
        }

        /// `every` is 10, 60 or 1440 minutes; `at` is the minute of the hour (hourly) or of the day (daily).
        private mutating func dashboardSchedule(_ attributes: JSONNode, keyPath: String) -> TimerSchedule? {
            guard let every = attributes.member("every") else {
                diagnostics.error(
                    .schedulerInvalidSchedule, "\(keyPath) has no \"every\"", at: attributes.location,
                    hint: "\"every\" is 10, 60 or 1440 (minutes)")
                return nil
            }
            guard let minutes = integer(every.value), [10, 60, 1440].contains(minutes) else {
                diagnostics.error(
                    .schedulerInvalidSchedule,
                    "\(keyPath).every is \(describe(every.value)); Heroku Scheduler runs jobs every 10, 60 or 1440 "
                        + "minutes",
                    at: every.value.location, hint: "use 10, 60 or 1440")
                return nil
            }
            let at = attributes.member("at")
            var offset = 0
            if let at, at.value.value != .null {
                guard let value = integer(at.value) else {
                    diagnostics.error(
                        .schedulerInvalidSchedule, "\(keyPath).at is \(describe(at.value)), expected whole minutes",
                        at: at.value.location, hint: "\"at\" is the minute of the hour (every 60) or of the day "
                            + "(every 1440), for example 30 or 1050")
                    return nil
                }
                offset = value
            } else if minutes != 10 {
                diagnostics.error(
                    .schedulerInvalidSchedule, "\(keyPath) runs every \(minutes) minutes but has no \"at\"",
                    at: every.keyLocation, hint: "add \"at\": the minute of the hour (every 60) or of the day "
                        + "(every 1440)")
                return nil
            }
            let location = at?.value.location ?? every.value.location
            switch minutes {
            case 10:
                guard offset == 0 else {
                    diagnostics.error(
                        .schedulerInvalidSchedule,
                        "\(keyPath).at is \(offset), but a job every 10 minutes has no offset on Heroku",
                        at: location, hint: "use \"at\": 0")
                    return nil
                }
                return .everyMinutes(10)
            case 60:
                guard (0...59).contains(offset) else {
                    diagnostics.error(
                        .schedulerInvalidSchedule, "\(keyPath).at is \(offset), but an hourly job's minute is 0 to 59",
                        at: location, hint: "use the minute of the hour, for example 30")
                    return nil
                }
                return .hourly(minute: offset)
            default:
                guard (0...1439).contains(offset) else {
                    diagnostics.error(
                        .schedulerInvalidSchedule,
                        "\(keyPath).at is \(offset), but a daily job's minute of the day is 0 to 1439",
                        at: location, hint: "use minutes after 00:00 UTC, for example 1050 for 17:30")
                    return nil
                }
                return .daily(hour: offset / 60, minute: offset % 60)
            }
        }

        /// `{"command": "...", "frequency": "every_hour_at_30", "dyno_size": "Standard-1X"}`; `at` may carry the
        /// time for the bare words `every_hour` and `every_day`.
        mutating func listJob(_ entry: JSONNode, at keyPath: String) -> SchedulerJob? {
            guard case .object = entry.value else {
                diagnostics.error(
                    .schedulerInvalidJob, "\(keyPath) is \(entry.kindDescription), expected a job object",
                    at: entry.location,
                    hint: "each job is {\"command\": ..., \"frequency\": ..., \"dyno_size\": ...}")
                return nil
            }
            checkKeys(of: entry, known: ["command", "frequency", "at", "dyno_size"], ignored: [], in: keyPath)
            let command = self.command(in: entry, key: "command", keyPath: keyPath)
            let schedule = listSchedule(entry, keyPath: keyPath)
            let dynoSize = self.dynoSize(in: entry, key: "dyno_size", keyPath: keyPath)
            guard let command, let schedule, let dynoSize else { return nil }
            return SchedulerJob(
                command: command.text, schedule: schedule, dynoSize: dynoSize.size, location: entry.location,
                commandLocation: command.location, dynoSizeLocation: dynoSize.location)
        }

        private mutating func listSchedule(_ entry: JSONNode, keyPath: String) -> TimerSchedule? {
            let wordsHint = "use every_ten_minutes, every_hour_at_<minute> (every_hour_at_30) or "
                + "every_day_at_<hour>:<minute> (every_day_at_17:30), all UTC"
            guard let frequency = entry.member("frequency") else {
                diagnostics.error(
                    .schedulerInvalidSchedule, "\(keyPath) has no \"frequency\"", at: entry.location, hint: wordsHint)
                return nil
            }
            guard case .string(let word) = frequency.value.value else {
                diagnostics.error(
                    .schedulerInvalidSchedule,
                    "\(keyPath).frequency is \(describe(frequency.value)), expected a frequency word",
                    at: frequency.value.location, hint: wordsHint)
                return nil
            }
            let at = entry.member("at").flatMap { $0.value.value == .null ? nil : $0 }
            if word == "every_hour" || word == "every_day" {
                guard let at else {
                    diagnostics.error(
                        .schedulerInvalidSchedule, "\(keyPath).frequency is \"\(word)\" but there is no \"at\"",
                        at: frequency.value.location,
                        hint: word == "every_hour" ? "add \"at\": \":30\" (the minute of the hour)"
                            : "add \"at\": \"17:30\" (UTC)")
                    return nil
                }
                let schedule: TimerSchedule?
                switch at.value.value {
                case .string(let text):
                    schedule = word == "every_hour"
                        ? SchedulerFrequency.minute(text.hasPrefix(":") ? String(text.dropFirst()) : text)
                            .map { .hourly(minute: $0) }
                        : SchedulerFrequency.timeOfDay(text)
                case .number:
                    let limit = word == "every_hour" ? 59 : 1439
                    schedule = integer(at.value).flatMap { value -> TimerSchedule? in
                        guard (0...limit).contains(value) else { return nil }
                        return word == "every_hour" ? .hourly(minute: value)
                            : .daily(hour: value / 60, minute: value % 60)
                    }
                default:
                    schedule = nil
                }
                guard let schedule else {
                    diagnostics.error(
                        .schedulerInvalidSchedule,
                        "\(keyPath).at is \(describe(at.value)), which is not a "
                            + (word == "every_hour" ? "minute of the hour (0 to 59)" : "time of day (0:00 to 23:59)"),
                        at: at.value.location,
                        hint: word == "every_hour" ? "write the minute, for example \":30\"" : "write \"17:30\" (UTC)")
                    return nil
                }
                return schedule
            }
            guard let schedule = SchedulerFrequency.herokux(word) else {
                diagnostics.error(
                    .schedulerInvalidSchedule, "\(keyPath).frequency \"\(word)\" is not a Scheduler frequency",
                    at: frequency.value.location, hint: wordsHint)
                return nil
            }
            if let at {
                diagnostics.error(
                    .schedulerInvalidSchedule,
                    "\(keyPath) has \"at\" but its frequency \"\(word)\" already says when the job runs",
                    at: at.keyLocation,
                    hint: "remove \"at\", or use the bare words \"every_hour\" or \"every_day\" with \"at\"")
                return nil
            }
            return schedule
        }

        private mutating func command(in object: JSONNode, key: String, keyPath: String)
            -> (text: String, location: SourceLocation)?
        {
            guard let member = object.member(key) else {
                diagnostics.error(
                    .schedulerInvalidJob, "\(keyPath) has no \"\(key)\"", at: object.location,
                    hint: "add the command the job runs, as on the Scheduler dashboard")
                return nil
            }
            guard case .string(let text) = member.value.value else {
                diagnostics.error(
                    .schedulerInvalidJob, "\(keyPath).\(key) is \(describe(member.value)), expected a string",
                    at: member.value.location, hint: "write the command as a JSON string")
                return nil
            }
            let trimmed = text.trimmingBlanks()
            guard !trimmed.isEmpty else {
                diagnostics.error(
                    .schedulerInvalidJob, "\(keyPath).\(key) is empty", at: member.value.location,
                    hint: "write the command the job runs, or remove the job")
                return nil
            }
            return (trimmed, member.value.location)
        }

        /// The dyno size as written (nil when absent or null); the outer nil means the value was malformed.
        private mutating func dynoSize(in object: JSONNode, key: String, keyPath: String)
            -> (size: String?, location: SourceLocation?)?
        {
            guard let member = object.member(key), member.value.value != .null else { return (nil, nil) }
            guard case .string(let text) = member.value.value, !text.trimmingBlanks().isEmpty else {
                diagnostics.error(
                    .schedulerInvalidJob, "\(keyPath).\(key) is \(describe(member.value)), expected a dyno size name",
                    at: member.value.location, hint: "write a size such as \"Standard-1X\", or leave the key out")
                return nil
            }
            return (text.trimmingBlanks(), member.value.location)
        }

        private func integer(_ value: JSONNode) -> Int? {
            guard case .number(let text) = value.value else { return nil }
            return Int(text)
        }

        private func describe(_ value: JSONNode) -> String {
            switch value.value {
            case .string(let text): return "\"\(text)\""
            case .number(let text): return text
            default: return value.kindDescription
            }
        }
    }

    // MARK: Text form

    /// `<frequency> [<dyno size>] $ <command>`, one job a line; blank lines and lines starting with `#` are skipped.
    func parseText(_ source: SourceText, into diagnostics: inout Diagnostics) -> [SchedulerJob] {
        var jobs: [SchedulerJob] = []
        for line in source.lines {
            let content = line.text.drop { $0 == " " || $0 == "\t" }
            if content.isEmpty || content.hasPrefix("#") { continue }
            let lineLocation = SourceLocation(
                file: source.path, line: line.number, column: SourceText.column(of: content.startIndex, in: line.text))
            if let job = textJob(content, line: line, location: lineLocation, path: source.path, into: &diagnostics) {
                jobs.append(job)
            }
        }
        return jobs
    }

    /// One text-form line; nil (with a located error) when it does not follow the grammar.
    func textJob(
        _ content: Substring, line: SourceText.Line, location: SourceLocation, path: String,
        into diagnostics: inout Diagnostics
    ) -> SchedulerJob? {
        let formsHint = "write \"<frequency> [<dyno size>] $ <command>\", for example "
            + "\"every hour at :30 Standard-1X $ rake update_feed\""
        guard let dollar = content.firstIndex(of: "$") else {
            diagnostics.error(
                .schedulerInvalidLine, "line has no \"$\" between the frequency and the command",
                at: location, hint: formsHint)
            return nil
        }
        let afterDollar = content[content.index(after: dollar)...]
        let command = afterDollar.drop { $0 == " " || $0 == "\t" }.trimmingBlanks()
        guard !command.isEmpty else {
            diagnostics.error(
                .schedulerInvalidLine, "line has no command after \"$\"",
                at: SourceLocation(file: path, line: line.number, column: SourceText.column(of: dollar, in: line.text)),
                hint: formsHint)
            return nil
        }
        let commandStart = afterDollar.drop { $0 == " " || $0 == "\t" }.startIndex
        var words: [(text: Substring, location: SourceLocation)] = []
        var index = content.startIndex
        while index < dollar {
            if content[index] == " " || content[index] == "\t" {
                index = content.index(after: index)
                continue
            }
            let start = index
            while index < dollar, content[index] != " ", content[index] != "\t" { index = content.index(after: index) }
            words.append((content[start..<index], SourceLocation(
                file: path, line: line.number, column: SourceText.column(of: start, in: line.text))))
        }
        guard !words.isEmpty else {
            diagnostics.error(
                .schedulerInvalidLine, "line has no frequency before \"$\"", at: location, hint: formsHint)
            return nil
        }
        guard let parsed = SchedulerFrequency.phrase(words.map { $0.text.lowercased() }) else {
            diagnostics.error(
                .schedulerInvalidSchedule,
                "\"\(content[..<dollar].trimmingBlanks())\" is not a Scheduler frequency",
                at: location,
                hint: "use \"every 10 minutes\", \"every hour at :MM\" or \"every day at HH:MM\" (UTC; \"5:30 PM\" "
                    + "works too), or the herokux words every_ten_minutes, every_hour_at_30, every_day_at_17:30")
            return nil
        }
        let schedule = parsed.0
        let rest = words[parsed.1...]
        var dynoSize: (text: String, location: SourceLocation)?
        if let first = rest.first {
            guard rest.count == 1, DynoSize.named(String(first.text)) != nil else {
                let extra = rest.count == 1 ? first : rest[rest.index(after: rest.startIndex)]
                let isSize = rest.count > 1 && DynoSize.named(String(first.text)) != nil
                diagnostics.error(
                    .schedulerInvalidLine,
                    "\"\(extra.text)\" is not " + (isSize ? "expected after the dyno size" : "a Heroku dyno size"),
                    at: extra.location,
                    hint: "after the frequency, give at most one dyno size (Standard-1X, Standard-2X, "
                        + "Performance-M, ...), then \"$ <command>\"")
                return nil
            }
            dynoSize = (String(first.text), first.location)
        }
        return SchedulerJob(
            command: String(command), schedule: schedule, dynoSize: dynoSize?.text, location: location,
            commandLocation: SourceLocation(
                file: path, line: line.number, column: SourceText.column(of: commandStart, in: line.text)),
            dynoSizeLocation: dynoSize?.location)
    }
}

/// The Scheduler's frequency words: herokux's `every_ten_minutes`, `every_hour_at_30`, `every_day_at_17:30`, and
/// the phrases the dashboard shows (`Every 10 minutes`, `Every hour at :30`, `Every day at 5:30 PM UTC`).
enum SchedulerFrequency {
    /// A herokux frequency word; minutes and hours may be any valid value, with or without a leading zero.
    static func herokux(_ word: String) -> TimerSchedule? {
        if word == "every_ten_minutes" { return .everyMinutes(10) }
        if word.hasPrefix("every_hour_at_") {
            return minute(String(word.dropFirst("every_hour_at_".count))).map { .hourly(minute: $0) }
        }
        if word.hasPrefix("every_day_at_") { return timeOfDay(String(word.dropFirst("every_day_at_".count))) }
        return nil
    }

    /// A minute 0-59 written with one or two digits.
    static func minute(_ text: String) -> Int? {
        guard (1...2).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text),
            (0...59).contains(value)
        else { return nil }
        return value
    }

    /// `H:MM` or `HH:MM`, 24-hour, as a daily schedule.
    static func timeOfDay(_ text: String) -> TimerSchedule? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let hour = minute(String(parts[0])), hour <= 23,
            let minute = minute(String(parts[1]))
        else { return nil }
        return .daily(hour: hour, minute: minute)
    }

    /// Reads a frequency from the start of lower-cased words; returns it with how many words it used.
    static func phrase(_ words: [String]) -> (TimerSchedule, Int)? {
        guard let first = words.first else { return nil }
        if let schedule = herokux(first) { return (schedule, 1) }
        var index = 0
        func take(_ accepted: Set<String>) -> Bool {
            guard index < words.count, accepted.contains(words[index]) else { return false }
            index += 1
            return true
        }
        let every = take(["every"])
        if every, take(["10", "ten"]), take(["minutes", "min", "mins"]) { return (.everyMinutes(10), index) }
        // Other whole divisors of an hour (every 5 minutes): not a Heroku Scheduler choice, but what jobs moved from
        // other schedulers (Cron To Go, Advanced Scheduler) or Convox's own write-up use.
        index = every ? 1 : 0
        if every, index < words.count, let minutes = Int(words[index]), [1, 2, 3, 4, 5, 6, 12, 15, 20, 30].contains(minutes) {
            index += 1
            if take(["minutes", "min", "mins", "minute"]) { return (.everyMinutes(minutes), index) }
        }
        index = every ? 1 : 0
        if (every && take(["hour"])) || (!every && take(["hourly"])) {
            guard take(["at"]), index < words.count else { return nil }
            let text = words[index]
            guard let value = minute(text.hasPrefix(":") ? String(text.dropFirst()) : text) else { return nil }
            index += 1
            _ = take(["utc"])
            return (.hourly(minute: value), index)
        }
        index = every ? 1 : 0
        if (every && take(["day"])) || (!every && take(["daily"])) {
            guard take(["at"]), index < words.count,
                case .daily(var hour, let minute)? = timeOfDay(words[index])
            else { return nil }
            index += 1
            if index < words.count, words[index] == "am" || words[index] == "pm" {
                guard (1...12).contains(hour) else { return nil }
                hour = words[index] == "am" ? hour % 12 : hour % 12 + 12
                index += 1
            }
            _ = take(["utc"])
            return (.daily(hour: hour, minute: minute), index)
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    fileprivate func trimmingBlanks() -> String {
        let blanks: Set<Character> = [" ", "\t", "\n", "\r", "\r\n"]
        let start = firstIndex { !blanks.contains($0) } ?? endIndex
        let end = lastIndex { !blanks.contains($0) }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
