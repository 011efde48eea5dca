#!/usr/bin/env python3
"""Generate a realistic synthetic dbt project's manifest.json (v12) and run_results.json (v6).

Usage: generate.py NODES OUTDIR [--seed N]

NODES counts the executable nodes (models, seeds, snapshots, tests, hooks). Proportions follow
the real public manifests (reference/dbt-artifacts.md section 9, SOURCES.md): about 35% models,
50% tests, 9% seeds, 2% snapshots, 1% analyses and a few hooks; sources about 8% of the node
count; macros 700 + NODES/40 (package macros dominate small projects); models carry 4-24
documented columns, raw and compiled SQL; tests are generic (unique, not_null, accepted_values,
relationships) with test_metadata and attached_node. Keys and shapes copy dbt 1.8's v12 output
(e.g. fivetran-hubspot/v12_dbt1.8.3), written with dbt's separators (", " and ": ").
run_results is a `dbt build` covering every executable node with a realistic status mix.
Output is deterministic for a given NODES and seed.
"""
import json
import os
import random
import sys

WORDS = ("account order customer payment invoice session event campaign product region store "
         "employee contract ticket shipment channel partner vendor budget forecast").split()
COLUMN_WORDS = ("id name status amount currency created_at updated_at email country type source "
                "category quantity price discount total score flag owner_id parent_id").split()
MACRO_BODY = ("{% macro NAME(relation, columns) -%}\n  {%- call statement('q', fetch_result=True) -%}\n"
              "    select {{ columns | join(', ') }}\n    from {{ relation }}\n    where 1 = 1\n"
              "  {%- endcall -%}\n  {{ return(load_result('q').table) }}\n{%- endmacro %}\n")


def column(name, rng):
    return {"name": name, "description": "The " + name.replace("_", " ") + " of the record. " *
            rng.randint(1, 3), "meta": {}, "data_type": None, "constraints": [], "quote": None, "tags": []}


def node_config(materialized, rng, test=False):
    if test:
        return {"enabled": True, "alias": None, "schema": "dbt_test__audit", "database": None, "tags": [],
                "meta": {}, "group": None, "materialized": "test", "severity": rng.choice(["ERROR", "ERROR", "WARN"]),
                "store_failures": None, "store_failures_as": None, "where": None, "limit": None,
                "fail_calc": "count(*)", "warn_if": "!= 0", "error_if": "!= 0"}
    return {"enabled": True, "alias": None, "schema": "analytics", "database": None, "tags": [], "meta": {},
            "group": None, "materialized": materialized, "incremental_strategy": None, "persist_docs": {},
            "post-hook": [], "pre-hook": [], "quoting": {}, "column_types": {}, "full_refresh": None,
            "unique_key": None, "on_schema_change": "ignore", "on_configuration_change": "apply", "grants": {},
            "packages": [], "docs": {"show": True, "node_color": None},
            "contract": {"enforced": False, "alias_types": True}, "access": "protected"}


def base(kind, pkg, name, path, rng, materialized="view"):
    uid = kind + "." + pkg + "." + name
    return uid, {
        "database": "analytics", "schema": "prod_" + pkg, "name": name, "resource_type": kind,
        "package_name": pkg, "path": path, "original_file_path": "models/" + path, "unique_id": uid,
        "fqn": [pkg, path.split("/")[0], name], "alias": name,
        "checksum": {"name": "sha256", "checksum": "%064x" % rng.getrandbits(256)},
        "config": node_config(materialized, rng, test=(kind == "test")), "tags": [], "description": "",
        "columns": {}, "meta": {}, "group": None, "docs": {"show": True, "node_color": None},
        "patch_path": None, "build_path": None, "unrendered_config": {"materialized": materialized},
        "created_at": 1722270143.010156 + rng.random(), "relation_name": '"analytics"."prod_%s"."%s"' % (pkg, name),
        "raw_code": "", "language": "sql", "refs": [], "sources": [], "metrics": [],
        "depends_on": {"macros": [], "nodes": []}, "compiled_path": "target/compiled/" + pkg + "/models/" + path,
        "compiled": True, "compiled_code": "", "extra_ctes_injected": True, "extra_ctes": [],
        "contract": {"enforced": False, "alias_types": True, "checksum": None},
    }


