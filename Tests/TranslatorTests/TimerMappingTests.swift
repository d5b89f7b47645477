import Foundation
import Translator
import XCTest

final class TimerMappingTests: XCTestCase {
    /// Rows of (command, expected timer name).
    func testTimerBaseName() {
        let rows: [(String, String)] = [
            ("rake update_feed", "update-feed"),
            ("bundle exec rake cleanup:sessions RAILS_ENV=production", "cleanup-sessions"),
            ("python manage.py clearsessions", "clearsessions"),
            ("python3 -m app.jobs.cleanup", "app-jobs-cleanup"),
            ("node scripts/cleanup.js --dry-run", "cleanup"),
            ("php artisan schedule:run", "schedule-run"),
            ("bin/tootctl cache clear", "tootctl-cache"),
            ("bin/rails runner 'Heartbeat.ping'", "heartbeat-ping"),
            ("./scripts/2fa_cleanup.sh", "job-2fa-cleanup"),
            ("RAILS_ENV=production bundle exec rake x", "x"),
            ("curl -fsS https://example.com/ping", "curl"),
            ("bundle exec rake", "job"),
            ("&& ;", "job"),
            ("rake this_is_a_very_long_task_name_that_goes_on_and_on", "this-is-a-very-long-task-name"),
            ("rake errbit:notice_fingerprinter:refingerprint", "errbit-notice-fingerprinter"),
            ("rake abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz0123"),
            ("rake ab-cdefghijklmnopqrstuvwxyz0123456789", "ab-cdefghijklmnopqrstuvwxyz012"),
            ("rake Ünïcode", "job-n-code"),
            ("Process_Data", "process-data"),
            (". bin/env.sh && bundle exec rake feeds:refresh", "feeds-refresh"),
            ("cd jobs && exec node nightly.js", "nightly"),
        ]
        for (command, expected) in rows {
            let name = AppTranslator.timerBaseName(for: command)
            XCTAssertEqual(name, expected, "row: \(command)")
            XCTAssertTrue(ServiceNaming.isValid(name), "row: \(command): \(name) is not a valid Convox name")
            XCTAssertLessThanOrEqual(name.count, AppTranslator.maximumTimerNameLength, "row: \(command)")
        }
    }

    func job(_ command: String, _ schedule: TimerSchedule, size: String? = nil, line: Int = 1) -> SchedulerJob {
        SchedulerJob(
            command: command, schedule: schedule, dynoSize: size, location: SourceLocation(file: "s", line: line))
    }

    func testTimersAndJobsService() {
        var heroku = HerokuApp(processTypes: [
            ProcessType(name: "web", command: "puma", location: SourceLocation(file: "Procfile", line: 1),
                commandLocation: SourceLocation(file: "Procfile", line: 1, column: 6)),
        ])
        heroku.schedulerJobs = [
            job("rake a", .everyMinutes(10)),
            job("rake a", .hourly(minute: 30), size: "Performance-M", line: 2),
            job("rake b ${LIMIT:-5}", .daily(hour: 17, minute: 30), size: "Nope", line: 3),
            job("rake c ${LIMIT:-6}", .daily(hour: 1, minute: 0), line: 4),
        ]
        var diagnostics = Diagnostics()
        let app = AppTranslator(options: ConversionOptions()).translate(heroku, into: &diagnostics)
        XCTAssertEqual(app.timers.map(\.name), ["a", "a-2", "b", "c"])
        XCTAssertEqual(app.timers.map(\.service), ["jobs", "jobs", "jobs", "jobs"])
        XCTAssertEqual(app.timers.map(\.concurrency), [.replace, .replace, .replace, .replace])
        let jobs = app.services.last
        XCTAssertEqual(jobs?.name, "jobs")
        XCTAssertEqual(jobs?.role, .jobs)
        XCTAssertEqual(jobs?.scale.count, 0)
        XCTAssertNil(jobs?.port)
        XCTAssertNil(jobs?.command)
        XCTAssertEqual(jobs?.environment.map(\.manifestEntry), ["LIMIT=5"])
        // build.no-language: this app has no runtime files, so no Dockerfile can be written for it; and no
        // health route either (service.default-health-check).
        XCTAssertEqual(diagnostics.sorted.map(\.id.rawValue), [
            "build.no-language", "service.default-health-check", "service.default-port", "timer.concurrency",
            "timer.jobs-service", "timer.dyno-size-too-large",
            "timer.renamed", "command.interpolation-default", "command.wrapped-in-shell", "timer.unknown-dyno-size",
            "command.interpolation-default", "command.wrapped-in-shell", "timer.environment-conflict",
        ])

        var generation2 = Diagnostics()
        let app2 = AppTranslator(options: ConversionOptions(generation: .two)).translate(heroku, into: &generation2)
        XCTAssertEqual(app2.timers.map(\.concurrency), [nil, nil, nil, nil])
    }

    func testNoJobsMeansNoJobsService() {
        var heroku = HerokuApp(processTypes: [])
        heroku.schedulerJobs = []
        var diagnostics = Diagnostics()
        let app = AppTranslator(options: ConversionOptions()).translate(heroku, into: &diagnostics)
        XCTAssertTrue(app.services.isEmpty)
        XCTAssertTrue(app.timers.isEmpty)
    }

    /// Suffixes never push a name past what Kubernetes takes for the CronJob `timer-<name>` (52 characters, so
    /// 46 for the name): a hundred jobs with one long name all fit.
    func testSuffixedTimerNamesFitKubernetes() {
        var heroku = HerokuApp(processTypes: [
            ProcessType(name: "web", command: "puma", location: SourceLocation(file: "Procfile", line: 1),
                commandLocation: SourceLocation(file: "Procfile", line: 1, column: 6)),
        ])
        heroku.schedulerJobs = (1...100).map {
            job("rake this_is_a_very_long_task_name_that_goes_on_and_on", .everyMinutes(10), line: $0)
        }
        var diagnostics = Diagnostics()
        let app = AppTranslator(options: ConversionOptions()).translate(heroku, into: &diagnostics)
        XCTAssertEqual(app.timers.count, 100)
        XCTAssertEqual(Set(app.timers.map(\.name)).count, 100)
        XCTAssertEqual(app.timers.last?.name, "this-is-a-very-long-task-name-100")
        for timer in app.timers { XCTAssertLessThanOrEqual(("timer-" + timer.name).count, 52, timer.name) }
    }
}
