"""translate benchmarks. Figures are medians of several runs; each is also printed as a ratio to the floor
(an empty Swift program linked with Foundation) measured in the same run, so numbers from different machines
can be compared. Wall time is what a pre-commit hook waits; CPU time (user + system) is also shown because it
moves less when other processes share the machine. Nothing here asserts a time: it only prints."""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
BUILD = os.path.join(ROOT, ".build-bench")
SECTIONS = ("golden", "corpus", "synthetic", "diff", "race")
# Flags that only convert takes; check gets the rest of a golden case's arguments.
CONVERT_ONLY = {"--dry-run", "--force", "--stdout", "--dump-ir"}


def measure(argv, cwd, runs, stdin_path=None):
    """Median wall and CPU seconds, max peak RSS (KiB) and exit status of `argv` over `runs` runs (wait4)."""
    walls, cpus, peaks, status = [], [], [], None
    for _ in range(runs):
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, raw_status, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss)
        status = os.waitstatus_to_exitcode(raw_status)
        if stdin_path:
            stdin.close()
    return statistics.median(walls), statistics.median(cpus), max(peaks), status


def load():
    return "load average %.2f %.2f %.2f on %d cores" % (os.getloadavg() + (os.cpu_count() or 0,))


def build(clean):
    if clean and os.path.isdir(BUILD):
        shutil.rmtree(BUILD)
    before = load()
    start = time.perf_counter()
    subprocess.run(["swift", "build", "-c", "release", "--scratch-path", BUILD, "--product", "translate"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    print(f"{'clean' if clean else 'incremental'} release build: {seconds:.1f} s "
          f"({before} before, {load()} after)")
    return os.path.join(BUILD, "release", "translate"), seconds


def build_floor():
    floor = os.path.join(BUILD, "floor")
    os.makedirs(BUILD, exist_ok=True)
    subprocess.run(["swiftc", "-O", os.path.join(ROOT, "bench", "floor.swift"), "-o", floor], check=True)
    return floor


def help_text(translate, subcommand):
    result = subprocess.run([translate, subcommand, "--help"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return result.stdout.decode() + result.stderr.decode() if result.returncode == 0 else ""


def write(path, text):
    with open(path, "w") as handle:
        handle.write(text)


def synthetic_app(directory, scale, convert_help):
    """Writes an app that uses every input: 10*scale process types (with formation entries), 100*scale config
    vars, 10*scale Scheduler jobs, 10*scale custom domains, add-ons, runtime files (Ruby) and an app.json of
    about 10 KiB*scale (1 MiB at 100x). Returns the extra convert arguments the binary supports."""
    os.makedirs(directory)
    types = 10 * scale
    names = ["web", "release"] + [f"worker_{index}" for index in range(1, types - 1)]
    lines = ["web: bundle exec puma -C config/puma.rb", "release: bundle exec rails db:migrate"]
    for index, name in enumerate(names[2:]):
        if index % 3 == 0:
            lines.append(f"{name}: QUEUE=q{index} bundle exec sidekiq -c ${{CONCURRENCY:-5}} -q q{index}")
        elif index % 3 == 1:
            lines.append(f"{name}: bundle exec rake jobs:work QUEUE=q{index} && echo done")
        else:
            lines.append(f"{name}: bin/worker --queue q{index}")
    write(os.path.join(directory, "Procfile"), "\n".join(lines) + "\n")
    write(os.path.join(directory, "Gemfile"),
          'source "https://rubygems.org"\n\nruby "3.3.4"\n\ngem "rails", "~> 7.1.3"\ngem "pg"\ngem "puma"\n'
          'gem "sidekiq"\n')
    write(os.path.join(directory, "Gemfile.lock"),
          "GEM\n  remote: https://rubygems.org/\n  specs:\n    pg (1.5.6)\n    puma (6.4.2)\n"
          "    rails (7.1.3.2)\n    sidekiq (7.2.4)\n\nPLATFORMS\n  x86_64-linux\n\nDEPENDENCIES\n  pg\n  puma\n"
          "  rails (~> 7.1.3)\n  sidekiq\n\nRUBY VERSION\n   ruby 3.3.4p94\n\nBUNDLED WITH\n   2.5.9\n")
    write(os.path.join(directory, "config.ru"), "run Rails.application\n")

    def env_entry(index, description):
        kind = index % 4
        if kind == 0:
            return {"description": description, "value": f"value-{index}"}
        if kind == 1:
            return {"description": description, "generator": "secret"}
        if kind == 2:
            return {"description": description, "required": False}
        return {"description": description, "value": f"https://service-{index}.example.com/path"}

    def manifest(description_length):
        return {
            "name": "synthetic", "description": "A synthetic app for benchmarks", "keywords": ["rails", "sidekiq"],
            "repository": "https://example.com/synthetic", "buildpacks": [{"url": "heroku/ruby"}],
            "scripts": {"postdeploy": "bundle exec rails db:seed"},
            "env": {f"SETTING_{index}": env_entry(index, "x" * description_length) for index in range(10 * scale)},
            "formation": {name: {"quantity": 1 + index % 3, "size": ("standard-1x", "standard-2x")[index % 2]}
                          for index, name in enumerate(names) if name != "release"},
            "addons": ["heroku-postgresql:standard-0", "heroku-redis:premium-0", "papertrail:choklad",
                       {"plan": "sendgrid:starter", "as": "MAILER"}],
            "environments": {"test": {"scripts": {"test": "bundle exec rspec"}}},
        }
    bare = len(json.dumps(manifest(0), indent=2))
    description_length = max(0, (10240 * scale - bare) // (10 * scale))
    write(os.path.join(directory, "app.json"), json.dumps(manifest(description_length), indent=2) + "\n")

    extra = []
    if "--config-vars" in convert_help:
        variables = {f"VAR_{index}": f"value {index}" for index in range(100 * scale - 4)}
        variables.update({"DATABASE_URL": "postgres://user:password@host:5432/db", "REDIS_URL": "redis://host:6379",
                          "SECRET_KEY_BASE": "0123456789abcdef" * 8, "SETTING_0": "from-config"})
        write(os.path.join(directory, "config.json"), json.dumps(variables, indent=1) + "\n")
        extra += ["--config-vars", "config.json"]
    if "--scheduler" in convert_help:
        frequencies = [{"frequency": "every_ten_minutes"}, {"frequency": "every_hour_at_30"},
                       {"frequency": "every_day_at_17:30"}, {"frequency": "every_day", "at": "6:00"}]
        jobs = [dict(frequencies[index % 4], command=f"bundle exec rake task_{index}",
                     dyno_size=("Standard-1X", "Basic")[index % 2]) for index in range(10 * scale)]
        write(os.path.join(directory, "scheduler.json"), json.dumps(jobs, indent=1) + "\n")
        extra += ["--scheduler", "scheduler.json"]
    if "--domains" in convert_help:
        write(os.path.join(directory, "domains.txt"),
              "".join(f"www{index}.synthetic.example\n" for index in range(10 * scale)))
        extra += ["--domains", "domains.txt"]
    if "--heroku-app" in convert_help:
        extra += ["--heroku-app", "synthetic-prod"]
    return extra


def golden_command(case):
    """The case's subcommand and remaining arguments (default `convert`)."""
    path = os.path.join(ROOT, "golden", case, "args")
    words = [line for line in open(path).read().split("\n") if line] if os.path.exists(path) else []
    return (words[0], words[1:]) if words else ("convert", [])


class Table:
    """Prints one line per measurement, each time also as a ratio to the floor."""

    def __init__(self, floor, runs, floor_binary):
        self.floor, self.runs, self.floor_binary = floor, runs, floor_binary

    def paired(self, argv, cwd, pairs=25):
        """Median wall time of `argv` and of the floor, run alternately so that load changes hit both alike."""
        ours, floors = [], []
        for _ in range(pairs):
            floors.append(measure([self.floor_binary], cwd, 1)[0])
            ours.append(measure(argv, cwd, 1)[0])
        return statistics.median(ours), statistics.median(floors)

    def header(self):
        print(f"{'input':<46} {'command':<8} {'wall ms':>8} {'x floor':>8} {'cpu ms':>7} {'MiB':>6} {'exit':>4}")

    def report(self, name, command, argv, cwd, stdin_path=None):
        wall, cpu, rss, status = measure(argv, cwd, self.runs, stdin_path)
        print(f"{name[:46]:<46} {command:<8} {wall * 1000:8.1f} {wall / self.floor:8.2f} {cpu * 1000:7.1f} "
              f"{rss / 1024:6.1f} {status:>4}")
        return wall, status


def run_golden(table, translate, scratch):
    table.header()
    for case in sorted(os.listdir(os.path.join(ROOT, "golden"))):
        source = os.path.join(ROOT, "golden", case, "input")
        if not os.path.isdir(source):
            continue
        command, arguments = golden_command(case)
        stdin = os.path.join(ROOT, "golden", case, "stdin")
        stdin = stdin if os.path.exists(stdin) else None
        app = os.path.join(scratch, "golden-" + case)
        shutil.copytree(source, app, symlinks=True)
        if command != "convert":
            table.report("golden/" + case, command, [translate, command] + arguments, app, stdin)
            continue
        table.report("golden/" + case, "convert", [translate, "convert", "--dry-run"] + arguments, app, stdin)
        if stdin is None and "--stdout" not in arguments and "--dump-ir" not in arguments:
            subprocess.run([translate, "convert", "--force"] + [word for word in arguments if word not in CONVERT_ONLY],
                           cwd=app, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            table.report("golden/" + case, "check",
                         [translate, "check"] + [word for word in arguments if word not in CONVERT_ONLY], app)


def run_corpus(table, translate, scratch):
    """Each corpus app: convert --dry-run, then (after writing the outputs) check, which should exit 0."""
    table.header()
    names = sorted(name for name in os.listdir(CORPUS) if os.path.isdir(os.path.join(CORPUS, name))) \
        if os.path.isdir(CORPUS) else []
    converts, checks, apps = [], [], []
    for name in names:
        app = os.path.join(scratch, "corpus-" + name)
        shutil.copytree(os.path.join(CORPUS, name), app, symlinks=True)
        subprocess.run(["chmod", "-R", "u+w", app], check=True)
        wall, status = table.report("corpus/" + name, "convert", [translate, "convert", "--dry-run"], app)
        converts.append(wall)
        apps.append((name, app, wall, status))
        subprocess.run([translate, "convert", "--force"], cwd=app, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        checks.append(table.report("corpus/" + name, "check", [translate, "check"], app)[0])
    if not names:
        print("no corpus found at " + CORPUS)
        return {}
    summary = {"corpus apps": len(names), "corpus convert total": sum(converts), "corpus check total": sum(checks),
               "corpus convert median": statistics.median(converts), "corpus check median": statistics.median(checks)}
    # The typical app: the median of the corpus apps that convert cleanly, measured again alternating with the floor.
    converted = sorted((entry for entry in apps if entry[3] == 0), key=lambda entry: entry[2])
    if converted:
        name, app, _, _ = converted[len(converted) // 2]
        wall, floor = table.paired([translate, "convert", "--dry-run"], app)
        summary["typical"] = (name, wall, floor)
    print(f"\nall {len(names)} corpus apps: convert --dry-run {sum(converts) * 1000:.0f} ms, "
          f"check {sum(checks) * 1000:.0f} ms in total; median app: convert "
          f"{summary['corpus convert median'] * 1000:.1f} ms ({summary['corpus convert median'] / table.floor:.2f}"
          f" x floor), check {summary['corpus check median'] * 1000:.1f} ms")
    return summary


def run_synthetic(table, translate, scratch, convert_help):
    table.header()
    summary, previous = {}, None
    for scale in (1, 10, 100):
        app = os.path.join(scratch, f"synthetic-{scale}x")
        extra = synthetic_app(app, scale, convert_help)
        size = os.path.getsize(os.path.join(app, "app.json"))
        summary[f"synthetic {scale}x input KiB"] = sum(
            os.path.getsize(os.path.join(app, name)) for name in os.listdir(app)) / 1024
        convert, _ = table.report(f"synthetic {scale}x (app.json {size // 1024} KiB)", "convert",
                                  [translate, "convert", "--dry-run"] + extra, app)
        subprocess.run([translate, "convert", "--force"] + extra, cwd=app, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        check, _ = table.report(f"synthetic {scale}x", "check", [translate, "check"] + extra, app)
        if previous:
            print(f"{'':<46} growth {scale // 10}x -> {scale}x: convert {convert / previous[0]:.1f}x, "
                  f"check {check / previous[1]:.1f}x time for 10x input (linear: 10x)")
        previous = (convert, check)
        summary[f"synthetic {scale}x convert"], summary[f"synthetic {scale}x check"] = convert, check
    return summary


def diff_manifest(directory, entries):
    """An app (one Procfile line) and a hand-written convox.yml whose top-level environment has `entries` entries
    (every tenth a required key, every fifth repeated in the service's own list), as `diff --against` reads it."""
    os.makedirs(directory)
    write(os.path.join(directory, "Procfile"), "web: bin/web\nworker: bin/worker\n")
    lines = ["environment:"]
    lines += [f"  - VAR_{index}" if index % 10 == 0 else f"  - VAR_{index}=value-{index}" for index in range(entries)]
    lines += ["services:", "  web:", "    build: .", "    command: bin/web", "    port: 3000", "    environment:"]
    lines += [f"      - VAR_{index}=override-{index}" for index in range(0, entries, 5)]
    lines += ["  worker:", "    build: .", "    command: bin/worker"]
    write(os.path.join(directory, "convox.hand.yml"), "\n".join(lines) + "\n")


def run_diff(table, translate, scratch):
    """`diff --against` a convox.yml with 4,000 and 40,000 environment entries, next to `lint` of the same file
    (which reads it without comparing): both should grow 10x for 10x entries."""
    table.header()
    summary, previous = {}, None
    for entries in (4000, 40000):
        app = os.path.join(scratch, f"diff-{entries}")
        diff_manifest(app, entries)
        diff, _ = table.report(f"convox.yml, {entries:,} environment entries", "diff",
                               [translate, "diff", "--against", "convox.hand.yml"], app)
        lint, _ = table.report(f"convox.yml, {entries:,} environment entries", "lint",
                               [translate, "lint", "convox.hand.yml"], app)
        if previous:
            print(f"{'':<46} growth 4,000 -> 40,000 entries: diff {diff / previous[0]:.1f}x, lint "
                  f"{lint / previous[1]:.1f}x time for 10x input (linear: 10x)")
        previous = (diff, lint)
        summary[f"diff {entries}"], summary[f"lint {entries}"] = diff, lint
    return summary


def run_race(table, translate, scratch, convert_help, summary):
    """The same sub-task done by a well-known tool when installed, next to translate doing it."""
    print("\nwell-known tools on the same sub-task (skipped when not installed):")
    table.header()
    table.report("python3 -c pass (interpreter start-up)", "python", [sys.executable, "-c", "pass"], scratch)
    procfile_app = os.path.join(scratch, "race-procfile")
    os.makedirs(procfile_app)
    shutil.copy(os.path.join(scratch, "synthetic-100x", "Procfile"), procfile_app)
    env_app = os.path.join(scratch, "race-env")
    os.makedirs(env_app)
    write(os.path.join(env_app, "Procfile"), "web: bin/web\n")
    write(os.path.join(env_app, "big.env"), "".join(f"VAR_{index}='value {index}'\n" for index in range(10000)))
    manifest = os.path.join(scratch, "synthetic-100x", "convox.yml")
    races = [
        ("Procfile, 1,000 types", "honcho", [sys.executable, "-m", "honcho", "-f", "Procfile", "check"],
         [translate, "convert", "--dry-run"], procfile_app),
        (".env, 10,000 vars", "dotenv", [sys.executable, "-c", "import dotenv; dotenv.dotenv_values('big.env')"],
         [translate, "convert", "--dry-run", "--config-vars", "big.env"] if "--config-vars" in convert_help else None,
         env_app),
        ("convox.yml, 1,000 services", "yaml",
         [sys.executable, "-c", f"import yaml; yaml.safe_load(open({manifest!r}))"],
         [translate, "lint", manifest] if help_text(translate, "lint") else None, scratch),
    ]
    for name, module, argv, ours, cwd in races:
        if ours:
            summary[f"race {name}"] = table.report(f"translate: {name}", ours[1], ours, cwd)[0]
        if subprocess.run([sys.executable, "-c", f"import {module}"], stderr=subprocess.DEVNULL).returncode != 0:
            print(f"{module}: {name}: skipped, python module {module} not installed (pip install {module})")
            continue
        table.report(f"{module}: {name}", "python", argv, cwd)


def main():
    parser = argparse.ArgumentParser(description="translate benchmarks (see README, Performance)")
    parser.add_argument("--clean-build", action="store_true", help="delete .build-bench and time a clean build")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (the median is shown)")
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated: " + ", ".join(SECTIONS))
    parser.add_argument("--translate", help="benchmark this binary instead of building one")
    parser.add_argument("--synthetic-app", metavar="DIR", help="only write the synthetic app into DIR (profiling)")
    parser.add_argument("--scale", type=int, default=100, help="size of --synthetic-app (default 100)")
    options = parser.parse_args()
    sections = [section for section in options.only.split(",") if section]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error("unknown section(s): " + ", ".join(sorted(unknown)))

    if options.synthetic_app:
        translate = options.translate or os.path.join(BUILD, "release", "translate")
        help_source = help_text(translate, "convert") if os.path.exists(translate) else "--config-vars --scheduler"
        extra = synthetic_app(options.synthetic_app, options.scale, help_source or "--config-vars --scheduler")
        print(" ".join(["convert"] + extra))
        return

    print(load())
    summary = {}
    if options.translate:
        translate = os.path.abspath(options.translate)
    else:
        translate, summary["build"] = build(options.clean_build)
        summary["build kind"] = "clean" if options.clean_build else "incremental"
    floor_binary = build_floor()
    convert_help = help_text(translate, "convert")
    floor_wall, floor_cpu, floor_rss, _ = measure([floor_binary], ROOT, options.runs * 4)
    print(f"floor (empty Swift program + Foundation): {floor_wall * 1000:.1f} ms wall, {floor_cpu * 1000:.1f} ms "
          f"cpu, {floor_rss / 1024:.1f} MiB\n")
    table = Table(floor_wall, options.runs, floor_binary)
    scratch = tempfile.mkdtemp(prefix="translate-bench-")
    try:
        if "golden" in sections:
            run_golden(table, translate, scratch)
            print()
        if "corpus" in sections:
            summary.update(run_corpus(table, translate, scratch))
            print()
        if "synthetic" in sections or "race" in sections:
            summary.update(run_synthetic(table, translate, scratch, convert_help))
        if "diff" in sections:
            print()
            summary.update(run_diff(table, translate, scratch))
        if "race" in sections:
            run_race(table, translate, scratch, convert_help, summary)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    floor_after = measure([floor_binary], ROOT, options.runs * 4)[0]
    print(f"\nfloor again at the end: {floor_after * 1000:.1f} ms; {load()}")
    print_summary(summary, floor_wall)


def print_summary(summary, floor):
    """The issue's targets next to the measured figures."""
    print("\ntargets (issues 9 and 17)")
    if "typical" in summary:
        name, wall, paired_floor = summary["typical"]
        print(f"  typical app ({name}, the median corpus app that converts; convert --dry-run run alternately "
              f"with the floor): {wall * 1000:.1f} ms vs floor {paired_floor * 1000:.1f} ms = "
              f"{wall / paired_floor:.2f} x floor (target <= 1.5 x)")
    if "synthetic 100x convert" in summary:
        big, mid = summary["synthetic 100x convert"], summary["synthetic 10x convert"]
        print(f"  synthetic 100x convert --dry-run: {big * 1000:.1f} ms (target < 50 ms); "
              f"check {summary['synthetic 100x check'] * 1000:.1f} ms; growth 10x -> 100x: {big / mid:.1f}x "
              f"(linear: 10x)")
    for name, target in (("Procfile, 1,000 types", 2), ("convox.yml, 1,000 services", 3), (".env, 10,000 vars", 3)):
        if f"race {name}" in summary:
            wall = summary[f"race {name}"]
            print(f"  {name}: {wall * 1000:.1f} ms = {wall / floor:.2f} x floor (target <= {target} x)")
    if "synthetic 100x convert" in summary:
        print(f"  synthetic 100x convert: target <= 40 ms; synthetic 100x input "
              f"{summary['synthetic 100x input KiB']:.0f} KiB (peak memory target: <= 3 x input + floor)")
    if "corpus check total" in summary:
        print(f"  all {summary['corpus apps']} corpus apps checked: {summary['corpus check total'] * 1000:.0f} ms "
              f"(target < 1 s)")
    if "diff 40000" in summary:
        print(f"  diff --against, 40,000 environment entries: {summary['diff 40000'] * 1000:.1f} ms, lint of the same "
              f"file {summary['lint 40000'] * 1000:.1f} ms (issue 13: diff was 35 s, lint 0.2 s)")
    if "build" in summary:
        print(f"  {summary['build kind']} release build: {summary['build']:.1f} s (target < 60 s clean, 2 cores)")


if __name__ == "__main__":
    main()
