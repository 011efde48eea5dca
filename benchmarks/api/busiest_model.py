#!/usr/bin/env python3
"""Prints the unique id of the model with the most parents and children in environment 1's
latest manifest version of DB: the model the API and HTTP benchmarks query.

Usage: benchmarks/api/busiest_model.py DB
"""
import sqlite3
import sys

db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)  # read-only: never written
version = db.execute(
    "SELECT r.manifest_version_id FROM environment e JOIN run r ON r.id = e.latest_run_id WHERE e.id = 1"
).fetchone()[0]
print(db.execute("""
  SELECT n.unique_id FROM manifest_member m JOIN definition d ON d.id = m.definition_id JOIN node n ON n.id = d.node_id
  WHERE m.manifest_version_id = ? AND m.resource_type = 'model'
  ORDER BY (SELECT count(*) FROM lineage_edge l WHERE l.definition_id = d.id)
         + (SELECT count(*) FROM lineage_edge l WHERE l.parent_node_id = n.id) DESC, n.unique_id LIMIT 1""",
    (version,)).fetchone()[0])
