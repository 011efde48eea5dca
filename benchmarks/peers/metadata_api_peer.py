#!/usr/bin/env python3
"""Python peer of the metadata API benchmark (benchmarks/api, benchmarks/http).

graphql-core 3.2 `build_schema` on ../shared/spec/metadata-api.graphql, with resolvers for
the fields the five benchmark queries use, reading the same SQLite database as dbt-metadata
with the standard library's sqlite3. Written the way a competent Python developer would:

- one SQL statement per list, never per item: a page of models is read in one query, and
  their parents, children, tests and execution info are each fetched in one batched query
  for the whole page on first use (a per-request cache keyed by field, like a DataLoader);
- the lineage is read as two whole-graph queries (nodes, edges) and assembled in Python;
- the performance aggregates are computed in SQL, as the service does;
- parsed and validated documents are cached by query text (as the service's document cache).

Semantics follow the service's store (Sources/MetadataStore/Queries): the environment's
definition state is the manifest version of its latest run; applied state is the node's
latest execution; relatives are ordered by unique id; timestamps are served with
milliseconds (truncated); `performance` counts model executions (status not `skipped`) of
the window's runs and `error` as failed.

Usage as a library: `Peer(db).execute(query, variables)` -> dict (the response);
`python3 metadata_api_peer.py DB QUERY_FILE [VARIABLES_JSON]` prints one response.
"""
import json
import os
import sqlite3
import sys
import threading

from graphql import (GraphQLError, build_schema, execute, parse, validate)

SPEC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "spec",
                    "metadata-api.graphql")

NESTED_TYPES = {"model": "ModelAppliedStateNestedNode", "source": "SourceAppliedStateNestedNode",
                "seed": "SeedAppliedStateNestedNode", "snapshot": "SnapshotAppliedStateNestedNode",
                "test": "TestAppliedStateNestedNode", "unit_test": "TestAppliedStateNestedNode",
                "exposure": "ExposureAppliedStateNestedNode", "macro": "MacroAppliedStateNestedNode"}
LINEAGE_TYPES = {"model": "Model", "source": "Source", "seed": "Seed", "snapshot": "Snapshot",
                 "test": "Test", "unit_test": "Test", "exposure": "Exposure", "metric": "Metric",
                 "macro": "Macro", "semantic_model": "SemanticModel", "saved_query": "SavedQuery"}
LINEAGE_OBJECTS = {"Model": "ModelLineageNode", "Source": "SourceLineageNode", "Seed": "SeedLineageNode",
                   "Snapshot": "SnapshotLineageNode", "Test": "TestLineageNode",
                   "Exposure": "ExposureLineageNode", "Metric": "MetricLineageNode",
                   "Macro": "MacroLineageNode", "SemanticModel": "SemanticModelLineageNode",
                   "SavedQuery": "SavedQueryLineageNode"}
MODEL_RUN_STATUSES = {"success", "error", "skipped", "warn"}


def api_time(text):
    """The store's `YYYY-MM-DDTHH:MM:SS.ffffffZ` as the API serves it (milliseconds)."""
    if not text:
        return None
    return text[:19] + "." + (text[20:-1] + "000")[:3] + "Z"


class Request:
    """Per-request state: the connection, the environment's manifest version, batch caches."""

    def __init__(self, db, account_id):
        self.db = db
        self.account_id = account_id
        self.cache = {}

    def version(self, environment_id):
        key = ("version", environment_id)
        if key not in self.cache:
            row = self.db.execute(
                "SELECT r.manifest_version_id FROM environment e JOIN project p ON p.id = e.project_id "
                "JOIN run r ON r.id = e.latest_run_id WHERE e.id = ? AND p.account_id = ?",
                (environment_id, self.account_id)).fetchone()
            self.cache[key] = row[0] if row else None
        return self.cache[key]


NODE_COLUMNS = ("n.id, n.unique_id, d.resource_type, d.name, d.original_file_path, d.materialized, "
                "d.description, d.test_column_name, s.last_execution_id, s.last_success_id")


def node_dict(row, environment_id):
    return {"nodeId": row[0], "uniqueId": row[1], "resourceType": row[2], "name": row[3], "filePath": row[4],
            "materializedType": row[5], "description": row[6], "columnName": row[7],
            "_last": row[8], "_success": row[9], "_env": environment_id,
            "__typename": NESTED_TYPES.get(row[2], "ModelAppliedStateNestedNode")}


