extension DiagnosticID {
    static let timerJobsService: DiagnosticID = "timer.jobs-service"
    static let timerConcurrency: DiagnosticID = "timer.concurrency"
    static let timerRenamed: DiagnosticID = "timer.renamed"
    static let timerDynoSizeTooLarge: DiagnosticID = "timer.dyno-size-too-large"
    static let timerUnknownDynoSize: DiagnosticID = "timer.unknown-dyno-size"
    static let timerEnvironmentConflict: DiagnosticID = "timer.environment-conflict"
}

/// Heroku Scheduler jobs become Convox timers. Every timer runs on one scale-0 `jobs` service built from the
/// app's image (Convox's documented pattern), because a timer takes its image, environment, resources and memory
/// from the service it names.
extension AppTranslator {
    /// Memory the jobs service gets: Convox's default `scale.memory`, which is also a Standard-1X dyno's RAM.
    /// Raising it would reserve that much for every timer run, so bigger jobs get a warning instead.
    public static let jobsServiceMemory = 512

    /// Longest name derived from a command, so `timer-<name>` stays well inside Kubernetes' 52-character limit
    /// for CronJob names even with a `-N` suffix.
    public static let maximumTimerNameLength = 30

    /// Words that start a command but say nothing about what the job does (`bundle exec rake x` is about `x`).
    static let launcherWords: Set<String> = [
        "bundle", "exec", "rails", "rake", "ruby", "runner", "python", "python3", "manage.py", "-m", "node", "npm",
        "npx", "yarn", "pnpm", "run", "run-script", "php", "artisan", "sh", "bash", "-c", "env", "poetry",
        "pipenv", "uv", "java", "-jar", "go", "heroku", "timeout",
    ]

    /// Script file extensions dropped from a name (`scripts/cleanup.js` gives `cleanup`).
    static let scriptExtensions: Set<String> = ["py", "rb", "js", "mjs", "cjs", "ts", "sh", "php", "pl", "jar"]

    /// Adds one timer per job and the service they run on; `app.services` must already hold the Procfile's.
    public func addTimers(from jobs: [SchedulerJob]?, to app: inout AppIR, into diagnostics: inout Diagnostics) {
        guard let jobs, let first = jobs.first else { return }
        let fileLocation = SourceLocation(file: first.location.file)
        var jobsService = Service(
            name: jobsServiceName(avoiding: app.services.map(\.name)), role: .jobs,
            scale: Scale(count: 0), location: fileLocation)
        for service in app.services {
            for link in service.resources where !jobsService.resources.contains(link) {
                jobsService.resources.append(link)
            }
        }
        diagnostics.note(
            .timerJobsService,
            "Scheduler jobs run on the new scale-0 service \"\(jobsService.name)\", built from the app's image "
                + "with the app's environment and resources, as Convox recommends for timers",
            at: fileLocation, hint: "run a job by hand with `convox run \(jobsService.name) <command>`")
        if options.generation == .three {
            diagnostics.note(
                .timerConcurrency,
                "Heroku runs Scheduler jobs best-effort and stops one after about its interval; the timers get "
                    + "`concurrency: Replace`, so a run still going when the next one is due is stopped as well",
                at: fileLocation,
                hint: "use `concurrency: Forbid` instead to let a long run finish and skip the next one")
        } else {
            diagnostics.note(
                .timerConcurrency,
                "Heroku runs Scheduler jobs best-effort and stops one after about its interval; generation 2 "
                    + "timers are never stopped, so a slow run can overlap the next one",
                at: fileLocation, hint: "make each job safe to overlap, or bound it (e.g. `timeout 600 <command>`)")
        }
        var names: Set<String> = []
        // The next `-N` to try per base name: 100,000 jobs sharing a name must not rescan -2, -3, ... each time.
        var nextSuffix: [String: Int] = [:]
        for job in jobs {
            let what = "Scheduler job \"\(job.command)\""
            let commandLocation = job.commandLocation ?? job.location
            let translated = CommandTranslation.translate(
                job.command, at: commandLocation, what: what, options: options, launcher: launcher,
                into: &diagnostics)
            addEnvironment(translated.environmentDefaults, to: &jobsService, what: what, into: &diagnostics)
            let name = timerName(for: job, taken: names, nextSuffix: &nextSuffix, into: &diagnostics)
            names.insert(name)
            checkDynoSize(of: job, against: jobsService, what: what, into: &diagnostics)
            app.timers.append(Timer(
                name: name, schedule: job.schedule, command: translated.command, service: jobsService.name,
                dynoSize: job.dynoSize, location: job.location,
                concurrency: options.generation == .three ? .replace : nil))
        }
        app.services.append(jobsService)
    }

    /// `jobs`, unless a process type already took it.
    func jobsServiceName(avoiding taken: [String]) -> String {
        if !taken.contains("jobs") { return "jobs" }
        var candidate = "scheduler-jobs"
        var number = 2
        while taken.contains(candidate) {
            candidate = "scheduler-jobs-\(number)"
            number += 1
        }
        return candidate
    }

