#!/usr/bin/env python3
"""The run after each job: first load and next run of a generated project, against two peers.

Usage: benchmarks/ingest/steady.py [--nodes N] [--rounds R] [--bin PATH] [--before PATH]

For a project of N executable nodes (default 10,000; generate.py) and its next run (next_run.py:
same manifest with a new invocation and 5 edited models, a new `dbt build` run_results), each
round runs, for each side in turn (alternating, so load on the shared machine hits all alike):
a first load into an empty database, then the next run into that same database. Sides:

- swift: `dbt-metadata ingest` (the release binary);
- mirror: peers/ingest_baseline.py, json + sqlite3 storing the same rows as the store (content
  hashes, shared definitions, manifest versions, applied state);
- ordinary: peers/ingest_ordinary.py, orjson + executemany, one row per node per run and no
  hashing: what a user would write;
- before (with --before PATH): another dbt-metadata binary, e.g. a build of an older commit,
  measured in the same rounds.

Each ingest is its own process; wall time (monotonic) and CPU time (user + system of the
child) are recorded, and the table shows the lowest of the rounds for each. Ratios are the
peer's time over Swift's.
"""
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
    options = parser.parse_args()
    data = os.path.join(ROOT, ".build-bench", "data")
    first = os.path.join(data, "gen-%d" % options.nodes)
    following = first + "-next"
    if not os.path.exists(os.path.join(first, "manifest.json")):
        subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks/ingest/generate.py"),
                        str(options.nodes), first], check=True)
    if not os.path.exists(os.path.join(following, "manifest.json")):
        subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks/ingest/next_run.py"), first,
                        following], check=True)
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
    best = {}
    for round_number in range(options.rounds):
        for side in sides:
            database = os.path.join(work, side + ".sqlite")
            remove_database(database)
            for phase, folder in (("first", first), ("next", following)):
                wall, cpu = run(command(side, database, folder))
                key = (side, phase)
                old = best.get(key, (float("inf"), float("inf")))
                best[key] = (min(old[0], wall), min(old[1], cpu))
                print("round %d %-8s %-5s wall %6.2f s cpu %6.2f s" % (round_number + 1, side, phase, wall, cpu),
                      file=sys.stderr, flush=True)
            size = os.path.getsize(database) + (os.path.getsize(database + "-wal")
                                                if os.path.exists(database + "-wal") else 0)
            best[(side, "size")] = size
    print("| side | first load wall s | cpu s | next run wall s | cpu s | database after both MB |")
    print("|---|---|---|---|---|---|")
    for side in sides:
        fw, fc = best[(side, "first")]
        nw, nc = best[(side, "next")]
        print("| %s | %.2f | %.2f | %.2f | %.2f | %.1f |" % (side, fw, fc, nw, nc, best[(side, "size")] / 1e6))
    print()
    print("| ratio (peer / swift) | first load wall | first load cpu | next run wall | next run cpu |")
    print("|---|---|---|---|---|")
    sw = best[("swift", "first")], best[("swift", "next")]
    for side in sides[1:]:
        f, n = best[(side, "first")], best[(side, "next")]
        print("| %s | %.2fx | %.2fx | %.2fx | %.2fx |" % (side, f[0] / sw[0][0], f[1] / sw[0][1],
                                                        n[0] / sw[1][0], n[1] / sw[1][1]))
    print("\nlowest of %d rounds; load %s" % (options.rounds, open("/proc/loadavg").read().split()[:3]))


if __name__ == "__main__":
    main()