class Peer:
    def __init__(self, db_path):
        with open(SPEC) as f:
            self.schema = build_schema(f.read())
        self.db_path = db_path
        self.local = threading.local()
        self.documents = {}
        self.documents_lock = threading.Lock()
        self._bind()

    def connection(self):
        db = getattr(self.local, "db", None)
        if db is None:
            db = sqlite3.connect("file:%s?mode=ro" % self.db_path, uri=True, check_same_thread=False)
            db.execute("PRAGMA query_only = 1")
            self.local.db = db
        return db

    # ---- the request path --------------------------------------------------------------

    def execute(self, query, variables=None, operation_name=None, account_id=1):
        with self.documents_lock:
            cached = self.documents.get(query)
        if cached is None:
            try:
                document = parse(query)
            except GraphQLError as error:
                return {"errors": [error.formatted]}
            errors = validate(self.schema, document)
            cached = (document, [e.formatted for e in errors])
            with self.documents_lock:
                self.documents[query] = cached
        document, errors = cached
        if errors:
            return {"errors": errors}
        result = execute(self.schema, document, variable_values=variables or {}, operation_name=operation_name,
                         context_value=Request(self.connection(), account_id))
        response = {"data": result.data}
        if result.errors:
            response = {"errors": [e.formatted for e in result.errors], "data": result.data}
        return response

    # ---- resolvers ---------------------------------------------------------------------

    def _bind(self):
        s = self.schema
        query = s.query_type.fields
        query["environment"].resolve = lambda _, info, id: {"id": int(id)}
        query["performance"].resolve = lambda _, info, environmentId: {"id": int(environmentId)}
        env = s.get_type("Environment").fields
        env["applied"].resolve = lambda environment, info: {"id": environment["id"]}
        applied = s.get_type("AppliedState").fields
        applied["models"].resolve = self.applied_models
        applied["lineage"].resolve = self.lineage
        applied["modelHistoricalRuns"].resolve = self.model_historical_runs
        s.get_type("PerformanceState").fields["mostExecutionFailedModels"].resolve = self.most_failed
        model = s.get_type("ModelAppliedStateNode").fields
        model["executionInfo"].resolve = self.execution_info
        model["parents"].resolve = self.relatives("parents")
        model["children"].resolve = self.relatives("children")
        model["tests"].resolve = self.relatives("tests")
        s.get_type("TestAppliedStateNestedNode").fields["executionInfo"].resolve = self.execution_info
        for name in ("EnvironmentAppliedNestedNode", "LineageNode", "LineageNodeExecutable"):
            s.get_type(name).resolve_type = lambda value, info, t: value["__typename"]
        info_fields = {"lastRunId": "run_id", "lastRunStatus": "status", "lastSuccessRunId": "success_run_id",
                       "executionTime": "execution_time", "executeCompletedAt": "execute_completed_at",
                       "lastRunFailures": "failures"}
        for type_name in ("ModelExecutionInfoNode", "TestExecutionInfoNode"):
            fields = s.get_type(type_name).fields
            for field, key in info_fields.items():
                if field in fields:
                    fields[field].resolve = (lambda k: lambda v, info: v.get(k))(key)
        fields = s.get_type("ModelExecutionInfoNode").fields
        fields["lastRunStatus"].resolve = lambda v, info: v["status"] if v["status"] in MODEL_RUN_STATUSES else None

    def applied_models(self, applied, info, first=None, after=None, filter=None, sort=None):
        ctx = info.context
        version = ctx.version(applied["id"])
        if version is None:
            return {"edges": [], "totalCount": 0, "pageInfo": {"hasNextPage": False, "hasPreviousPage": False}}
        where = ["m.manifest_version_id = ?", "m.resource_type = 'model'"]
        args = [applied["id"], version]
        if filter and filter.get("uniqueIds") is not None:
            where.append("n.unique_id IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(filter["uniqueIds"]))
        base = ("FROM manifest_member m JOIN definition d ON d.id = m.definition_id JOIN node n ON n.id = d.node_id "
                "LEFT JOIN applied_state s ON s.environment_id = ? AND s.node_id = n.id WHERE " + " AND ".join(where))
        limit = first if first is not None else -1
        rows = ctx.db.execute("SELECT %s %s ORDER BY n.unique_id LIMIT ?" % (NODE_COLUMNS, base),
                              args + [limit + 1 if limit >= 0 else -1]).fetchall()
        has_next = limit >= 0 and len(rows) > limit
        nodes = [node_dict(r, applied["id"]) for r in rows[:limit if limit >= 0 else None]]
        ctx.cache["page"] = nodes
        total = None
        if any(sel.name.value == "totalCount" for sel in info.field_nodes[0].selection_set.selections):
            total = ctx.db.execute("SELECT count(*) " + base, args).fetchone()[0]
        return {"edges": [{"node": n, "cursor": n["uniqueId"]} for n in nodes], "totalCount": total,
                "pageInfo": {"hasNextPage": has_next, "hasPreviousPage": False}}

    def _batch(self, ctx, key, node, load):
        """Loads `key` for every node of the request's page (or this node alone) at once."""
        cache = ctx.cache.setdefault(key, {})
        if node["nodeId"] not in cache:
            group = [n for n in ctx.cache.get("page", []) if n["nodeId"] not in cache] or [node]
            if all(n["nodeId"] != node["nodeId"] for n in group):
                group = [node]
            for n in group:
                cache[n["nodeId"]] = None
            load(ctx, group, cache)
        return cache[node["nodeId"]]

    def relatives(self, relation):
        def resolve(node, info):
            ctx = info.context

            def load(ctx, group, cache):
                version = ctx.version(group[0]["_env"])
                ids = json.dumps([n["nodeId"] for n in group])
                # CROSS JOIN keeps SQLite's join order as written: start from the page's nodes
                # and look memberships up by the manifest_member primary key (the plan a
                # developer settles on after EXPLAIN QUERY PLAN; the default plan scans).
                member = ("CROSS JOIN manifest_member m ON m.manifest_version_id = ?1 "
                          "AND m.resource_type = d.resource_type AND m.definition_id = d.id ")
                if relation == "parents":
                    sql = ("SELECT anchor.value, %s FROM json_each(?3) anchor "
                           "CROSS JOIN definition cd ON cd.node_id = anchor.value "
                           "CROSS JOIN manifest_member cm ON cm.manifest_version_id = ?1 "
                           "AND cm.resource_type = cd.resource_type AND cm.definition_id = cd.id "
                           "CROSS JOIN lineage_edge l ON l.definition_id = cd.id "
                           "CROSS JOIN node n ON n.id = l.parent_node_id "
                           "CROSS JOIN definition d ON d.node_id = n.id %s"
                           "LEFT JOIN applied_state s ON s.environment_id = ?2 AND s.node_id = n.id "
                           "ORDER BY anchor.value, n.unique_id" % (NODE_COLUMNS, member))
                else:
                    sql = ("SELECT anchor.value, %s FROM json_each(?3) anchor "
                           "CROSS JOIN lineage_edge l ON l.parent_node_id = anchor.value "
                           "CROSS JOIN definition d ON d.id = l.definition_id %s"
                           "CROSS JOIN node n ON n.id = d.node_id "
                           "LEFT JOIN applied_state s ON s.environment_id = ?2 AND s.node_id = n.id %s"
                           "ORDER BY anchor.value, n.unique_id"
                           % (NODE_COLUMNS, member, "WHERE d.resource_type IN ('test', 'unit_test') AND "
                              "d.tested_unique_id = (SELECT unique_id FROM node WHERE id = anchor.value) "
                              if relation == "tests" else ""))
                args = (version, group[0]["_env"], ids)
                for n in group:
                    cache[n["nodeId"]] = []
                for row in ctx.db.execute(sql, args):
                    cache[row[0]].append(node_dict(row[1:], group[0]["_env"]))

            return self._batch(ctx, relation, node, load)
        return resolve

    def execution_info(self, node, info):
        ctx = info.context

        def load(ctx, group, cache):
            ids = json.dumps([i for n in group for i in (n["_last"], n["_success"]) if i is not None])
            rows = {r[0]: r for r in ctx.db.execute(
                "SELECT id, run_id, status, execution_time, execute_completed_at, failures FROM execution "
                "WHERE id IN (SELECT value FROM json_each(?))", (ids,))}
            for n in group:
                last, success = rows.get(n["_last"]), rows.get(n["_success"])
                cache[n["nodeId"]] = {
                    "run_id": last[1] if last else None, "status": last[2] if last else None,
                    "execution_time": last[3] if last else None,
                    "execute_completed_at": api_time(last[4]) if last else None,
                    "failures": last[5] if last else None, "success_run_id": success[1] if success else None}

        # Tests' nested nodes come from `tests`, not the page: batch over all loaded tests.
        if node["resourceType"] in ("test", "unit_test") and "tests" in ctx.cache:
            key = "testInfo"
            cache = ctx.cache.setdefault(key, {})
            if node["nodeId"] not in cache:
                group = [t for ts in ctx.cache["tests"].values() if ts for t in ts if t["nodeId"] not in cache]
                load(ctx, group or [node], cache)
            return cache[node["nodeId"]]
        return self._batch(ctx, "executionInfo", node, load)

    def lineage(self, applied, info, filter):
        ctx = info.context
        version = ctx.version(applied["id"])
        if version is None:
            return []
        types = filter.get("types")
        wanted = None if types is None else set(types)
        nodes = ctx.db.execute(
            "SELECT n.id, n.unique_id, d.resource_type, d.name, d.original_file_path, x.status "
            "FROM manifest_member m JOIN definition d ON d.id = m.definition_id JOIN node n ON n.id = d.node_id "
            "LEFT JOIN applied_state s ON s.environment_id = ? AND s.node_id = n.id "
            "LEFT JOIN execution x ON x.id = s.last_execution_id "
            "WHERE m.manifest_version_id = ? ORDER BY n.unique_id", (applied["id"], version)).fetchall()
        parents = {}
        for child, parent in ctx.db.execute(
                "SELECT d.node_id, p.unique_id FROM manifest_member m JOIN definition d ON d.id = m.definition_id "
                "JOIN lineage_edge l ON l.definition_id = d.id JOIN node p ON p.id = l.parent_node_id "
                "WHERE m.manifest_version_id = ? ORDER BY d.node_id, p.unique_id", (version,)):
            parents.setdefault(child, []).append(parent)
        result = []
        for node_id, unique_id, kind, name, path, status in nodes:
            lineage_type = LINEAGE_TYPES.get(kind)
            if lineage_type is None or (wanted is not None and lineage_type not in wanted):
                continue
            result.append({"uniqueId": unique_id, "name": name, "resourceType": lineage_type, "filePath": path,
                           "parentIds": parents.get(node_id, []), "lastRunStatus": status,
                           "__typename": LINEAGE_OBJECTS[lineage_type]})
        return result

    def model_historical_runs(self, applied, info, uniqueId=None, identifier=None, lastRunCount=1, withCatalog=False):
        ctx = info.context
        rows = ctx.db.execute(
            "SELECT e.run_id, n.unique_id, e.status, e.message, e.execution_time, e.execute_completed_at "
            "FROM node n JOIN environment v ON v.project_id = n.project_id JOIN project p ON p.id = v.project_id "
            "JOIN execution e ON e.environment_id = v.id AND e.node_id = n.id "
            "WHERE v.id = ? AND p.account_id = ? AND n.unique_id = ? AND e.executes_node = 1 "
            "ORDER BY e.run_id DESC, e.generated_at DESC, e.id DESC LIMIT ?",
            (applied["id"], ctx.account_id, uniqueId, lastRunCount)).fetchall()
        return [{"runId": r[0], "uniqueId": r[1], "status": r[2],
                 "error": r[3] if r[2] in ("error", "fail", "warn", "runtime error") else None,
                 "executionTime": r[4], "executeCompletedAt": api_time(r[5])} for r in rows]

    def most_failed(self, performance, info, start, end, limit=None):
        ctx = info.context
        rows = ctx.db.execute(
            "WITH runs AS (SELECT r.id FROM run r JOIN environment v ON v.id = r.environment_id "
            "JOIN project p ON p.id = v.project_id WHERE r.environment_id = ? AND p.account_id = ? "
            "AND substr(r.generated_at, 1, 10) BETWEEN ? AND ?) "
            "SELECT n.unique_id, count(*), sum(e.status = 'error') FROM runs r JOIN execution e ON e.run_id = r.id "
            "JOIN node n ON n.id = e.node_id WHERE e.executes_node = 1 AND n.resource_type = 'model' "
            "AND coalesce(e.status, '') <> 'skipped' GROUP BY e.node_id HAVING sum(e.status = 'error') > 0 "
            "ORDER BY sum(e.status = 'error') DESC, 1.0 * sum(e.status = 'error') / count(*) DESC, n.unique_id "
            "LIMIT ?", (performance["id"], ctx.account_id, start, end, limit or 5)).fetchall()
        return [{"uniqueId": u, "totalExecutions": total, "totalFailedExecutions": failed,
                 "failurePercentage": 100.0 * failed / total if total else 0.0} for u, total, failed in rows]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    peer = Peer(sys.argv[1])
    with open(sys.argv[2]) as f:
        query = f.read()
    variables = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
    print(json.dumps(peer.execute(query, variables), separators=(",", ":"), ensure_ascii=False))


if __name__ == "__main__":
    main()
