"""Plays the sample-runs timeline: scheduled dbt Cloud-like job runs over
simulated days, each a sequence of real dbt invocations whose artifacts are
copied into sample-runs/runs/<job>/<run-number>/.

Standard library only; dbt runs from the virtual environments that
`sample-runs/generate` creates. Every dbt command runs under libfaketime at the
run's simulated time, so the freshness statuses, the timestamps inside the
artifacts and the rows of the raw tables (scripts/raw_data.py) all follow the
simulated clock, whatever day the generator is run on.

Usage: python3 timeline.py --venvs DIR --work DIR [--timeline] [--versions]
"""

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
PROJECT = SAMPLES / "project"
CHANGES = SAMPLES / "changes"
OVERLAYS = SAMPLES / "overlays"

ACCOUNT_ID = 1
PROJECT_ID = 1
TIMELINE_DBT = "1.11"
ARTIFACTS = ("sources.json", "manifest.json", "run_results.json", "catalog.json")
# Manifests are ~0.85 MB each with dbt-duckdb (mostly macros). dbt writes one
# per step, but the steps of a run parse the same project, so only the manifest
# of the step that executes nodes (build or test) is kept: the total stays
# well under the 30 MB budget.
KEEP_MANIFEST_STEPS = ("build", "test")

ENVIRONMENTS = {
    1: {"name": "production", "type": "deployment", "database": "prod"},
    2: {"name": "staging", "type": "deployment", "database": "staging"},
    3: {"name": "compatibility", "type": "deployment", "database": "compat"},
}

JOBS = {
    101: {"name": "nightly", "environment_id": 1, "target": "prod", "schema": "analytics",
          "steps": ["source-freshness", "build", "docs-generate"], "trigger": "scheduled"},
    102: {"name": "ci", "environment_id": 1, "target": "ci", "schema": None,
          "steps": ["build"], "trigger": "pull_request"},
    103: {"name": "data-quality", "environment_id": 1, "target": "prod", "schema": "analytics",
          "steps": ["test"], "trigger": "scheduled"},
    201: {"name": "staging-nightly", "environment_id": 2, "target": "staging", "schema": "analytics",
          "steps": ["source-freshness", "build", "docs-generate"], "trigger": "scheduled"},
}

COMMANDS = {
    "source-freshness": ["source", "freshness"],
    "build": ["build"],
    "test": ["test"],
    "docs-generate": ["docs", "generate"],
}


def at(text):
    return dt.datetime.fromisoformat(text)