def generate(total, seed):
    rng = random.Random(seed)
    pkg = "synthetic"
    counts = {"model": int(total * 0.35), "seed": int(total * 0.09), "snapshot": max(1, int(total * 0.02)),
              "analysis": max(1, int(total * 0.01)), "operation": 3}
    counts["test"] = total - sum(counts.values())
    n_sources = max(4, int(total * 0.08))
    n_macros = 700 + total // 40
    nodes, sources, macros, parents = {}, {}, {}, {}
    macro_ids = []
    for i in range(n_macros):
        name = "macro_%s_%d" % (rng.choice(WORDS), i)
        uid = "macro.%s.%s" % (rng.choice(["dbt", "dbt_utils", pkg]), name)
        macro_ids.append(uid)
        macros[uid] = {"name": name, "resource_type": "macro", "package_name": uid.split(".")[1],
                       "path": "macros/%s.sql" % name, "original_file_path": "macros/%s.sql" % name,
                       "unique_id": uid, "macro_sql": MACRO_BODY.replace("NAME", name) * rng.randint(1, 3),
                       "depends_on": {"macros": rng.sample(macro_ids, min(2, len(macro_ids)))},
                       "description": "", "meta": {}, "docs": {"show": True, "node_color": None},
                       "patch_path": None, "arguments": [], "created_at": 1722270140.5 + i / 1000,
                       "supported_languages": None}
    source_ids = []
    for i in range(n_sources):
        table = "%s_%d" % (rng.choice(WORDS), i)
        src = "raw_" + rng.choice(WORDS[:6])
        uid = "source.%s.%s.%s" % (pkg, src, table)
        source_ids.append(uid)
        cols = {c: column(c, rng) for c in rng.sample(COLUMN_WORDS, rng.randint(4, 14))}
        sources[uid] = {"database": "raw", "schema": src, "name": table, "resource_type": "source",
                        "package_name": pkg, "path": "models/sources.yml", "original_file_path": "models/sources.yml",
                        "unique_id": uid, "fqn": [pkg, src, table], "source_name": src, "source_description": "",
                        "loader": "Fivetran", "identifier": table,
                        "quoting": {"database": None, "schema": None, "identifier": None, "column": None},
                        "loaded_at_field": "_fivetran_synced",
                        "freshness": {"warn_after": {"count": 24, "period": "hour"},
                                      "error_after": {"count": 48, "period": "hour"}, "filter": None},
                        "external": None, "description": "Raw " + table, "columns": cols, "meta": {},
                        "source_meta": {}, "tags": [], "config": {"enabled": True},
                        "patch_path": None, "unrendered_config": {}, "relation_name": '"raw"."%s"."%s"' % (src, table),
                        "created_at": 1722270143.5}
        parents[uid] = []
    model_ids, seed_ids = [], []
    for i in range(counts["seed"]):
        name = "seed_%s_%d" % (rng.choice(WORDS), i)
        uid, node = base("seed", pkg, name, "seeds/%s.csv" % name, rng, "seed")
        node["config"]["delimiter"] = ","
        node["depends_on"] = {"macros": []}
        for key in ("compiled", "compiled_code", "extra_ctes_injected", "extra_ctes", "refs", "sources", "metrics",
                    "language", "compiled_path"):
            node.pop(key, None)
        node["raw_code"] = ""
        node["root_path"] = "/home/runner/work/project"
        nodes[uid] = node
        seed_ids.append(uid)
        parents[uid] = []
    for i in range(counts["model"]):
        layer = rng.choice(["staging", "intermediate", "marts"])
        name = "%s_%s_%d" % (layer[:3], rng.choice(WORDS), i)
        uid, node = base("model", pkg, name, "%s/%s.sql" % (layer, name), rng, rng.choice(["view", "table", "incremental"]))
        upstream = rng.sample(source_ids, 1) if (layer == "staging" or not model_ids) else \
            rng.sample(model_ids[-200:], min(len(model_ids[-200:]), rng.randint(1, 4)))
        if seed_ids and rng.random() < 0.1:
            upstream.append(rng.choice(seed_ids))
        cols = {c: column(c, rng) for c in rng.sample(COLUMN_WORDS, rng.randint(4, 20))}
        node["columns"] = cols
        node["description"] = "Model " + name + " " + " ".join(rng.choice(WORDS) for _ in range(20))
        select = ",\n    ".join(cols)
        froms = []
        for up in upstream:
            kind = up.split(".")[0]
            if kind == "source":
                node["sources"].append([up.split(".")[2], up.split(".")[3]])
                froms.append("{{ source('%s', '%s') }}" % (up.split(".")[2], up.split(".")[3]))
            else:
                node["refs"].append({"name": up.split(".")[2], "package": None, "version": None})
                froms.append("{{ ref('%s') }}" % up.split(".")[2])
        node["raw_code"] = "with base as (\n  select\n    %s\n  from %s\n)\nselect * from base\n-- %s\n" % (
            select, "\n  join ".join(froms), " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 120))))
        node["compiled_code"] = node["raw_code"].replace("{{ ", '"analytics".').replace(" }}", "")
        node["depends_on"] = {"macros": rng.sample(macro_ids, rng.randint(0, 4)), "nodes": upstream}
        nodes[uid] = node
        model_ids.append(uid)
        parents[uid] = list(upstream)
    for i in range(counts["snapshot"]):
        name = "snap_%d" % i
        uid, node = base("snapshot", pkg, name, "snapshots/%s.sql" % name, rng, "snapshot")
        up = rng.choice(model_ids)
        node["config"].update({"strategy": "timestamp", "unique_key": "id", "updated_at": "updated_at",
                               "target_schema": "snapshots"})
        node["raw_code"] = "select * from {{ ref('%s') }}" % up.split(".")[2]
        node["refs"] = [{"name": up.split(".")[2], "package": None, "version": None}]
        node["depends_on"] = {"macros": [], "nodes": [up]}
        nodes[uid] = node
        parents[uid] = [up]
    for i in range(counts["analysis"]):
        name = "analysis_%d" % i
        uid, node = base("analysis", pkg, name, "analyses/%s.sql" % name, rng)
        node["raw_code"] = "select 1"
        nodes[uid] = node
        parents[uid] = []
    for i in range(counts["operation"]):
        name = "%s-on-run-end-%d" % (pkg, i)
        uid, node = base("operation", pkg, name, "hooks/%s.sql" % name, rng, "view")
        node["raw_code"] = "grant select on all tables in schema analytics to role reporter"
        node["index"] = i
        nodes[uid] = node
        parents[uid] = []
    tested = model_ids + source_ids
    for i in range(counts["test"]):
        target = rng.choice(tested)
        target_name = target.split(".")[-1]
        cols = nodes[target]["columns"] if target in nodes else sources[target]["columns"]
        col = rng.choice(sorted(cols)) if cols else "id"
        kind = rng.choice(["unique", "not_null", "not_null", "accepted_values", "relationships"])
        name = "%s_%s_%s_%d" % (kind, target_name, col, i)
        uid, node = base("test", pkg, name, "%s.sql" % name, rng, "test")
        uid = uid + ".%010x" % rng.getrandbits(40)
        node["unique_id"] = uid
        node["checksum"] = {"name": "none", "checksum": ""}
        node["relation_name"] = None
        ref = "ref('%s')" % target_name if target.startswith("model.") else \
            "source('%s', '%s')" % (target.split(".")[2], target.split(".")[3])
        kwargs = {"column_name": col, "model": "{{ get_where_subquery(%s) }}" % ref}
        deps = [target]
        if kind == "accepted_values":
            kwargs["values"] = rng.sample(WORDS, 4)
        if kind == "relationships":
            other = rng.choice(model_ids)
            kwargs["to"] = "ref('%s')" % other.split(".")[2]
            kwargs["field"] = "id"
            deps = sorted({target, other})
        node["raw_code"] = "{{ test_%s(**_dbt_generic_test_kwargs) }}" % kind
        node["compiled_code"] = "select %s from %s where %s is null\n" % (col, target_name, col)
        if target.startswith("model."):
            node["refs"] = [{"name": target_name, "package": None, "version": None}]
        else:
            node["sources"] = [[target.split(".")[2], target.split(".")[3]]]
        node["depends_on"] = {"macros": ["macro.dbt.test_" + kind, "macro.dbt.get_where_subquery"], "nodes": deps}
        node.update({"column_name": col, "file_key_name": "models." + target_name, "attached_node": target,
                     "test_metadata": {"name": kind, "kwargs": kwargs, "namespace": None}})
        nodes[uid] = node
        parents[uid] = deps
    children = {uid: [] for uid in parents}
    for uid, ups in parents.items():
        for up in ups:
            children.setdefault(up, []).append(uid)
    manifest = {
        "metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json", "dbt_version": "1.8.3",
                     "generated_at": "2024-07-29T16:23:24.555172Z", "invocation_id": "%032x" % rng.getrandbits(128),
                     "env": {}, "project_name": pkg, "project_id": "%032x" % rng.getrandbits(128),
                     "user_id": None, "send_anonymous_usage_stats": False, "adapter_type": "postgres"},
        "nodes": nodes, "sources": sources, "macros": macros, "docs": {}, "exposures": {}, "metrics": {},
        "groups": {}, "selectors": {}, "disabled": {}, "parent_map": parents, "child_map": children,
        "group_map": {}, "saved_queries": {}, "semantic_models": {}, "unit_tests": {},
    }
    results = []
    for uid, node in nodes.items():
        kind = node["resource_type"]
        if kind == "analysis":
            continue
        roll = rng.random()
        if kind == "test":
            status = "pass" if roll < 0.9 else "fail" if roll < 0.95 else "warn" if roll < 0.98 else "error"
        else:
            status = "success" if roll < 0.96 else "error" if roll < 0.98 else "skipped"
        start = 1722270000 + rng.random() * 3600
        timing = [] if status in ("error", "skipped") else [
            {"name": "compile", "started_at": "2024-07-29T16:%02d:%02d.%06dZ" % (rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999999)),
             "completed_at": "2024-07-29T16:%02d:%02d.%06dZ" % (rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999999))},
            {"name": "execute", "started_at": "2024-07-29T16:%02d:%02d.%06dZ" % (rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999999)),
             "completed_at": "2024-07-29T16:%02d:%02d.%06dZ" % (rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999999))}]
        del start
        results.append({
            "status": status, "timing": timing, "thread_id": "Thread-%d" % rng.randint(1, 8),
            "execution_time": rng.random() * 20,
            "adapter_response": {} if kind == "test" else {"_message": "SELECT 1", "code": "SELECT", "rows_affected": rng.randint(-1, 10000)},
            "message": ("Got %d results, configured to fail if != 0" % rng.randint(1, 50)) if status in ("fail", "warn")
            else ("Database Error in %s\n  relation does not exist" % uid) if status == "error" else "SELECT 1",
            "failures": (rng.randint(1, 50) if status in ("fail", "warn") else 0) if kind == "test" else None,
            "unique_id": uid, "compiled": True, "compiled_code": node.get("compiled_code", ""),
            "relation_name": node.get("relation_name")})
    run_results = {
        "metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json", "dbt_version": "1.8.3",
                     "generated_at": "2024-07-29T17:23:24.555172Z", "invocation_id": manifest["metadata"]["invocation_id"],
                     "env": {}},
        "results": results, "elapsed_time": 3600.5,
        "args": {"which": "build", "invocation_command": "dbt build", "select": [], "exclude": []},
    }
    return manifest, run_results


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    total = int(sys.argv[1])
    outdir = sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 42
    manifest, run_results = generate(total, seed)
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "manifest.json"), "w") as f:
        json.dump(manifest, f)
    with open(os.path.join(outdir, "run_results.json"), "w") as f:
        json.dump(run_results, f)


if __name__ == "__main__":
    main()
