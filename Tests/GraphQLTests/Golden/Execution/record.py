#!/usr/bin/env python3
"""Records graphql-core 3.2's answers for the corpus entries marked "core:" in corpus.txt.

graphql-js 16.6 predates @oneOf and MaxIntrospectionDepthRule, so these entries are
recorded with graphql-core on the test schema plus Fixtures/test-schema-oneof.graphql.
graphql-core quotes names with single quotes ('PetBy') where graphql-js uses double
quotes ("PetBy"), and prints values the Python way; messages are converted to
graphql-js's wording here so that the Swift tests compare with one convention.

  python3 Tests/GraphQLTests/Golden/Execution/record.py
"""
import ast
import json
import os
import re

from graphql import build_schema, execute, parse, validate

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "Fixtures")


def read_corpus(path):
    entries = []
    current = None
    with open(path) as f:
        for line in f.read().split("\n"):
            if line.startswith("--- "):
                parts = line[4:].split(" | ")
                name = parts[0].strip()
                peer = "js"
                if name.startswith("core:"):
                    peer, name = "core", name[5:]
                current = {
                    "name": name, "peer": peer, "lines": [],
                    "variables": json.loads(parts[1]) if len(parts) > 1 else None,
                    "operationName": parts[2].strip() if len(parts) > 2 else None,
                }
                entries.append(current)
            elif current is not None:
                current["lines"].append(line)
    for entry in entries:
        while entry["lines"] and entry["lines"][-1] == "":
            entry["lines"].pop()
        entry["document"] = "\n".join(entry.pop("lines"))
    return entries


def js_inspect(value):
    """graphql-js's inspect() of a JSON value."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{k}: {js_inspect(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(js_inspect(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def to_js_quotes(message):
    """'Name' -> "Name" for names and paths quoted by graphql-core."""
    return re.sub(r"'([^' ]*)'", r'"\1"', message)


def plain_error(error, _variables):
    message = error.message
    match = re.match(r"Variable '\$(\w+)' got invalid value (.*?)(; | at ')", message)
    if match:
        name = match.group(1)
        rest = message[match.end(2):]
        value = ast.literal_eval(match.group(2))
        message = f'Variable "${name}" got invalid value {js_inspect(value)}' + to_js_quotes(rest)
    else:
        message = to_js_quotes(message)
    result = {"message": message}
    if error.locations:
        result["locations"] = [{"line": l.line, "column": l.column} for l in error.locations]
    if error.path:
        result["path"] = list(error.path)
    return result


def main():
    with open(os.path.join(FIXTURES, "test-schema.graphql")) as f:
        sdl = f.read()
    with open(os.path.join(FIXTURES, "test-schema-oneof.graphql")) as f:
        sdl += "\n" + f.read()
    with open(os.path.join(FIXTURES, "test-data.json")) as f:
        data = json.load(f)
    schema = build_schema(sdl)

    def pet_by(_source, _info, by):
        if by.get("name") == "Rex" or by.get("id") == "1":
            return data["dog"]
        if by.get("name") == "Tom":
            return data["cat"]
        return None

    schema.query_type.fields["petBy"].resolve = pet_by
    golden = {}
    for entry in read_corpus(os.path.join(HERE, "corpus.txt")):
        if entry["peer"] != "core":
            continue
        document = parse(entry["document"])
        errors = validate(schema, document)
        if errors:
            golden[entry["name"]] = {"validation": [plain_error(e, None) for e in errors]}
            continue
        result = execute(schema, document, variable_values=entry["variables"],
                         operation_name=entry["operationName"])
        response = {}
        if result.errors:
            response["errors"] = [plain_error(e, entry["variables"]) for e in result.errors]
        # graphql-js leaves data out when the request failed before execution (variable
        # coercion errors, which carry no path); graphql-core answers data=None.
        request_error = result.data is None and result.errors and all(
            not e.path for e in result.errors)
        if not request_error:
            response["data"] = result.data
        golden[entry["name"]] = {"result": response}
    with open(os.path.join(HERE, "golden-core.json"), "w") as f:
        json.dump(golden, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"recorded {len(golden)} entries")


if __name__ == "__main__":
    main()
