#!/usr/bin/env python3
"""Crash test for `dbt-metadata ingest`: SIGKILL at random moments, then check the database.

Usage: benchmarks/ingest/crash.py [--kills N] [--nodes N] [--seed N] [--bin PATH]

Generates a project with benchmarks/ingest/generate.py (default 10,000 executable nodes: a
48 MB manifest and its `dbt build` run_results), measures one full ingest, then repeats until
N kills (default 60) have landed while the ingest was still running:

1. start from one of two databases, alternating: no file (a first load: every
   definition, lineage edge and JSON text is written) or a copy of a database that already
   holds the project's run for job 1 (the next run, ingested for job 2: executions and
   applied state only);
2. start `dbt-metadata ingest` and SIGKILL it after a random delay, uniform between 0 and
   1.2 times the wall time of one whole ingest of that kind (measured first) (kills that land after the process exited are
   counted apart and not toward N);
3. open the database as the next user would (Python's sqlite3, which replays the WAL) and
   require: `PRAGMA integrity_check` is "ok"; `PRAGMA foreign_key_check` finds nothing; every
   run is complete (its artifacts, its executions, its manifest version's members all
   present) or absent: never a partial run;
4. run the same ingest again: it must succeed and leave the expected runs, complete, and no
   staging file of a killed first load beside the database (a first load builds the new
   file beside its path and links it into place); then once more: it must report the run
   unchanged.

Prints one line per kill and a summary; exits 1 on the first violation, naming it.
Needs: python3, a release build (default .build/release/dbt-metadata; build it with
`swift build -c release --product dbt-metadata`). Scratch files go to .build-bench/crash/.
"""
import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


def ingest_args(binary, database, job, data):
    return [binary, "ingest", "--db", database, "--account", "1", "--project", "1",
            "--environment", "1", "--job", str(job),
            "--manifest", os.path.join(data, "manifest.json"),
            "--run-results", os.path.join(data, "run_results.json")]


