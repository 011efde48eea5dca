#!/usr/bin/env python3
"""The run after each job: first load and next run of a generated project, against two peers.

Usage: benchmarks/ingest/steady.py [--nodes N] [--rounds R] [--bin PATH] [--before PATH]
                                   [--partial-parse] [--wait-idle SECONDS]

For a project of N executable nodes (default 10,000; generate.py) and its next run (next_run.py:
same manifest with a new invocation and 5 edited models, a new `dbt build` run_results), each
round runs, for each side in turn (alternating, so load on the shared machine hits all alike):
a first load into an empty database, then the next run into that same database. Sides:

- swift: `dbt-metadata ingest` (the release binary, built as the README's: `swift build -c release
  --static-swift-stdlib --product dbt-metadata`);
- mirror: peers/ingest_baseline.py, json + sqlite3 storing the same rows as the store (content
  hashes, shared definitions, manifest versions, applied state);
- ordinary: peers/ingest_ordinary.py, orjson + executemany, one row per node per run and no
  hashing: what a user would write;
- before (with --before PATH): another dbt-metadata binary, e.g. a build of an older commit,
  measured in the same rounds.

Each ingest is its own process; wall time (monotonic) and CPU time (user + system of the
child) are recorded. The order of the sides alternates between rounds (rotated every round,
reversed every other round). Ratios (the peer's time over Swift's) are taken within each
round; the tables give the median over the rounds with the lowest and highest, beside the
median absolute times (lowest-highest). The load average is printed at each round.

The next run moves every definition's created_at, as dbt's full parse does (next_run.py);
`--partial-parse` keeps them (a partial parse), in its own data folder.

On a machine shared with other work, `--wait-idle S` waits before each round (at most S
seconds) until the CPUs were at least 85% idle over one second, and every round prints the
CPUs' idle share while it ran: the Swift side runs several threads and the peers one, so
other load takes more from Swift's wall time than from theirs. Alone, the rounds leave
about 40% idle on two cores (the peers use one); much less means other work ran too.
"""
import statistics
import argparse
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def run(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def remove_database(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "dbt-metadata"))
    parser.add_argument("--before")
    parser.add_argument("--partial-parse", action="store_true")
    parser.add_argument("--wait-idle", type=float, default=0)
    options = parser.parse_args()
    data = os.path.join(ROOT, ".build-bench", "data")
    first = os.path.join(data, "gen-%d" % options.nodes)
    following = first + ("-next-partial" if options.partial_parse else "-next-full-parse")
    if not os.path.exists(os.path.join(first, "manifest.json")):
        subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks/ingest/generate.py"),
                        str(options.nodes), first], check=True)
    if not os.path.exists(os.path.join(following, "manifest.json")):
        subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks/ingest/next_run.py"), first,
                        following] + (["--partial-parse"] if options.partial_parse else []), check=True)
    work = os.path.join(ROOT, ".build-bench", "steady")
    os.makedirs(work, exist_ok=True)

    def command(side, database, folder):
        manifest = os.path.join(folder, "manifest.json")
        results = os.path.join(folder, "run_results.json")
        if side in ("swift", "before"):
            return [options.bin if side == "swift" else options.before, "ingest", "--db", database, "--account", "1", "--project", "1",
                    "--environment", "1", "--job", "1", "--manifest", manifest, "--run-results", results]
        script = {"mirror": "ingest_baseline.py", "ordinary": "ingest_ordinary.py"}[side]
        return [sys.executable, os.path.join(ROOT, "benchmarks/peers", script), "--db", database,
                "--manifest", manifest, "--run-results", results]

    sides = ("swift", "mirror", "ordinary") + (("before",) if options.before else ())
    times = {}  # (side, phase) -> [(wall, cpu) per round]
    sizes = {}
    loads = [load()]
    idles = []
    print("load at start %s" % loads[0], file=sys.stderr, flush=True)
    for round_number in range(options.rounds):
        shift = round_number % len(sides)
        order = list(sides[shift:] + sides[:shift])
        if round_number % 2 == 1:
            order.reverse()
        if options.wait_idle > 0:
            waited, share = wait_idle(options.wait_idle)
            print("round %d: waited %.0f s (CPUs %.0f%% idle)" % (round_number + 1, waited, share * 100),
                  file=sys.stderr, flush=True)
        round_start = cpu_times()
        for side in order:
            database = os.path.join(work, side + ".sqlite")
            remove_database(database)
            for phase, folder in (("first", first), ("next", following)):
                wall, cpu = run(command(side, database, folder))
                times.setdefault((side, phase), []).append((wall, cpu))
                print("round %d %-8s %-5s wall %6.2f s cpu %6.2f s" % (round_number + 1, side, phase, wall, cpu),
                      file=sys.stderr, flush=True)
            sizes[side] = os.path.getsize(database) + (os.path.getsize(database + "-wal")
                                                       if os.path.exists(database + "-wal") else 0)
        loads.append(load())
        idles.append(idle_share(round_start, cpu_times()))
        print("round %d done, load %s, CPUs %.0f%% idle during it" % (round_number + 1, loads[-1], idles[-1] * 100),
              file=sys.stderr, flush=True)

    def spread(values, digits=2, suffix=""):
        form = "%%.%df%s" % (digits, suffix)
        return (form + " (" + form + "-" + form + ")") % (statistics.median(values), min(values), max(values))

    print("| side | first load wall s | first load cpu s | next run wall s | next run cpu s | database after both MB |")
    print("|---|---|---|---|---|---|")
    for side in sides:
        f, n = times[(side, "first")], times[(side, "next")]
        print("| %s | %s | %s | %s | %s | %.1f |" % (
            side, spread([t[0] for t in f]), spread([t[1] for t in f]), spread([t[0] for t in n]),
            spread([t[1] for t in n]), sizes[side] / 1e6))
    print()
    print("| peer / swift (within a round) | first load wall | first load cpu | next run wall | next run cpu |")
    print("|---|---|---|---|---|")
    for side in sides[1:]:
        cells = []
        for phase in ("first", "next"):
            mine, theirs = times[("swift", phase)], times[(side, phase)]
            for column in (0, 1):
                cells.append(spread([t[column] / m[column] for t, m in zip(theirs, mine)], suffix="x"))
        print("| %s | %s |" % (side, " | ".join(cells)))
    print("\nmedian (lowest-highest) of %d rounds; load average (1, 5, 15 min) at the start and after each round: %s;"
          " CPUs idle during each round: %s"
          % (options.rounds, "; ".join(" ".join(l) for l in loads), ", ".join("%.0f%%" % (i * 100) for i in idles)))


def cpu_times():
    with open("/proc/stat") as handle:
        fields = [int(x) for x in handle.readline().split()[1:]]
    return sum(fields), fields[3] + fields[4]  # all, idle + iowait


def idle_share(before, after):
    return (after[1] - before[1]) / max(1, after[0] - before[0])


def wait_idle(limit):
    """Waits until the CPUs were at least 85% idle over one second, or `limit` seconds."""
    started = time.monotonic()
    while True:
        before = cpu_times()
        time.sleep(1)
        share = idle_share(before, cpu_times())
        if share >= 0.85 or time.monotonic() - started >= limit:
            return time.monotonic() - started, share


def load():
    with open("/proc/loadavg") as handle:
        return handle.read().split()[:3]


if __name__ == "__main__":
    main()