# The timeline, in the order the runs happen. `changes` is the full list of
# project changes deployed to that run's project (cumulative, by name); `pr`
# is the pull request a CI run checks.
RUNS = [
    {"job": 201, "at": "2026-03-02 05:30", "changes": [],
     "note": "staging: first run, everything passes"},
    {"job": 101, "at": "2026-03-02 06:00", "changes": [],
     "note": "first production run, everything passes (one warn-severity singular test warns)"},
    {"job": 101, "at": "2026-03-03 06:00", "changes": [],
     "note": "quiet night; the Stripe loader's last successful load is 03-03 05:00"},
    {"job": 102, "at": "2026-03-03 15:00", "changes": ["add_fct_refunds"], "pr": 17,
     "note": "CI for PR 17 (adds fct_refunds) builds into its own schema: passes"},
    {"job": 201, "at": "2026-03-04 05:30", "changes": ["add_fct_refunds"],
     "note": "staging gets fct_refunds; Stripe load failed: stripe.payments warns"},
    {"job": 101, "at": "2026-03-04 06:00", "changes": ["add_fct_refunds"],
     "note": "model added (fct_refunds); stripe.payments freshness warn (25 h)"},
    {"job": 101, "at": "2026-03-05 06:00", "changes": ["add_fct_refunds"],
     "note": "stripe.payments freshness error (49 h); orders get status 'lost': "
             "stg_orders accepted_values warns, fct_orders accepted_values fails, "
             "models downstream of fct_orders are skipped"},
    {"job": 103, "at": "2026-03-05 12:00", "changes": ["add_fct_refunds"],
     "note": "dbt test only: fct_orders accepted_values still fails, and relationships "
             "fct_orders -> dim_customers fails because dim_customers was skipped last night "
             "and is stale"},
    {"job": 201, "at": "2026-03-06 05:30", "changes": ["add_fct_refunds", "accept_lost_status"],
     "note": "staging: 'lost' accepted; Stripe loads resumed with amount_cents instead of amount: "
             "stg_payments errors, its downstream models are skipped"},
    {"job": 101, "at": "2026-03-06 06:00", "changes": ["add_fct_refunds", "accept_lost_status"],
     "note": "test fixed ('lost' accepted); stripe.payments freshness pass again; "
             "stg_payments errors (column amount is gone), downstream skipped"},
    {"job": 102, "at": "2026-03-06 10:00",
     "changes": ["add_fct_refunds", "accept_lost_status", "payments_in_cents"], "pr": 18,
     "note": "CI for PR 18 (stg_payments reads amount_cents): passes"},
    {"job": 201, "at": "2026-03-07 05:30",
     "changes": ["add_fct_refunds", "accept_lost_status", "payments_in_cents",
                 "retire_product_performance"],
     "note": "staging gets the payments fix and the next release (product_performance removed, "
             "dim_customers v2 gains is_repeat_customer)"},
    {"job": 101, "at": "2026-03-07 06:00",
     "changes": ["add_fct_refunds", "accept_lost_status", "payments_in_cents"],
     "note": "payments fix deployed: everything passes again"},
    {"job": 101, "at": "2026-03-08 06:00",
     "changes": ["add_fct_refunds", "accept_lost_status", "payments_in_cents",
                 "retire_product_performance"],
     "note": "model removed (product_performance), model changed (dim_customers v2)"},
    {"job": 103, "at": "2026-03-08 12:00",
     "changes": ["add_fct_refunds", "accept_lost_status", "payments_in_cents",
                 "retire_product_performance"],
     "note": "dbt test only: all tests pass (one warn)"},
    {"job": 101, "at": "2026-03-09 06:00",
     "changes": ["add_fct_refunds", "accept_lost_status", "payments_in_cents",
                 "retire_product_performance"],
     "note": "quiet night"},
]

VERSION_RUNS = [
    {"dbt": "1.5", "job": 301},
    {"dbt": "1.7", "job": 302},
    {"dbt": "1.10", "job": 303},
]
VERSION_RUN_AT = "2026-03-02 06:00"


class ChangeError(Exception):
    pass


def replace(project, rel, old, new):
    path = project / rel
    text = path.read_text()
    if old not in text:
        raise ChangeError(f"{rel}: expected text not found: {old!r}")
    path.write_text(text.replace(old, new))


def add_fct_refunds(project):
    shutil.copy(CHANGES / "fct_refunds.sql", project / "models/marts/finance/fct_refunds.sql")
    with open(project / "models/marts/finance/schema.yml", "a") as f:
        f.write("""
  - name: fct_refunds
    description: Refunds owed for returned orders.
    access: protected
    columns:
      - name: order_id
        tests:
          - unique
          - not_null
      - name: refund_amount
        tests:
          - not_null
""")


def accept_lost_status(project):
    old = 'values: ["placed", "shipped", "completed", "returned"]'
    new = 'values: ["placed", "shipped", "completed", "returned", "lost"]'
    replace(project, "models/staging/schema.yml", old, new)
    replace(project, "models/marts/core/schema.yml", old, new)
    replace(project, "models/docs.md",
            "| returned  | the customer sent the order back               |\n",
            "| returned  | the customer sent the order back               |\n"
            "| lost      | the carrier lost the parcel                    |\n")


def payments_in_cents(project):
    replace(project, "models/staging/stg_payments.sql",
            "    amount,\n", "    amount_cents / 100.0 as amount,\n")


def retire_product_performance(project):
    (project / "models/marts/marketing/product_performance.sql").unlink()
    replace(project, "models/marts/marketing/schema.yml", """  - name: product_performance
    description: Orders, units and revenue per product.
    meta:
      owner: merchandising@shop.example

""", "")
    replace(project, "models/marts/core/dim_customers_v2.sql",
            "    coalesce(orders.order_count, 0) as order_count,\n",
            "    coalesce(orders.order_count, 0) as order_count,\n"
            "    coalesce(orders.order_count, 0) > 1 as is_repeat_customer,\n")
    replace(project, "models/marts/core/schema.yml",
            "      - name: order_count\n",
            "      - name: order_count\n"
            "      - name: is_repeat_customer\n"
            "        description: True when the customer ordered more than once.\n")
    replace(project, "models/marts/core/schema.yml",
            "exclude: [customer_tier]", "exclude: [customer_tier, is_repeat_customer]")


