#!/usr/bin/env python3
"""Build the metadata API benchmark's database: one generated 10,000-node dbt project
(benchmarks/ingest/generate.py, seed 42) ingested 100 times as 100 runs of one job.

Usage: build_db.py BIN DB [--nodes N] [--runs R]

BIN is a dbt-metadata binary (its `ingest` command stores each run). Run r is generated at
2026-10-01T00:00Z + 8 h x r (100 runs span 33 days); its run_results re-roll every node's
status from a per-node failure propensity (most nodes never fail, a few fail often, so the
performance queries have a real ranking), and 3 models per run get new SQL (a new definition,
so the runs have different manifests). Deterministic for given arguments. Account 1,
project 1, environment 1, job 1.
"""
import copy
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ingest"))
import generate  # noqa: E402

BASE = datetime.datetime(2026, 10, 1, tzinfo=datetime.timezone.utc)


def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, db = sys.argv[1], sys.argv[2]
    nodes = int(sys.argv[sys.argv.index("--nodes") + 1]) if "--nodes" in sys.argv else 10000
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 100
    manifest, run_results = generate.generate(nodes, 42)
    rng = random.Random(7)
    template = {r["unique_id"]: r for r in run_results["results"]}
    propensity = {uid: rng.choice((0.0, 0.0, 0.0, 0.0, 0.01, 0.05, 0.2, 0.5)) for uid in template}
    models = sorted(uid for uid in manifest["nodes"] if uid.startswith("model."))
    original = {uid: (manifest["nodes"][uid]["raw_code"], manifest["nodes"][uid].get("compiled_code"))
                for uid in models}
    if os.path.exists(db):
        os.remove(db)
    with tempfile.TemporaryDirectory() as work:
        for r in range(runs):
            at = BASE + datetime.timedelta(hours=8 * r)
            invocation = "%032x" % rng.getrandbits(128)
            for uid in models:  # restore, then change 3 models for this run
                node = manifest["nodes"][uid]
                node["raw_code"], node["compiled_code"] = original[uid]
            for uid in rng.sample(models, 3):
                node = manifest["nodes"][uid]
                node["raw_code"] = original[uid][0] + "\n-- changed in run %d\n" % r
                node["compiled_code"] = (original[uid][1] or "") + "\n-- changed in run %d\n" % r
            manifest["metadata"]["generated_at"] = stamp(at)
            manifest["metadata"]["invocation_id"] = invocation
            results = []
            for uid, base in template.items():
                failing = rng.random() < propensity[uid]
                is_test = uid.startswith("test.")
                if is_test:
                    status = (rng.choice(("fail", "fail", "warn", "error")) if failing else "pass")
                else:
                    status = rng.choice(("error", "error", "skipped")) if failing else "success"
                start = at + datetime.timedelta(seconds=rng.random() * 3000)
                took = rng.random() * 20
                timing = [] if status in ("error", "skipped") else [
                    {"name": "compile", "started_at": stamp(start),
                     "completed_at": stamp(start + datetime.timedelta(seconds=0.05))},
                    {"name": "execute", "started_at": stamp(start + datetime.timedelta(seconds=0.05)),
                     "completed_at": stamp(start + datetime.timedelta(seconds=0.05 + took))}]
                result = dict(base)
                result.update({
                    "status": status, "timing": timing, "execution_time": took,
                    "message": ("Got %d results, configured to fail if != 0" % (1 + r % 40)) if status in ("fail", "warn")
                    else ("Database Error in %s\n  relation does not exist" % uid) if status == "error"
                    else ("PASS" if is_test else "SELECT 1"),
                    "failures": ((1 + r % 40) if status in ("fail", "warn") else 0) if is_test else None,
                    "compiled_code": manifest["nodes"][uid].get("compiled_code", ""),
                })
                results.append(result)
            rr = copy.copy(run_results)
            rr["results"] = results
            rr["metadata"] = dict(run_results["metadata"], generated_at=stamp(at + datetime.timedelta(hours=1)),
                                  invocation_id=invocation)
            mpath, rpath = os.path.join(work, "manifest.json"), os.path.join(work, "run_results.json")
            with open(mpath, "w") as f:
                json.dump(manifest, f)
            with open(rpath, "w") as f:
                json.dump(rr, f)
            subprocess.run([binary, "ingest", "--db", db, "--account", "1", "--project", "1",
                            "--environment", "1", "--job", "1", "--job-name", "nightly",
                            "--environment-name", "production", "--run-id", str(1000 + r),
                            "--manifest", mpath, "--run-results", rpath],
                           check=True, stdout=subprocess.DEVNULL)
            print("run %d/%d ingested" % (r + 1, runs), file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
