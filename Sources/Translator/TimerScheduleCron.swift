extension TimerSchedule {
    /// The cron text Convox wants for this schedule, always UTC. Generation 3 takes standard 5-field cron.
    /// Generation 2 uses AWS CloudWatch cron, where day-of-month or day-of-week must be `?`; it appends the year
    /// field itself, so the 5-field `?` form of Convox's own examples (`"*/5 * * * ?"`) is what we write.
    public func cronExpression(for generation: ConversionOptions.Generation) -> String {
        let dayOfWeek = generation == .two ? "?" : "*"
        switch self {
        case .everyMinutes(let minutes):
            return "*/\(minutes) * * * \(dayOfWeek)"
        case .hourly(let minute):
            return "\(minute) * * * \(dayOfWeek)"
        case .daily(let hour, let minute):
            return "\(minute) \(hour) * * \(dayOfWeek)"
        case .cron(let expression):
            guard generation == .two else { return expression }
            var fields = expression.split(separator: " ").map(String.init)
            if fields.count == 5, fields[2] == "*", fields[4] == "*" { fields[4] = "?" }
            return fields.joined(separator: " ")
        }
    }
}