def remove_database(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def check(database, expected_runs, nodes, results):
    """The state a user finds after a crash: consistent, and only complete runs."""
    if not os.path.exists(database):
        return []
    connection = sqlite3.connect(database)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            fail("integrity_check: %r" % integrity[:5])
        foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
        if foreign:
            fail("foreign_key_check: %r" % foreign[:5])
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table'")}
        if "run" not in tables:
            # Killed before the schema's transaction committed: an empty database.
            if tables:
                fail("tables without the run table: %r" % sorted(tables))
            return []
        runs = connection.execute(
            "SELECT run.id, run.job_id, manifest_version.node_count, "
            "(SELECT count(*) FROM manifest_member WHERE manifest_version_id = manifest_version.id), "
            "(SELECT count(*) FROM artifact WHERE run_id = run.id), "
            "(SELECT count(*) FROM execution WHERE run_id = run.id) "
            "FROM run JOIN manifest_version ON manifest_version.id = run.manifest_version_id "
            "ORDER BY run.id").fetchall()
        all_runs = connection.execute("SELECT count(*) FROM run").fetchone()[0]
        if all_runs != len(runs):
            fail("a run without its manifest version")
        for run_id, job, node_count, members, artifacts, executions in runs:
            if node_count != nodes or members != nodes:
                fail("run %d (job %d): manifest version of %d nodes has %d members, expected %d"
                     % (run_id, job, node_count, members, nodes))
            if artifacts != 2:
                fail("run %d (job %d): %d artifacts, expected 2 (manifest, run_results)"
                     % (run_id, job, artifacts))
            if executions != results:
                fail("run %d (job %d): %d executions, expected %d" % (run_id, job, executions, results))
        jobs = [job for _, job, *_ in runs]
        if jobs not in expected_runs:
            fail("runs of jobs %r, expected one of %r" % (jobs, expected_runs))
        return jobs
    finally:
        connection.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=60)
    parser.add_argument("--nodes", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "dbt-metadata"))
    options = parser.parse_args()
    if not os.access(options.bin, os.X_OK):
        fail("%s: no binary; run `swift build -c release --product dbt-metadata`" % options.bin)
    rng = random.Random(options.seed)

    work = os.path.join(ROOT, ".build-bench", "crash")
    data = os.path.join(ROOT, ".build-bench", "data", "gen-%d" % options.nodes)
    os.makedirs(work, exist_ok=True)
    if not os.path.exists(os.path.join(data, "manifest.json")):
        print("generating %d nodes..." % options.nodes, flush=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks", "ingest", "generate.py"),
                        str(options.nodes), data], check=True)
    import json
    with open(os.path.join(data, "manifest.json")) as handle:
        manifest = json.load(handle)
    nodes = sum(len(manifest.get(key) or {}) for key in (
        "nodes", "sources", "exposures", "metrics", "macros", "docs", "semantic_models",
        "saved_queries", "unit_tests", "groups", "functions"))
    with open(os.path.join(data, "run_results.json")) as handle:
        results = len(json.load(handle)["results"])
    del manifest

    # The baseline database (job 1 ingested) and the time of one full first load.
    baseline = os.path.join(work, "baseline.sqlite")
    remove_database(baseline)
    started = time.monotonic()
    subprocess.run(ingest_args(options.bin, baseline, 1, data), check=True, stdout=subprocess.DEVNULL)
    full = time.monotonic() - started
    check(baseline, [[1]], nodes, results)
    probe = os.path.join(work, "probe.sqlite")
    remove_database(probe)
    shutil.copyfile(baseline, probe)
    started = time.monotonic()
    subprocess.run(ingest_args(options.bin, probe, 2, data), check=True, stdout=subprocess.DEVNULL)
    full_next = time.monotonic() - started
    remove_database(probe)
    print("project: %d definitions, %d results; one first load: %.2f s, one next run: %.2f s"
          % (nodes, results, full, full_next), flush=True)

    database = os.path.join(work, "crash.sqlite")
    landed = finished_first = iteration = 0
    outcomes = {}
    while landed < options.kills:
        iteration += 1
        next_run = iteration % 2 == 0
        remove_database(database)
        if next_run:
            shutil.copyfile(baseline, database)
            job, before, after = 2, [1], [1, 2]
        else:
            job, before, after = 1, [], [1]
        length = full_next if next_run else full
        delay = rng.uniform(0, 1.2 * length)
        process = subprocess.Popen(ingest_args(options.bin, database, job, data),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(delay)
        if process.poll() is not None:
            finished_first += 1
            process.wait()
            state = check(database, [after], nodes, results)
            print("%3d  %-9s delay %.3f s: finished before the kill (exit %d)"
                  % (iteration, "next run" if next_run else "first", delay, process.returncode),
                  flush=True)
            continue
        process.send_signal(signal.SIGKILL)
        process.wait()
        landed += 1
        state = check(database, [before, after], nodes, results)
        outcome = "committed" if state == after else "rolled back"
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        # The same ingest again: succeeds, and the run is complete.
        again = subprocess.run(ingest_args(options.bin, database, job, data),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if again.returncode != 0:
            fail("re-ingest after kill %d exited %d: %s" % (landed, again.returncode, again.stderr))
        check(database, [after], nodes, results)
        staging = [name for name in os.listdir(work)
                   if name.startswith("." + os.path.basename(database) + ".staged-")]
        if staging:
            fail("staging files left after the re-ingest of kill %d: %r" % (landed, staging))
        third = subprocess.run(ingest_args(options.bin, database, job, data),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if third.returncode != 0 or "unchanged" not in third.stdout:
            fail("third ingest after kill %d: exit %d, %s%s"
                 % (landed, third.returncode, third.stdout, third.stderr))
        print("%3d  %-9s kill %2d at %.3f s (%3.0f%%): %s; integrity ok; re-ingest ok"
              % (iteration, "next run" if next_run else "first", landed, delay,
                 100 * delay / length, outcome), flush=True)
    print("summary: %d kills landed mid-ingest (%s), %d ingests finished before their kill; "
          "every check passed" % (landed, ", ".join("%d %s" % (count, name)
                                                    for name, count in sorted(outcomes.items())),
                                  finished_first), flush=True)


if __name__ == "__main__":
    main()
