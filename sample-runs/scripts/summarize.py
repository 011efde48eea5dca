"""Prints what the committed runs contain, read back from the artifacts dbt
wrote (not from the plan): a Markdown table for sample-runs/README.md, then
sizes. Standard library only.

Usage: python3 summarize.py
"""

import collections
import json
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent


def load(path):
    with open(path) as f:
        return json.load(f)


def freshness_cell(run_dir, step):
    for rel in step["artifacts"]:
        if rel.endswith("sources.json"):
            results = load(run_dir / rel)["results"]
            parts = []
            for r in sorted(results, key=lambda r: r["unique_id"]):
                name = r["unique_id"].split(".", 2)[2]
                if r["status"] != "pass":
                    parts.append(f"{name} **{r['status']}**")
            return ", ".join(parts) if parts else f"{len(results)} pass"
    return ""


def results_cell(run_dir, step):
    for rel in step["artifacts"]:
        if rel.endswith("run_results.json"):
            results = load(run_dir / rel)["results"]
            counts = collections.Counter()
            for r in results:
                kind = r["unique_id"].split(".")[0]
                counts[(kind, r["status"])] += 1
            parts = []
            for (kind, status), n in sorted(counts.items()):
                text = f"{n} {kind} {status}"
                if status not in ("success", "pass", "no-op"):
                    text = f"**{text}**"
                parts.append(text)
            return ", ".join(parts)
    return ""


def main():
    runs = []
    for path in sorted((SAMPLES / "runs").glob("*/*/run.json")):
        runs.append((load(path), path.parent))
    runs.sort(key=lambda r: r[0]["run_id"])
    print("| run id | job | # | env | simulated start (UTC) | status | freshness | build / test results | what happens |")
    print("|---|---|---|---|---|---|---|---|---|")
    for record, run_dir in runs:
        fresh = ""
        executed = ""
        for step in record["steps"]:
            if step["name"] == "source-freshness":
                fresh = freshness_cell(run_dir, step)
            if step["name"] in ("build", "test"):
                executed = f"{step['name']}: " + results_cell(run_dir, step)
        print(f"| {record['run_id']} | {record['job_id']} {record['job_name']} | {record['run_number']} "
              f"| {record['environment_name']} | {record['started_at'][:16].replace('T', ' ')} "
              f"| {record['status']} | {fresh} | {executed} | {record['note']} |")

    print()
    print("| dbt-core / dbt-duckdb | manifest | run_results | sources | catalog | dropped by the overlay |")
    print("|---|---|---|---|---|---|")
    for path in sorted((SAMPLES / "versions").glob("*/run.json"), key=lambda p: load(p)["run_id"]):
        record = load(path)
        versions = {}
        for step in record["steps"]:
            for rel in step["artifacts"]:
                meta = load(path.parent / rel)["metadata"]
                kind, version = meta["dbt_schema_version"].rsplit("/", 2)[-2:]
                versions[kind] = version.removesuffix(".json")
        requirements = (SAMPLES / "requirements" / f"dbt-{record['dbt_version'].rsplit('.', 1)[0]}.txt")
        duckdb = next((ln.split("==")[1] for ln in requirements.read_text().splitlines()
                       if ln.startswith("dbt-duckdb==")), "?")
        overlay = SAMPLES / "overlays" / record["dbt_version"].rsplit(".", 1)[0] / "overlay.txt"
        dropped = []
        if overlay.exists():
            for ln in overlay.read_text().splitlines():
                if ln.startswith("remove "):
                    dropped.append("`" + ln.split()[-1].rsplit("/", 1)[-1] + "`")
                elif ln.startswith("drop-lines "):
                    dropped.append("`" + ln.split()[-1] + "`")
        print(f"| {record['dbt_version']} / {duckdb} | {versions.get('manifest')} | {versions.get('run-results')} "
              f"| {versions.get('sources')} | {versions.get('catalog')} | {', '.join(dropped) or 'nothing'} |")

    print()
    total = 0
    for sub in ("runs", "versions"):
        size = sum(p.stat().st_size for p in (SAMPLES / sub).rglob("*") if p.is_file())
        total += size
        count = sum(1 for p in (SAMPLES / sub).rglob("*.json") if p.is_file())
        print(f"{sub}: {count} files, {size / 1e6:.1f} MB")
    manifests = [p.stat().st_size for p in SAMPLES.rglob("manifest.json")]
    if manifests:
        print(f"manifests: {len(manifests)}, {min(manifests) / 1e3:.0f}-{max(manifests) / 1e3:.0f} KB each")
    print(f"total: {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
