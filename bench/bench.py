"""translate benchmarks. Figures are medians of several runs; each is also printed as a ratio to the floor
(an empty Swift program linked with Foundation) measured in the same run, so numbers from different machines
can be compared. Nothing here asserts a time: it only prints."""
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


def measure(argv, cwd, runs, stdin_path=None):
    """Median wall seconds and max peak RSS (KiB) of `argv` over `runs` runs, via wait4's per-child rusage."""
    walls, peaks, status = [], [], None
    for _ in range(runs):
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, raw_status, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss)
        status = os.waitstatus_to_exitcode(raw_status)
        if stdin_path:
            stdin.close()
    return statistics.median(walls), max(peaks), status


def build(clean):
    if clean and os.path.isdir(BUILD):
        shutil.rmtree(BUILD)
    start = time.perf_counter()
    subprocess.run(["swift", "build", "-c", "release", "--scratch-path", BUILD, "--product", "translate"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    floor = os.path.join(BUILD, "floor")
    subprocess.run(["swiftc", "-O", os.path.join(ROOT, "bench", "floor.swift"), "-o", floor], check=True)
    return os.path.join(BUILD, "release", "translate"), floor, seconds


def supports(translate, words):
    result = subprocess.run([translate] + words, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return result.returncode == 0, result.stdout.decode()


def synthetic_app(directory, scale, convert_help):
    """An app with 10*scale process types, 100*scale config vars, 10*scale scheduler jobs and ~10*scale KB app.json."""
    os.makedirs(directory)
    types = 10 * scale
    with open(os.path.join(directory, "Procfile"), "w") as procfile:
        procfile.write("web: bundle exec puma -p $PORT -C config/puma.rb\n")
        for index in range(1, types):
            procfile.write(f"worker_{index}: QUEUE=q{index} bundle exec sidekiq -c ${{CONCURRENCY:-5}} -q q{index}\n")
    env = {f"SETTING_{index}": {"description": "x" * 60, "value": f"value-{index}", "required": False}
           for index in range(10 * scale)}
    manifest = {"name": "synthetic", "env": env,
                "formation": {"web": {"quantity": 2, "size": "standard-2x"}},
                "addons": ["heroku-postgresql:standard-0", "heroku-redis:premium-0"]}
    with open(os.path.join(directory, "app.json"), "w") as handle:
        json.dump(manifest, handle, indent=2)
    extra = []
    if "--config-vars" in convert_help:
        with open(os.path.join(directory, "config.json"), "w") as handle:
            json.dump({f"VAR_{index}": f"value {index}" for index in range(100 * scale)}, handle, indent=1)
        extra += ["--config-vars", "config.json"]
    if "--scheduler" in convert_help:
        jobs = [{"command": f"bundle exec rake task_{index}", "frequency": "every_hour_at_30",
                 "dyno_size": "Standard-1X"} for index in range(10 * scale)]
        with open(os.path.join(directory, "scheduler.json"), "w") as handle:
            json.dump(jobs, handle)
        extra += ["--scheduler", "scheduler.json"]
    return extra


def golden_arguments(case):
    path = os.path.join(ROOT, "golden", case, "args")
    if not os.path.exists(path):
        return []
    words = [line for line in open(path).read().split("\n") if line]
    return words[1:] if words and words[0] == "convert" else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clean-build", action="store_true", help="time a clean release build too")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    translate, floor_binary, build_seconds = build(options.clean_build)
    _, convert_help = supports(translate, ["convert", "--help"])
    has_check, _ = supports(translate, ["check", "--help"])
    floor, floor_rss, _ = measure([floor_binary], ROOT, options.runs * 2)
    label = "clean release build" if options.clean_build else "incremental release build"
    print(f"{label}: {build_seconds:.1f} s")
    print(f"floor (empty Swift program + Foundation): {floor * 1000:.1f} ms, {floor_rss / 1024:.1f} MiB\n")
    print(f"{'input':<44} {'command':<8} {'ms':>8} {'x floor':>8} {'MiB':>7} {'exit':>5}")

    def report(name, command, argv, cwd):
        wall, rss, status = measure(argv, cwd, options.runs)
        print(f"{name:<44} {command:<8} {wall * 1000:8.1f} {wall / floor:8.2f} {rss / 1024:7.1f} {status:>5}")
        return wall

    scratch = tempfile.mkdtemp(prefix="translate-bench-")
    try:
        totals = {"convert": 0.0, "check": 0.0}
        for case in sorted(os.listdir(os.path.join(ROOT, "golden"))):
            arguments = golden_arguments(case)
            source = os.path.join(ROOT, "golden", case, "input")
            if arguments is None or not os.path.isdir(source):
                continue
            app = os.path.join(scratch, "golden-" + case)
            shutil.copytree(source, app)
            report("golden/" + case, "convert", [translate, "convert", "--dry-run"] + arguments, app)
        print()
        corpus_apps = sorted(os.listdir(CORPUS)) if os.path.isdir(CORPUS) else []
        for name in corpus_apps:
            if not os.path.isdir(os.path.join(CORPUS, name)):
                continue
            app = os.path.join(scratch, "corpus-" + name)
            shutil.copytree(os.path.join(CORPUS, name), app)
            totals["convert"] += report("corpus/" + name, "convert", [translate, "convert", "--dry-run"], app)
            if has_check:
                totals["check"] += report("corpus/" + name, "check", [translate, "check"], app)
        print(f"\nall {len(corpus_apps)} corpus apps: convert --dry-run {totals['convert'] * 1000:.0f} ms"
              + (f", check {totals['check'] * 1000:.0f} ms" if has_check else ", check not available"))
        print()
        previous = None
        for scale in (1, 10, 100):
            app = os.path.join(scratch, f"synthetic-{scale}x")
            extra = synthetic_app(app, scale, convert_help)
            wall = report(f"synthetic {scale}x", "convert", [translate, "convert", "--dry-run"] + extra, app)
            subprocess.run([translate, "convert", "--force"] + extra, cwd=app, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            if has_check:
                report(f"synthetic {scale}x", "check", [translate, "check"] + extra, app)
            if previous:
                print(f"{'':<44} growth {scale // 10}x -> {scale}x: {wall / previous:.1f}x time for 10x input")
            previous = wall
        race(scratch, options.runs)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def race(scratch, runs):
    """The same sub-task done by a well-known tool, when installed."""
    print("\nwell-known tools on the same sub-task (skipped when not installed):")
    big_procfile = os.path.join(scratch, "synthetic-100x", "Procfile")
    candidates = [
        ("honcho check (Procfile, 100x)", "honcho", [sys.executable, "-m", "honcho", "-f", big_procfile, "check"]),
        ("python-dotenv (10,000 vars)", "dotenv", None),
        ("PyYAML (read a 1,000-service convox.yml)", "yaml", None),
    ]
    env_file = os.path.join(scratch, "big.env")
    with open(env_file, "w") as handle:
        for index in range(10000):
            handle.write(f"VAR_{index}='value {index}'\n")
    manifest = os.path.join(scratch, "synthetic-100x", "convox.yml")
    for name, module, argv in candidates:
        if subprocess.run([sys.executable, "-c", f"import {module}"], stderr=subprocess.DEVNULL).returncode != 0:
            print(f"  {name}: skipped, python module {module} not installed")
            continue
        if module == "dotenv":
            argv = [sys.executable, "-c", f"import dotenv; dotenv.dotenv_values({env_file!r})"]
        if module == "yaml":
            if not os.path.exists(manifest):
                print(f"  {name}: skipped, no generated convox.yml")
                continue
            argv = [sys.executable, "-c", f"import yaml; yaml.safe_load(open({manifest!r}))"]
        wall, rss, status = measure(argv, scratch, runs)
        print(f"  {name}: {wall * 1000:.1f} ms, {rss / 1024:.1f} MiB, exit {status}")


if __name__ == "__main__":
    main()