CHANGE_FUNCTIONS = {
    "add_fct_refunds": add_fct_refunds,
    "accept_lost_status": accept_lost_status,
    "payments_in_cents": payments_in_cents,
    "retire_product_performance": retire_product_performance,
}


def apply_overlay(project, minor):
    """Drops what an older dbt cannot parse (see overlays/<minor>/overlay.txt)."""
    path = OVERLAYS / minor / "overlay.txt"
    if not path.exists():
        return
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        verb, rest = line.split(" ", 1)
        if verb == "remove":
            (project / rest).unlink()
        elif verb == "drop-lines":
            rel, needle = rest.split(" ", 1)
            target = project / rel
            lines = target.read_text().splitlines(keepends=True)
            kept = [ln for ln in lines if needle not in ln]
            if len(kept) == len(lines):
                raise ChangeError(f"overlay {minor}: {rel} has no line containing {needle!r}")
            target.write_text("".join(kept))
        else:
            raise ChangeError(f"overlay {minor}: unknown directive {verb!r}")


def fresh_project(dest, changes, minor=None):
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(PROJECT, dest, ignore=shutil.ignore_patterns("target", "dbt_packages", "logs"))
    for name in changes:
        CHANGE_FUNCTIONS[name](dest)
    if minor:
        apply_overlay(dest, minor)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def dbt_version(venv):
    out = subprocess.run([str(venv / "bin" / "python"), "-c",
                          "from importlib.metadata import version; print(version('dbt-core'))"],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip()


def load_raw_data(venv, db_path, sim_time):
    subprocess.run([str(venv / "bin" / "python"), str(HERE / "raw_data.py"), str(db_path),
                    sim_time.strftime("%Y-%m-%d %H:%M:%S")], check=True, stdout=subprocess.DEVNULL)


def run_job(venv, work, out_dir, run, run_id, run_number, log):
    """Executes one job run and writes its artifacts and run.json into out_dir."""
    job_id = run["job"]
    job = JOBS[job_id]
    env_id = job["environment_id"]
    env = ENVIRONMENTS[env_id]
    minor = run.get("dbt", TIMELINE_DBT)
    started = at(run["at"])

    project = work / f"job-{job_id}" / "project"
    fresh_project(project, run.get("changes", []), minor if minor != TIMELINE_DBT else None)
    db_path = work / f"{env['database']}.duckdb"
    schema = job["schema"] or f"dbt_cloud_pr_{job_id}_{run['pr']}"
    load_raw_data(venv, db_path, started)

    environ = dict(os.environ)
    environ.update({
        "TZ": "UTC",
        "DO_NOT_TRACK": "1",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "SHOP_DB_PATH": str(db_path),
        "SHOP_SCHEMA": schema,
        # dbt copies DBT_ENV_CUSTOM_ENV_* variables into every artifact's metadata.env
        "DBT_ENV_CUSTOM_ENV_DBT_CLOUD_ACCOUNT_ID": str(ACCOUNT_ID),
        "DBT_ENV_CUSTOM_ENV_DBT_CLOUD_PROJECT_ID": str(PROJECT_ID),
        "DBT_ENV_CUSTOM_ENV_DBT_CLOUD_ENVIRONMENT_ID": str(env_id),
        "DBT_ENV_CUSTOM_ENV_DBT_CLOUD_JOB_ID": str(job_id),
        "DBT_ENV_CUSTOM_ENV_DBT_CLOUD_RUN_ID": str(run_id),
    })
    if "pr" in run:
        environ["DBT_ENV_CUSTOM_ENV_DBT_CLOUD_PR_ID"] = str(run["pr"])

    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    clock = started
    steps = []
    for index, step in enumerate(job["steps"], start=1):
        target_dir = project / "target"
        for name in ARTIFACTS:
            (target_dir / name).unlink(missing_ok=True)
        args = COMMANDS[step] + ["--profiles-dir", str(project), "--project-dir", str(project),
                                 "--target", job["target"]]
        step_started = clock
        t0 = time.monotonic()
        proc = subprocess.run(
            ["faketime", clock.strftime("%Y-%m-%d %H:%M:%S"), str(venv / "bin" / "dbt")] + args,
            cwd=project, env=environ, capture_output=True, text=True)
        elapsed = time.monotonic() - t0
        clock = step_started + dt.timedelta(seconds=round(elapsed, 3))
        log.write(f"\n===== run {run_id} job {job_id} step {index} {step} exit {proc.returncode}\n")
        log.write(proc.stdout)
        log.write(proc.stderr)
        folder = f"{index:02d}-{step}"
        (out_dir / folder).mkdir()
        written = []
        for name in ARTIFACTS:
            src = target_dir / name
            if not src.exists():
                continue
            if name == "manifest.json" and step not in KEEP_MANIFEST_STEPS:
                continue
            shutil.copy(src, out_dir / folder / name)
            written.append(f"{folder}/{name}")
        steps.append({
            "index": index,
            "name": step,
            "command": "dbt " + " ".join(COMMANDS[step]) + f" --target {job['target']}",
            "exit_code": proc.returncode,
            "started_at": iso(step_started),
            "finished_at": iso(clock),
            "artifacts": written,
        })
        clock += dt.timedelta(seconds=2)

    # A failing freshness step does not fail the job (dbt Cloud's "run source
    # freshness" checkbox behaves the same way); a failing build or test does.
    failed = any(s["exit_code"] != 0 for s in steps if s["name"] in ("build", "test"))
    record = {
        "account_id": ACCOUNT_ID,
        "project_id": PROJECT_ID,
        "environment_id": env_id,
        "environment_name": env["name"],
        "environment_type": env["type"],
        "job_id": job_id,
        "job_name": job["name"],
        "run_id": run_id,
        "run_number": run_number,
        "trigger": job["trigger"],
        "status": "error" if failed else "success",
        "started_at": iso(started),
        "finished_at": iso(clock),
        "dbt_version": dbt_version(venv),
        "target_name": job["target"],
        "target_schema": schema,
        "project_changes": run.get("changes", []),
        "note": run["note"],
        "manifest_policy": "manifest.json kept only from the build or test step; "
                           "the other steps wrote one too (same project, same parse)",
        "steps": steps,
    }
    if "pr" in run:
        record["pull_request"] = run["pr"]
    (out_dir / "run.json").write_text(json.dumps(record, indent=2) + "\n")
    statuses = " ".join(f"{s['name']}={s['exit_code']}" for s in steps)
    print(f"run {run_id} job {job_id} #{run_number} at {run['at']}: {record['status']} ({statuses})",
          flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--venvs", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--timeline", action="store_true")
    parser.add_argument("--versions", action="store_true")
    opts = parser.parse_args()
    if shutil.which("faketime") is None:
        sys.exit("faketime is required (Debian: apt-get install faketime)")
    opts.work.mkdir(parents=True, exist_ok=True)
    log = open(opts.work / "dbt.log", "w")

    if opts.timeline:
        for db in ("prod", "staging"):
            (opts.work / f"{db}.duckdb").unlink(missing_ok=True)
        runs_dir = SAMPLES / "runs"
        if runs_dir.exists():
            shutil.rmtree(runs_dir)
        venv = opts.venvs / TIMELINE_DBT
        numbers = {}
        for offset, run in enumerate(RUNS):
            numbers[run["job"]] = numbers.get(run["job"], 0) + 1
            run_id = 1001 + offset
            out = runs_dir / str(run["job"]) / f"{numbers[run['job']]:03d}"
            run_job(venv, opts.work, out, run, run_id, numbers[run["job"]], log)

    if opts.versions:
        versions_dir = SAMPLES / "versions"
        if versions_dir.exists():
            shutil.rmtree(versions_dir)
        for offset, spec in enumerate(VERSION_RUNS):
            venv = opts.venvs / spec["dbt"]
            (opts.work / "compat.duckdb").unlink(missing_ok=True)
            job_id = spec["job"]
            JOBS[job_id] = {"name": f"dbt-{spec['dbt']}", "environment_id": 3, "target": "prod",
                            "schema": "analytics", "trigger": "manual",
                            "steps": ["source-freshness", "build", "docs-generate"]}
            run = {"job": job_id, "at": VERSION_RUN_AT, "changes": [], "dbt": spec["dbt"],
                   "note": f"the base project run once with dbt {spec['dbt']}"}
            out = versions_dir / dbt_version(venv)
            run_job(venv, opts.work, out, run, 3001 + offset, 1, log)
    log.close()


if __name__ == "__main__":
    main()
