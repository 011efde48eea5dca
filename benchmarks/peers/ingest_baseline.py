#!/usr/bin/env python3
"""Python baseline for the ingest benchmark: json + sqlite3, storing the same rows with the
same schema and indexes as dbt-metadata's MetadataStore, in one transaction.

Usage: ingest_baseline.py --db FILE --manifest FILE [--run-results FILE]... [--catalog FILE]

The schema is read from Sources/MetadataStore/Schema.swift (the `version1` SQL), so both
sides always build the same tables and indexes. Per run it stores what the Swift ingester
stores: hierarchy rows, one `node` row per unique_id, one `definition` row per node with
the same columns (content hash = SHA-256 of canonical JSON: sorted keys, sorted scalar
lists, volatile keys dropped; JSON stored as written), a `manifest_version` with its
fingerprint and `manifest_member` rows, `lineage_edge` rows from parent_map, the `run`
and `artifact` rows, one `execution` per run result, and the `applied_state` upserts.
Catalogs add `catalog_column_set`/`catalog_column`, `catalog_entry` and `catalog_stat`.
It is written to be a fair, reasonably efficient peer (executemany, cached statements,
one transaction), not a strawman.
"""
import argparse
import hashlib
import json
import os
import re
import sqlite3
import struct
import sys
import time

VOLATILE = ("created_at", "root_path", "build_path", "deferred", "_event_status")
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def schema_sql():
    text = open(os.path.join(REPO, "Sources/MetadataStore/Schema.swift")).read()
    match = re.search(r'static let version1 = """\n(.*?)\n\s*"""', text, re.S)
    if not match:
        sys.exit("cannot find the schema SQL in Schema.swift")
    return match.group(1)


def schema_page_size():
    text = open(os.path.join(REPO, "Sources/MetadataStore/Schema.swift")).read()
    match = re.search(r"static let pageSize = (\d+)", text)
    if not match:
        sys.exit("cannot find the page size in Schema.swift")
    return int(match.group(1))


def canonical(value):
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [canonical(v) for v in value]
        if all(not isinstance(v, (dict, list)) for v in items):
            items.sort(key=lambda v: json.dumps(v))
        return items
    return value


