#!/usr/bin/env python3
"""Make the artifacts of a project's next run from a generated project (generate.py output).

Usage: next_run.py INDIR OUTDIR [--changed K] [--seed N] [--partial-parse]

The next scheduled job of an unchanged project: the same manifest with a new invocation_id and
generated_at (one day later), K models edited (their raw and compiled SQL and checksum change;
default 5), and a `dbt build` run_results with the new invocation, one day later, a few
statuses moved (about 1% of results). Written with dbt's separators, like generate.py.

Every definition's `created_at` is moved to the new parse time, as dbt's full parse (what a
job in a fresh container does) writes it: consecutive real manifests differ in every node's
`created_at` (sample-runs/runs/201/001 and 002: all 83 nodes). `--partial-parse` keeps them,
as a partial parse would for unchanged nodes.
"""
import json
import os
import random
import sys


def shift_day(text):
    # "2024-07-29T16:23:24.555172Z" -> "2024-07-30T16:23:24.555172Z" (the generator's dates).
    day = int(text[8:10]) + 1
    return text[:8] + "%02d" % day + text[10:]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    indir, outdir = sys.argv[1], sys.argv[2]
    changed = int(sys.argv[sys.argv.index("--changed") + 1]) if "--changed" in sys.argv else 5
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    rng = random.Random(seed)
    with open(os.path.join(indir, "manifest.json")) as handle:
        manifest = json.load(handle)
    with open(os.path.join(indir, "run_results.json")) as handle:
        results = json.load(handle)
    invocation = "%032x" % rng.getrandbits(128)
    meta = manifest["metadata"]
    meta["invocation_id"] = invocation
    meta["generated_at"] = shift_day(meta["generated_at"])
    if "--partial-parse" not in sys.argv:
        day = 86400.0
        for section in ("nodes", "sources", "macros", "exposures", "metrics", "docs", "semantic_models",
                        "saved_queries", "unit_tests", "groups"):
            for node in (manifest.get(section) or {}).values():
                if isinstance(node, dict) and isinstance(node.get("created_at"), (int, float)):
                    node["created_at"] = node["created_at"] + day + rng.random()
    models = sorted(uid for uid, node in manifest["nodes"].items() if node["resource_type"] == "model")
    for uid in rng.sample(models, min(changed, len(models))):
        node = manifest["nodes"][uid]
        node["raw_code"] = node.get("raw_code", "") + "\n-- edited for the next run"
        if node.get("compiled_code") is not None:
            node["compiled_code"] += "\n-- edited for the next run"
        node["checksum"] = {"name": "sha256", "checksum": "%064x" % rng.getrandbits(256)}
    results["metadata"]["invocation_id"] = invocation
    results["metadata"]["generated_at"] = shift_day(results["metadata"]["generated_at"])
    for result in results["results"]:
        for timing in result.get("timing") or []:
            for key in ("started_at", "completed_at"):
                if timing.get(key):
                    timing[key] = shift_day(timing[key])
        if rng.random() < 0.01:
            is_test = result["unique_id"].startswith("test.")
            result["status"] = rng.choice(["pass", "fail", "warn"] if is_test else ["success", "error"])
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "manifest.json"), "w") as handle:
        json.dump(manifest, handle)
    with open(os.path.join(outdir, "run_results.json"), "w") as handle:
        json.dump(results, handle)


if __name__ == "__main__":
    main()