    /// A unique Convox name from what the command runs: `bundle exec rake cleanup:sessions` gives
    /// `cleanup-sessions`; a clash gets `-2`, `-3`, ... and a note.
    func timerName(
        for job: SchedulerJob, taken: Set<String>, nextSuffix: inout [String: Int], into diagnostics: inout Diagnostics
    ) -> String {
        let base = Self.timerBaseName(for: job.command)
        guard taken.contains(base) else { return base }
        // Names are only ever added, so every suffix below the one handed out last is still taken.
        var number = nextSuffix[base] ?? 2
        while taken.contains("\(base)-\(number)") { number += 1 }
        nextSuffix[base] = number + 1
        let name = "\(base)-\(number)"
        diagnostics.note(
            .timerRenamed,
            "Scheduler job \"\(job.command)\" would be named \"\(base)\" like an earlier job, so its timer is "
                + "\"\(name)\"",
            at: job.location, hint: "rename the timer in convox.yml if you prefer another name")
        return name
    }

    /// The first word of the command that says what it does, as a valid Convox name (`^[a-z][a-z0-9-]*$`).
    /// A plain subcommand right after it is kept too (`bin/tootctl cache clear` gives `tootctl-cache`), unless
    /// the word is already a namespaced task (`rake mastodon:feeds:refresh`).
    public static func timerBaseName(for command: String) -> String {
        // ASCII words answer `contains` byte by byte, without Foundation's `range(of:)` (20 K instructions each).
        let isASCII = command.utf8.allSatisfy { $0 < 0x80 }
        func has(_ word: String, _ character: Character) -> Bool {
            isASCII ? word.utf8.contains(character.asciiValue!) : word.contains(String(character))
        }
        let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { word -> String in
            if isASCII, !word.utf8.contains(where: { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") }) {
                return String(word)
            }
            return word.filter { $0 != "'" && $0 != "\"" }
        }
        var skipsNext = false
        for (index, word) in words.enumerated() {
            // `. bin/env.sh && rake x`, `cd app && rake x`: the file or folder says nothing about the job.
            if skipsNext { skipsNext = false; continue }
            if [".", "source", "cd"].contains(word) { skipsNext = true; continue }
            if word.hasPrefix("-") || has(word, "=") && !has(word, "/") { continue }
            let base = word.split(separator: "/").last.map(String.init) ?? ""
            if !base.contains(where: { $0.isLetter || $0.isNumber }) || launcherWords.contains(base.lowercased()) {
                continue
            }
            var stem = base
            if let dot = stem.lastIndex(of: "."), dot != stem.startIndex,
                scriptExtensions.contains(String(stem[stem.index(after: dot)...]))
            {
                stem = String(stem[..<dot])
            }
            if !has(stem, ":"), index + 1 < words.count, isPlainWord(words[index + 1]) {
                stem += "-" + words[index + 1]
            }
            guard var name = ServiceNaming.normalize(stem) else { continue }
            if name.hasPrefix("p-") && !stem.lowercased().hasPrefix("p") { name = "job-" + name.dropFirst(2) }
            while name.hasSuffix("-") { name.removeLast() }
            if name.count > maximumTimerNameLength {
                // Cut at the last whole word that fits (`errbit-notice-fingerprinter`, not `...-re`).
                let cut = name.prefix(maximumTimerNameLength + 1)
                if let dash = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: dash) >= 10 {
                    name = String(cut[..<dash])
                } else {
                    name = String(name.prefix(maximumTimerNameLength))
                }
                while name.hasSuffix("-") { name.removeLast() }
            }
            return name
        }
        return "job"
    }

    /// A subcommand such as `cache` or `weekly`: a letter, then letters, digits, `_` or `-`.
    static func isPlainWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return word.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
        }
    }

    /// `${X:-d}` in a job's command becomes an environment default on the jobs service (timers use its
    /// environment); two jobs that want different defaults for one name get a warning.
    func addEnvironment(
        _ defaults: [EnvironmentDeclaration], to service: inout Service, what: String,
        into diagnostics: inout Diagnostics
    ) {
        for declaration in defaults {
            guard let existing = service.environment.first(where: { $0.key == declaration.key }) else {
                service.environment.append(declaration)
                continue
            }
            if existing.defaultValue != declaration.defaultValue {
                diagnostics.warning(
                    .timerEnvironmentConflict,
                    "\(what) wants the default \(declaration.key)=\(declaration.defaultValue ?? "") but an earlier "
                        + "job set \(declaration.key)=\(existing.defaultValue ?? ""); the first one is kept",
                    at: declaration.origin,
                    hint: "set \(declaration.key) with `convox env set`, or make the commands agree")
            }
        }
    }

    /// A timer runs with its service's memory (a hard limit on generation 3), so a job that had a bigger dyno
    /// on Heroku may run out of memory.
    func checkDynoSize(
        of job: SchedulerJob, against service: Service, what: String, into diagnostics: inout Diagnostics
    ) {
        guard let written = job.dynoSize else { return }
        let location = job.dynoSizeLocation ?? job.location
        let memory = service.scale.memory ?? Self.jobsServiceMemory
        guard let size = DynoSize.named(written) else {
            diagnostics.warning(
                .timerUnknownDynoSize,
                "\(what) has dyno size \"\(written)\", which is not a Heroku dyno size translate knows; its timer "
                    + "runs with the \(memory) MB of service \"\(service.name)\"",
                at: location, hint: "check the size's spelling (Standard-1X, Standard-2X, Performance-M, ...)")
            return
        }
        guard size.memory > memory else { return }
        diagnostics.warning(
            .timerDynoSizeTooLarge,
            "\(what) ran on \(written) dynos (\(size.memory) MB) but its timer runs on service \"\(service.name)\" "
                + "with \(memory) MB, so it may run out of memory",
            at: location,
            hint: "raise `scale.memory` of \"\(service.name)\" to \(size.memory) (every timer then reserves it), or "
                + "add a scale-0 service with that memory and point this timer's `service` at it")
    }
}