def content_hash(node):
    trimmed = {k: v for k, v in node.items() if k not in VOLATILE}
    text = json.dumps(canonical(trimmed), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def fingerprint(parts):
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode()
        digest.update(struct.pack("<I", len(data)))
        digest.update(data)
    return digest.hexdigest()


def compact(value):
    return None if value is None else json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def applied_sql(column):
    return (f"INSERT INTO applied_state(environment_id, node_id, {column}_id, {column}_at) VALUES (?, ?, ?, ?) "
            f"ON CONFLICT(environment_id, node_id) DO UPDATE SET {column}_id = excluded.{column}_id, "
            f"{column}_at = excluded.{column}_at WHERE applied_state.{column}_at IS NULL "
            f"OR applied_state.{column}_at <= excluded.{column}_at")


def canonical_time(text):
    # The Swift side normalises to microsecond UTC; dbt writes ...Z with 6 digits already.
    return text


COLLECTIONS = ("nodes", "sources", "exposures", "metrics", "macros", "docs", "semantic_models", "saved_queries",
               "unit_tests", "groups", "functions")


def store_version(db, project, print_fp, nodes, hashes, node_id, manifest):
    """A new manifest version: its members, and the definitions (and their lineage edges)
    whose (node, content hash) the project does not have yet."""
    cursor = db.execute("INSERT INTO manifest_version(project_id, fingerprint, node_count) VALUES (?, ?, ?)",
                        (project, print_fp, len(nodes)))
    known = {(nid, digest): did for did, nid, digest in db.execute(
        "SELECT definition.id, definition.node_id, definition.content_hash FROM definition "
        "JOIN node ON node.id = definition.node_id WHERE node.project_id = ?", (project,))}
    version_id = cursor.lastrowid
    parent_map = manifest.get("parent_map") or {}
    members, edges = [], []
    insert_definition = (
        "INSERT INTO definition(node_id, content_hash, resource_type, name, package_name, path, "
        "original_file_path, database_name, schema_name, alias, relation_name, description, materialized, "
        "language, access, group_name, version, fqn, tags, meta, test_name, test_namespace, test_column_name, "
        "tested_unique_id, severity, source_name, identifier, loader, loaded_at_field, freshness_warn_count, "
        "freshness_warn_period, freshness_error_count, freshness_error_period, freshness_filter, json) "
        "VALUES (" + ", ".join("?" * 35) + ")")
    for (uid, node, rtype), (_, digest) in zip(nodes, hashes):
        nid = node_id(uid, rtype)
        if (nid, digest) in known:
            members.append((version_id, rtype, known[(nid, digest)]))
            continue
        config = node.get("config") or {}
        test = node.get("test_metadata") or {}
        kwargs = test.get("kwargs") or {}
        fresh_cfg = node.get("freshness") or config.get("freshness") or {}
        warn = fresh_cfg.get("warn_after") or {}
        err = fresh_cfg.get("error_after") or {}
        depends = (node.get("depends_on") or {}).get("nodes") or []
        tested = node.get("attached_node") or (depends[0] if depends else None)
        row = (nid, digest, rtype, node.get("name") or uid.split(".")[-1], node.get("package_name"), node.get("path"),
               node.get("original_file_path"), node.get("database"), node.get("schema"), node.get("alias"),
               node.get("relation_name"), node.get("description"), config.get("materialized"), node.get("language"),
               node.get("access") or config.get("access"), node.get("group") or config.get("group"),
               None if node.get("version") is None else str(node.get("version")),
               compact(node.get("fqn") or []), compact(node.get("tags") or []), compact(node.get("meta")),
               test.get("name"), test.get("namespace"), node.get("column_name") or kwargs.get("column_name"),
               tested if rtype == "test" else None, config.get("severity"), node.get("source_name"),
               node.get("identifier"), node.get("loader"), node.get("loaded_at_field"), warn.get("count"),
               warn.get("period"), err.get("count"), err.get("period"), fresh_cfg.get("filter"),
               json.dumps(node, ensure_ascii=False))
        definition_id = db.execute(insert_definition, row).lastrowid
        members.append((version_id, rtype, definition_id))
        for parent in parent_map.get(uid, depends):
            edges.append((definition_id, node_id(parent)))
    db.executemany("INSERT INTO manifest_member(manifest_version_id, resource_type, definition_id) VALUES (?, ?, ?) "
                   "ON CONFLICT DO NOTHING", members)
    db.executemany("INSERT INTO lineage_edge(definition_id, parent_node_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                   edges)
    return version_id


def ingest(db_path, manifest_path, run_results_paths, catalog_path):
    fresh = not os.path.exists(db_path)
    db = sqlite3.connect(db_path, isolation_level=None)
    # The same connection settings as Sources/SQLite/DatabasePool.swift and the page size of
    # Sources/MetadataStore/Schema.swift (foreign keys are left off there too).
    db.execute(f"PRAGMA page_size = {schema_page_size()}")  # before WAL, as the store does
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA cache_size = -8192")
    if fresh:
        db.executescript(schema_sql())
    with open(manifest_path, "rb") as f:
        manifest = json.load(f)
    results_files = []
    for path in run_results_paths:
        with open(path, "rb") as f:
            results_files.append(json.load(f))
    catalog = None
    if catalog_path:
        with open(catalog_path, "rb") as f:
            catalog = json.load(f)
    meta = manifest.get("metadata") or {}
    account, project, environment, job = 1, 1, 1, 1
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO account(id, name) VALUES (?, ?) ON CONFLICT(id) DO NOTHING", (account, None))
    db.execute("INSERT INTO project(id, account_id, name) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING",
               (project, account, meta.get("project_name")))
    db.execute("INSERT INTO environment(id, project_id, name) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING",
               (environment, project, None))
    db.execute("INSERT INTO job(id, environment_id, name) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING",
               (job, environment, None))
    node_ids = dict(db.execute("SELECT unique_id, id FROM node WHERE project_id = ?", (project,)))

    def node_id(unique_id, resource_type=None):
        found = node_ids.get(unique_id)
        if found is None:
            cursor = db.execute("INSERT INTO node(project_id, unique_id, resource_type) VALUES (?, ?, ?)",
                                (project, unique_id, resource_type or unique_id.split(".")[0]))
            found = node_ids[unique_id] = cursor.lastrowid
        return found

    nodes = []
    for collection in COLLECTIONS:
        for key, node in (manifest.get(collection) or {}).items():
            nodes.append((node.get("unique_id") or key, node, node.get("resource_type") or collection))
    hashes = [(uid, content_hash(node)) for uid, node, _ in nodes]
    parts = []
    for uid, digest in sorted(hashes):
        parts += [uid, digest]
    print_fp = fingerprint(parts)
    # A next run of an unchanged project reuses its manifest version (as the store does); a
    # changed one adds a version and only the definitions whose content hash is new.
    existing = db.execute("SELECT id FROM manifest_version WHERE project_id = ? AND fingerprint = ? "
                          "AND node_count = ?", (project, print_fp, len(nodes))).fetchone()
    if existing:
        version_id = existing[0]
    else:
        version_id = store_version(db, project, print_fp, nodes, hashes, node_id, manifest)
    generated = meta.get("generated_at")
    run_id = db.execute(
        "INSERT INTO run(id, job_id, environment_id, manifest_version_id, generated_at, dbt_version, invocation_id, "
        "adapter_type, project_name, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (None, job, environment, version_id, generated, meta.get("dbt_version"), meta.get("invocation_id"),
         meta.get("adapter_type"), meta.get("project_name"), time.strftime("%Y-%m-%dT%H:%M:%S.000000Z"))).lastrowid

    def artifact(doc, kind, step, executes, args, path):
        m = doc.get("metadata") or {}
        identity = "%s|%s|%s" % (kind, m.get("invocation_id") or "", m.get("generated_at") or "")
        return db.execute(
            "INSERT INTO artifact(run_id, kind, schema_version, dbt_version, invocation_id, generated_at, identity, "
            "step, executes_nodes, invocation_command, elapsed_time, args, file_name) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (run_id, kind, int(re.search(r"v(\d+)\.json$", m.get("dbt_schema_version", "v0.json")).group(1)),
             m.get("dbt_version"), m.get("invocation_id"), m.get("generated_at"), identity, step, executes,
             (args or {}).get("invocation_command"), doc.get("elapsed_time"), compact(args), path)).lastrowid

    artifact(manifest, "manifest", None, 1, None, manifest_path)
    db.execute("UPDATE environment SET latest_run_id = ?, latest_generated_at = ? WHERE id = ? AND "
               "(latest_generated_at IS NULL OR latest_generated_at <= ?)", (run_id, generated, environment, generated))
    insert_execution = (
        "INSERT INTO execution(run_id, artifact_id, environment_id, node_id, executes_node, status, message, failures, "
        "thread_id, execution_time, compile_started_at, compile_completed_at, execute_started_at, "
        "execute_completed_at, adapter_response, generated_at) VALUES (" + ", ".join("?" * 16) + ")")
    last_execution, last_success = applied_sql("last_execution"), applied_sql("last_success")
    for path, doc in zip(run_results_paths, results_files):
        args = doc.get("args") or {}
        step = args.get("which")
        executes = 0 if step in ("generate", "compile", "list", "ls", "parse", "show", "run-operation", "rpc") else 1
        artifact_id = artifact(doc, "run-results", step, executes, args, path)
        at = (doc.get("metadata") or {}).get("generated_at") or generated
        for result in doc.get("results") or []:
            uid = result.get("unique_id") or (result.get("node") or {}).get("unique_id")
            nid = node_id(uid)
            timing = {t.get("name"): t for t in result.get("timing") or []}
            compile_t, execute_t = timing.get("compile") or {}, timing.get("execute") or {}
            failures = result.get("failures")
            row = (run_id, artifact_id, environment, nid, executes, result.get("status"),
                   None if result.get("message") is None else str(result.get("message")),
                   failures if isinstance(failures, int) else None, result.get("thread_id"),
                   result.get("execution_time"), compile_t.get("started_at"), compile_t.get("completed_at"),
                   execute_t.get("started_at"), execute_t.get("completed_at"), compact(result.get("adapter_response")),
                   at)
            execution_id = db.execute(insert_execution, row).lastrowid
            if executes:
                db.execute(last_execution, (environment, nid, execution_id, at))
                if result.get("status") in ("success", "pass"):
                    db.execute(last_success, (environment, nid, execution_id, at))
    if catalog is not None:
        artifact_id = artifact(catalog, "catalog", None, 1, None, catalog_path)
        at = (catalog.get("metadata") or {}).get("generated_at") or generated
        last_catalog = applied_sql("last_catalog")
        for group in ("nodes", "sources"):
            for uid, table in (catalog.get(group) or {}).items():
                nid = node_id(uid)
                columns = sorted((table.get("columns") or {}).values(), key=lambda c: c.get("index") or 1 << 60)
                parts = []
                for c in columns:
                    parts += [c.get("name") or "", str(c.get("type")), str(c.get("index")), str(c.get("comment"))]
                fp = fingerprint(parts)
                row = db.execute("SELECT id FROM catalog_column_set WHERE project_id = ? AND fingerprint = ?",
                                 (project, fp)).fetchone()
                if row:
                    set_id = row[0]
                else:
                    set_id = db.execute("INSERT INTO catalog_column_set(project_id, fingerprint, column_count) "
                                        "VALUES (?, ?, ?)", (project, fp, len(columns))).lastrowid
                    db.executemany("INSERT INTO catalog_column(column_set_id, position, name, type, column_index, "
                                   "comment) VALUES (?, ?, ?, ?, ?, ?)",
                                   [(set_id, i, c.get("name"), c.get("type"), c.get("index"), c.get("comment"))
                                    for i, c in enumerate(columns)])
                md = table.get("metadata") or {}
                stats = table.get("stats") or {}

                def number(*ids):
                    for sid in ids:
                        value = (stats.get(sid) or {}).get("value")
                        if isinstance(value, (int, float)) and not isinstance(value, bool):
                            return int(value)
                    return None
                entry = db.execute(
                    "INSERT INTO catalog_entry(run_id, artifact_id, environment_id, node_id, column_set_id, table_type, "
                    "database_name, schema_name, table_name, comment, owner, row_count, bytes, generated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (run_id, artifact_id, environment, nid, set_id, md.get("type"), md.get("database"),
                     md.get("schema"), md.get("name"), md.get("comment"), md.get("owner"),
                     number("row_count", "num_rows"), number("bytes", "num_bytes"), at)).lastrowid
                db.executemany("INSERT INTO catalog_stat(catalog_entry_id, stat_id, label, value, include, "
                               "description) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                               [(entry, s.get("id") or sid, s.get("label"), compact(s.get("value")),
                                 1 if s.get("include") else 0, s.get("description")) for sid, s in stats.items()])
                db.execute(last_catalog, (environment, nid, entry, at))
    db.execute("COMMIT")
    db.close()
    return len(nodes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--run-results", action="append", default=[])
    parser.add_argument("--catalog")
    args = parser.parse_args()
    start = time.perf_counter()
    count = ingest(args.db, args.manifest, args.run_results, args.catalog)
    print("stored %d definitions in %.3f s" % (count, time.perf_counter() - start))


if __name__ == "__main__":
    main()
