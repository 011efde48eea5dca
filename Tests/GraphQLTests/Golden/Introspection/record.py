#!/usr/bin/env python3
"""Records the introspection goldens with graphql-core (3.2).

For the service schema (../shared/spec/metadata-api.graphql) and the engine's test schema
(../../Fixtures/test-schema.graphql), it writes:
  introspection-query.graphql     graphql-core's get_introspection_query() with every option
  <name>.result.json              graphql-core's execution result of that query
  <name>.printed.graphql          print_schema(build_client_schema(result))
and checks the round trip: the printed client schema equals print_schema(build_schema(sdl)).
The Swift tests execute the same query with this engine and compare with the result file,
so an equal result round-trips the same way. Run from anywhere:
  python3 Tests/GraphQLTests/Golden/Introspection/record.py
"""
import json
import os
import sys

from graphql import (build_client_schema, build_schema, get_introspection_query, graphql_sync,
                     print_schema)

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
SHARED = os.path.join(REPO, "..", "shared")

SCHEMAS = {
    "metadata-api": os.path.join(SHARED, "spec", "metadata-api.graphql"),
    "test-schema": os.path.join(HERE, "..", "..", "Fixtures", "test-schema.graphql"),
}


def main():
    query = get_introspection_query(
        descriptions=True, specified_by_url=True, directive_is_repeatable=True,
        schema_description=True, input_value_deprecation=True, input_object_one_of=True)
    with open(os.path.join(HERE, "introspection-query.graphql"), "w") as f:
        f.write(query)
    for name, path in SCHEMAS.items():
        with open(path) as f:
            sdl = f.read()
        schema = build_schema(sdl)
        result = graphql_sync(schema, query)
        if result.errors:
            sys.exit(f"{name}: {result.errors}")
        with open(os.path.join(HERE, name + ".result.json"), "w") as f:
            json.dump({"data": result.data}, f, indent=1, ensure_ascii=False)
            f.write("\n")
        printed = print_schema(build_client_schema(result.data))
        expected = print_schema(schema)
        if printed != expected:
            sys.exit(f"{name}: the client schema does not print as the schema")
        with open(os.path.join(HERE, name + ".printed.graphql"), "w") as f:
            f.write(printed + "\n")
        print(f"{name}: recorded ({len(result.data['__schema']['types'])} types)")


if __name__ == "__main__":
    main()
