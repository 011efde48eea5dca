#!/usr/bin/env python3
"""The metadata API benchmark's Python side (run.sh): the same measurement as the Swift
APIBenchmark over benchmarks/peers/metadata_api_peer.py.

Usage: peer_bench.py DB VARIABLES_JSON SECONDS MAX_ITERATIONS QUERY_FILE...

Each query: 3 warm-up answers, then answers until SECONDS have passed or MAX_ITERATIONS (at
least 5), from the query text to the response bytes (execute, json.dumps compact, UTF-8).
Prints one JSON line per query (p50/p99 ms, bytes, resolved fields, fields per second).
OUTPUT_DIR=path writes each response to path/NAME.json.
"""
import json
import math
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "peers"))
from metadata_api_peer import Peer  # noqa: E402


def field_count(value):
    if isinstance(value, dict):
        return sum(1 + field_count(v) for v in value.values())
    if isinstance(value, list):
        return sum(field_count(v) for v in value)
    return 0


def percentile(ordered, p):
    rank = math.ceil(p / 100 * len(ordered))
    return ordered[max(0, min(len(ordered) - 1, rank - 1))]


def main():
    db, variables, seconds, max_iterations = sys.argv[1], json.loads(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    peer = Peer(db)
    out = os.environ.get("OUTPUT_DIR")
    for path in sys.argv[5:]:
        name = os.path.splitext(os.path.basename(path))[0]
        with open(path) as f:
            query = f.read()

        def answer():
            return json.dumps(peer.execute(query, variables), separators=(",", ":"), ensure_ascii=False).encode()

        first_start = time.perf_counter()
        first = peer.execute(query, variables)
        first_ms = (time.perf_counter() - first_start) * 1000
        if "errors" in first:
            sys.exit("%s: %s" % (name, json.dumps(first)[:500]))
        fields = field_count(first.get("data"))
        body = answer()
        if out:
            with open(os.path.join(out, name + ".json"), "wb") as f:
                f.write(body)
        for _ in range(2):
            body = answer()
        samples = []
        deadline = time.perf_counter() + seconds
        while len(samples) < 5 or (len(samples) < max_iterations and time.perf_counter() < deadline):
            start = time.perf_counter()
            body = answer()
            samples.append((time.perf_counter() - start) * 1000)
        samples.sort()
        p50 = percentile(samples, 50)
        print(json.dumps({"side": "python", "query": name, "iterations": len(samples), "p50_ms": p50,
                          "p99_ms": percentile(samples, 99), "first_ms": first_ms, "bytes": len(body),
                          "fields": fields,
                          "fields_per_s": fields / (p50 / 1000)}), flush=True)


if __name__ == "__main__":
    main()
