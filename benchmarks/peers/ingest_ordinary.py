#!/usr/bin/env python3
"""An ordinary Python ingester for dbt artifacts: the second peer of the ingest benchmark.

Usage: ingest_ordinary.py --db FILE --manifest FILE [--run-results FILE]...

What a competent engineer writes in an afternoon to keep dbt runs in SQLite, in the manner of
the dbt_artifacts package: orjson to parse, one table per kind of row, one row per node per
run (no content hashing, no sharing of unchanged definitions between runs), the columns people
query (name, type, materialization, schema, SQL, tags, columns as JSON), lineage edges per run,
one execution per result; executemany in one transaction; a run whose invocation_id is already
stored is skipped. Unlike `ingest_baseline.py` (the equal-work mirror of the Swift store), it
does not store what the store does beyond that (content hashes, manifest versions, applied
state, catalog), so it is the cheaper of the two peers on a first load and the dearer on every
later run, as its rows grow with runs x nodes.
"""
import argparse
import os
import sqlite3
import time

import orjson

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY, invocation_id TEXT UNIQUE, generated_at TEXT, dbt_version TEXT,
  project_name TEXT, adapter_type TEXT, command TEXT, elapsed_time REAL, ingested_at TEXT);
CREATE TABLE IF NOT EXISTS nodes (
  run_id INTEGER NOT NULL, unique_id TEXT NOT NULL, resource_type TEXT, name TEXT,
  package_name TEXT, path TEXT, database_name TEXT, schema_name TEXT, alias TEXT,
  materialized TEXT, description TEXT, tags TEXT, meta TEXT, columns TEXT, raw_code TEXT,
  compiled_code TEXT, checksum TEXT, PRIMARY KEY (run_id, unique_id));
CREATE TABLE IF NOT EXISTS edges (run_id INTEGER NOT NULL, parent_id TEXT, child_id TEXT);
CREATE INDEX IF NOT EXISTS edges_by_run ON edges(run_id, child_id);
CREATE TABLE IF NOT EXISTS executions (
  run_id INTEGER NOT NULL, unique_id TEXT NOT NULL, status TEXT, message TEXT, failures INTEGER,
  thread_id TEXT, execution_time REAL, started_at TEXT, completed_at TEXT,
  PRIMARY KEY (run_id, unique_id));
CREATE INDEX IF NOT EXISTS executions_by_node ON executions(unique_id, run_id);
"""

COLLECTIONS = ("nodes", "sources", "exposures", "metrics", "semantic_models", "saved_queries")


def dumps(value):
    return None if value is None else orjson.dumps(value).decode()


def ingest(db_path, manifest_path, run_results_paths):
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.executescript(SCHEMA)
    with open(manifest_path, "rb") as handle:
        manifest = orjson.loads(handle.read())
    results_docs = []
    for path in run_results_paths:
        with open(path, "rb") as handle:
            results_docs.append(orjson.loads(handle.read()))
    meta = manifest.get("metadata") or {}
    db.execute("BEGIN IMMEDIATE")
    if db.execute("SELECT 1 FROM runs WHERE invocation_id = ?", (meta.get("invocation_id"),)).fetchone():
        db.execute("ROLLBACK")
        return 0
    command = ((results_docs[0].get("args") or {}).get("which") if results_docs else None)
    elapsed = results_docs[0].get("elapsed_time") if results_docs else None
    run_id = db.execute(
        "INSERT INTO runs(invocation_id, generated_at, dbt_version, project_name, adapter_type, command, "
        "elapsed_time, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (meta.get("invocation_id"), meta.get("generated_at"), meta.get("dbt_version"), meta.get("project_name"),
         meta.get("adapter_type"), command, elapsed, time.strftime("%Y-%m-%dT%H:%M:%SZ"))).lastrowid
    rows = []
    for collection in COLLECTIONS:
        for unique_id, node in (manifest.get(collection) or {}).items():
            config = node.get("config") or {}
            checksum = node.get("checksum") or {}
            rows.append((
                run_id, unique_id, node.get("resource_type"), node.get("name"), node.get("package_name"),
                node.get("original_file_path") or node.get("path"), node.get("database"), node.get("schema"),
                node.get("alias") or node.get("identifier"), config.get("materialized"), node.get("description"),
                dumps(node.get("tags")), dumps(node.get("meta")), dumps(node.get("columns")),
                node.get("raw_code") or node.get("raw_sql"), node.get("compiled_code") or node.get("compiled_sql"),
                checksum.get("checksum")))
    db.executemany("INSERT INTO nodes VALUES (" + ", ".join("?" * 17) + ")", rows)
    edges = [(run_id, parent, child) for child, parents in (manifest.get("parent_map") or {}).items()
             for parent in parents]
    db.executemany("INSERT INTO edges VALUES (?, ?, ?)", edges)
    executions = []
    for doc in results_docs:
        for result in doc.get("results") or []:
            timing = result.get("timing") or []
            failures = result.get("failures")
            executions.append((
                run_id, result.get("unique_id"), result.get("status"), result.get("message"),
                failures if isinstance(failures, int) else None, result.get("thread_id"),
                result.get("execution_time"), timing[0].get("started_at") if timing else None,
                timing[-1].get("completed_at") if timing else None))
    db.executemany("INSERT OR REPLACE INTO executions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", executions)
    db.execute("COMMIT")
    db.close()
    return len(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--run-results", action="append", default=[])
    args = parser.parse_args()
    start = time.perf_counter()
    count = ingest(args.db, args.manifest, args.run_results)
    print("stored %d nodes in %.3f s" % (count, time.perf_counter() - start))


if __name__ == "__main__":
    main()
