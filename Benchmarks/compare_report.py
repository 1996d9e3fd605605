#!/usr/bin/env python3
"""Markdown report for Benchmarks/compare.sh (Python standard library only).

usage: compare_report.py RESULTS_DIR N [N ...]

Reads, for each size N, the files compare.sh writes into RESULTS_DIR:
  full-N.json     hyperfine export: handbook, hugo, libcmark floor (full builds)
  rebuild-N.json  hyperfine export: no-change rebuild, one-file change (handbook)
  rss-N.tsv       "tool<TAB>peak RSS in KiB" (GNU time %M) for handbook, hugo, floor
  summary-N.txt   handbook's "Built ... pages" line (optional)
  edited-N.txt    the article edited for the one-file change (optional)
"""

import json
import sys
from pathlib import Path

NAMES = {"handbook": "handbook", "hugo": "Hugo", "libcmark floor": "libcmark floor"}
RSS_KEYS = {"handbook": "handbook", "hugo": "hugo", "libcmark floor": "floor"}


def medians(path):
    """{command name: (median seconds, number of runs)} from a hyperfine JSON export."""
    results = json.loads(path.read_text())["results"]
    return {r["command"]: (r["median"], len(r["times"])) for r in results}


def read_rss(path):
    rss = {}
    for line in path.read_text().splitlines():
        tool, kib = line.split("\t")
        rss[tool] = int(kib) / 1024
    return rss


def optional(path):
    return path.read_text().strip() if path.exists() else ""


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    results = Path(argv[1])
    sizes = [int(n) for n in argv[2:]]
    full = {}

    for n in sizes:
        full[n] = medians(results / f"full-{n}.json")
        rss = read_rss(results / f"rss-{n}.tsv")
        hugo = full[n]["hugo"][0]
        floor = full[n]["libcmark floor"][0]
        print(f"## {n:,} articles\n")
        print("| tool | median s | ms/page | × Hugo | × libcmark floor | peak RSS MiB | runs |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for command, name in NAMES.items():
            median, runs = full[n][command]
            print(f"| {name} | {median:.3f} | {median * 1000 / n:.2f} | {median / hugo:.2f}× "
                  f"| {median / floor:.2f}× | {rss[RSS_KEYS[command]]:.0f} | {runs} |")
        summary = optional(results / f"summary-{n}.txt")
        print(f"\nms/page = median / {n:,} articles."
              + (f" handbook: {summary}." if summary else "") + "\n")

    if len(sizes) >= 2:
        small, big = min(sizes), max(sizes)
        if small != big:
            def scale(command):
                return full[big][command][0] / full[small][command][0]
            print(f"Scaling time({big})/time({small}): handbook {scale('handbook'):.2f}×, "
                  f"Hugo {scale('hugo'):.2f}× (linear: {big / small:.2f}×)\n")

    print("## handbook rebuilds (output left in place)\n")
    print("| articles | full build s | no-change rebuild s | × full | one-file change s | × full | edited article |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    for n in sizes:
        rebuild = medians(results / f"rebuild-{n}.json")
        clean = full[n]["handbook"][0]
        same = rebuild["no-change rebuild"][0]
        edit = rebuild["one-file change"][0]
        edited = optional(results / f"edited-{n}.txt")
        print(f"| {n:,} | {clean:.3f} | {same:.3f} | {same / clean:.2f}× | {edit:.3f} | {edit / clean:.2f}× "
              f"| {edited} |")
    print("\nfull build: output deleted before each run. no-change rebuild: `handbook build` again "
          "into the existing output. one-file change: a sentence appended to the edited article "
          "before each run, then `handbook build` into the existing output.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
