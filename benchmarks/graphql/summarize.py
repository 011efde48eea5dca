"""Summarizes the rounds of run.sh (parse) or execute.sh (execute) as Markdown tables.

    python3 summarize.py parse|execute RESULTS_FILE...

Several files (runs of the same script) are summarized together, their rounds numbered on.

RESULTS_FILE holds one JSON object per line, written by the scripts:
  {"meta": "run", "date": "2026-12-04T22:30Z", "commit": "c1d4a56"}
  {"meta": "load", "when": "start"|"end"|"round", "round": R, "loadavg": "1.00 2.00 3.00"}
  {"meta": "order", "round": R, "order": ["dbt-metadata", ...]}
  {"round": R, "position": P, "side": S, "row": {...}}   a runner's own JSON line

Each side ran once per round, in an order that alternates between rounds, so the ratio of
this project to a peer is taken within a round (both measured minutes apart at most, under
about the same load) and the table gives, per input or task and peer, the median ratio
over the rounds with its spread (lowest-highest), beside the median absolute figures.
"""

import json
import statistics
import sys

OURS = "dbt-metadata"


def load(paths):
    """Reads the files of one or more runs; rounds are numbered on across the files."""
    meta, rows = [], []
    for number, path in enumerate(paths, start=1):
        offset = max((r["round"] for r in rows), default=0)
        with open(path) as handle:
            for line in handle:
                line = line.strip()
                if not line:
                    continue
                record = json.loads(line)
                record["pass"] = number
                if "round" in record and not (record.get("meta") == "load"
                                              and record["when"] == "start"):
                    record["round"] += offset
                (meta if "meta" in record else rows).append(record)
    return meta, rows


def spread(values, fmt):
    """Median and (lowest-highest) of `values`, each formatted with `fmt`."""
    return f"{fmt(statistics.median(values))} ({fmt(min(values))}-{fmt(max(values))})"


def ratio(value):
    return f"{value:.2f}x"


def header(meta, rows, what):
    rounds = sorted({r["round"] for r in rows})
    passes = sorted({m["pass"] for m in meta})
    print(f"{what}: {len(rounds)} rounds" + (f" in {len(passes)} runs" if len(passes) > 1 else "")
          + "; every side once per round, the order alternating (rotated every second round, "
          "reversed every other round):")
    for number in passes:
        mine = [m for m in meta if m["pass"] == number]
        loads = {m["when"]: m["loadavg"] for m in mine if m["meta"] == "load"
                 and m["when"] != "round"}
        for m in mine:
            if m["meta"] == "run":
                print(f"run {number}: measured {m['date']} at commit {m['commit']}; load average "
                      f"(1, 5, 15 min) at start {loads.get('start', '?')}, "
                      f"at end {loads.get('end', '?')}")
        for m in mine:
            if m["meta"] == "order":
                print(f"  round {m['round']}: {' -> '.join(m['order'])}")
    per_round = [float(m["loadavg"].split()[0]) for m in meta
                 if m["meta"] == "load" and m["when"] == "round"]
    if per_round:
        print(f"1-min load average at the rounds' starts: {min(per_round):.2f}-{max(per_round):.2f}"
              f" (median {statistics.median(per_round):.2f})")
    print()


def parse_tables(meta, rows):
    header(meta, rows, "GraphQL parse")
    # row: {"parser", "input", "bytes", "microseconds", "mbps"}
    sides = list(dict.fromkeys(r["side"] for r in rows))
    names = {r["side"]: r["row"]["parser"] for r in rows}
    inputs = list(dict.fromkeys(r["row"]["input"] for r in rows))
    by = {(r["round"], r["side"], r["row"]["input"]): r["row"] for r in rows}
    rounds = sorted({r["round"] for r in rows})
    peers = [s for s in sides if s != OURS]
    print("| input | bytes | " + " | ".join(f"{names[s]} MB/s" for s in sides) + " | "
          + " | ".join(f"vs {names[s]}" for s in peers) + " |")
    print("|---|---:|" + "---:|" * (len(sides) + len(peers)))
    per_round = {}
    for name in inputs:
        size = next(by[k]["bytes"] for k in by if k[2] == name)
        cells = [name, str(size)]
        for s in sides:
            values = [by[(r, s, name)]["mbps"] for r in rounds if (r, s, name) in by]
            cells.append(spread(values, lambda v: f"{v:.1f}"))
        for s in peers:
            ratios = [by[(r, OURS, name)]["mbps"] / by[(r, s, name)]["mbps"]
                      for r in rounds if (r, OURS, name) in by and (r, s, name) in by]
            per_round[(name, s)] = ratios
            cells.append(spread(ratios, ratio))
        print("| " + " | ".join(cells) + " |")
    print()
    print("Per-round ratios (dbt-metadata MB/s / peer MB/s), round by round:")
    print()
    print("| input | peer | " + " | ".join(str(r) for r in rounds) + " |")
    print("|---|---|" + "---:|" * len(rounds))
    for (name, s), ratios in per_round.items():
        print(f"| {name} | {names[s]} | " + " | ".join(f"{v:.2f}" for v in ratios) + " |")


