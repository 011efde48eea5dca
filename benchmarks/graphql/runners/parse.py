"""graphql-core runner: same measurement as the Swift runner, one JSON line per input.

    python3 runners/parse.py INPUT...
"""
import json
import os
import sys
import time

import graphql
from graphql import Source, parse


def measure(body, seconds=1.5):
    iterations = 1
    while True:
        start = time.perf_counter()
        for _ in range(iterations):
            body()
        if time.perf_counter() - start >= 0.02:
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


for file in sys.argv[1:]:
    name = os.path.splitext(os.path.basename(file))[0]
    with open(file, "rb") as handle:
        data = handle.read()
    # From bytes, as a server gets a request body: decoding is part of the work.
    seconds = measure(lambda: parse(Source(data.decode("utf-8"), name)))
    print(json.dumps({"parser": "graphql-core " + graphql.__version__, "input": name,
                      "bytes": len(data), "microseconds": seconds * 1e6,
                      "mbps": len(data) / seconds / 1e6}))
