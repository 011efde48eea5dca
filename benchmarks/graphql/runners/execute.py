"""graphql-core 3.2 on the execution benchmark: the same schema, data (500 items x 30
fields) and query as ExecuteBenchmark; plus validation of the standard introspection query
against the service schema. One JSON line per measurement.

  python3 runners/execute.py INPUTS_DIR SERVICE_SCHEMA
"""
import json
import os
import sys
import time

from graphql import build_schema, execute, graphql_sync, parse, validate

inputs, service_schema_path = sys.argv[1:3]


def read(name):
    with open(os.path.join(inputs, name)) as f:
        return f.read()


def measure(body, seconds=2.0):
    iterations = 1
    while True:
        start = time.perf_counter()
        for _ in range(iterations):
            body()
        if time.perf_counter() - start >= 0.05:
            break
        iterations *= 2
    best = float("inf")
    deadline = time.perf_counter() + seconds
    while True:
        start = time.perf_counter()
        for _ in range(iterations):
            body()
        best = min(best, (time.perf_counter() - start) / iterations)
        if time.perf_counter() >= deadline:
            break
    return best


def report(task, seconds, fields=None):
    line = {"engine": "graphql-core", "task": task, "microseconds": seconds * 1e6}
    if fields:
        line["ns_per_field"] = seconds * 1e9 / fields
    print(json.dumps(line), flush=True)


items = []
for n in range(500):
    item = {}
    for k in range(10):
        item[f"s{k}"] = f"item {n} string {k}"
        item[f"i{k}"] = n * 10 + k
    for k in range(5):
        item[f"f{k}"] = n + k / 4
        item[f"b{k}"] = (n + k) % 2 == 0
    items.append(item)
fields = 500 * 30 + 1
schema = build_schema(read("execute-schema.graphql"))
root = {"items": items}
query_text = read("execute-query.graphql")
document = parse(query_text)
assert not validate(schema, document)
check = execute(schema, document, root_value=root)
assert not check.errors and len(check.data["items"]) == 500
report("execute", measure(lambda: execute(schema, document, root_value=root)), fields)
report("execute+json", measure(lambda: json.dumps(execute(schema, document, root_value=root).data)), fields)
report("request", measure(lambda: json.dumps(graphql_sync(schema, query_text, root_value=root).data)), fields)

with open(service_schema_path) as f:
    service = build_schema(f.read())
introspection = parse(read("introspection.graphql"))
report("validate-introspection", measure(lambda: validate(service, introspection)))
report("execute-introspection", measure(lambda: json.dumps(execute(service, introspection).data)))