TASKS = ["execute", "execute+json", "request", "validate-introspection", "execute-introspection"]


def execute_tables(meta, rows):
    header(meta, rows, "GraphQL execution")
    # row: {"engine", "task", "microseconds", ["ns_per_field"]} or a "dos" row with "case".
    timed = [r for r in rows if r["row"]["task"] != "dos"]
    dos = [r for r in rows if r["row"]["task"] == "dos"]
    engines = list(dict.fromkeys(r["row"]["engine"] for r in timed))
    peers = [e for e in engines if e != OURS]
    rounds = sorted({r["round"] for r in timed})
    by = {(r["round"], r["row"]["engine"], r["row"]["task"]): r["row"] for r in timed}
    tasks = [t for t in TASKS if any(k[2] == t for k in by)]

    def cell(values, fields):
        text = spread(values, lambda v: f"{v:,.0f}")
        if fields:
            per_field = [v * 1000 / fields for v in values]
            text += f"; {statistics.median(per_field):,.0f} ns/field"
        return text

    print("| task | " + " | ".join(f"{e} µs" for e in engines) + " | "
          + " | ".join(f"{OURS} vs {e}" for e in peers) + " |")
    print("|---|" + "---:|" * (len(engines) + len(peers)))
    per_round = {}
    for task in tasks:
        cells = [task]
        for e in engines:
            values = [by[(r, e, task)]["microseconds"] for r in rounds if (r, e, task) in by]
            if not values:
                cells.append("-")
                continue
            sample = next(by[(r, e, task)] for r in rounds if (r, e, task) in by)
            fields = (round(sample["microseconds"] * 1000 / sample["ns_per_field"])
                      if "ns_per_field" in sample else None)
            cells.append(cell(values, fields))
        for e in peers:
            ratios = [by[(r, e, task)]["microseconds"] / by[(r, OURS, task)]["microseconds"]
                      for r in rounds if (r, e, task) in by and (r, OURS, task) in by]
            if ratios:
                per_round[(task, e)] = ratios
            cells.append(spread(ratios, ratio) if ratios else "-")
        print("| " + " | ".join(cells) + " |")
    print()
    print("Per-round ratios (peer µs / dbt-metadata µs: how many times faster), round by round:")
    print()
    print("| task | peer | " + " | ".join(str(r) for r in rounds) + " |")
    print("|---|---|" + "---:|" * len(rounds))
    for (task, e), ratios in per_round.items():
        print(f"| {task} | {e} | " + " | ".join(f"{v:.2f}" for v in ratios) + " |")
    if dos:
        print()
        count = len({r["round"] for r in dos})
        print(f"| denial-of-service document (request path, release; median (lowest-highest) of "
              f"{count} rounds) | µs | answer |")
        print("|---|---:|---|")
        cases = list(dict.fromkeys(r["row"]["case"] for r in dos))
        for case in cases:
            these = [r["row"] for r in dos if r["row"]["case"] == case]
            values = [r["microseconds"] for r in these]
            answers = sorted({r["answer"] for r in these})
            print(f"| {case} | {spread(values, lambda v: f'{v:,.0f}')} | {' / '.join(answers)} |")


def main():
    mode, paths = sys.argv[1], sys.argv[2:]
    meta, rows = load(paths)
    if not rows:
        sys.exit("no measurements in " + " ".join(paths))
    {"parse": parse_tables, "execute": execute_tables}[mode](meta, rows)


if __name__ == "__main__":
    main()
