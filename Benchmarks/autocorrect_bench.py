#!/usr/bin/env python3
"""AutoCorrect (autocorrect-py, a Rust CJK linter) linting the benchmark's corpora in-process.

Usage: autocorrect_bench.py --out FILE [--min-seconds S] NAME=PATH[,PATH...]...

Each NAME is timed as one unit: every PATH read into memory first, then
`autocorrect_py.lint_for(text, "text.txt")` on each text, repeated until S seconds
(at least once; a warm-up run first for corpora under 2 MB), and the median run is
reported as MB/s of UTF-8 (10^6 bytes). A text that AutoCorrect refuses whole (its
parser stops with "call limit reached" somewhere past ~200 KB) is linted as chunks of
at most 100 KB cut at blank lines, and the result says "mode": "chunked".
Writes {"version", "results": [{name, bytes, mode, runs_seconds, median_seconds,
mb_per_s, findings}]} to FILE. Progress goes to stderr.
"""
import argparse
import importlib.metadata
import json
import statistics
import sys
import time

import autocorrect_py

CHUNK = 100_000


def chunks(text):
    """Pieces of at most CHUNK UTF-8 bytes (a longer paragraph stays whole), cut after "\n\n"."""
    pieces, current, size = [], [], 0
    for block in text.split("\n\n"):
        block_bytes = len(block.encode("utf-8")) + 2
        if current and size + block_bytes > CHUNK:
            pieces.append("\n\n".join(current) + "\n\n")
            current, size = [], 0
        current.append(block)
        size += block_bytes
    if current:
        pieces.append("\n\n".join(current))
    return pieces


def lint_all(texts):
    findings = 0
    for text in texts:
        findings += len(autocorrect_py.lint_for(text, "text.txt").lines)
    return findings


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--min-seconds", type=float, default=3.0)
    parser.add_argument("corpora", nargs="+")
    args = parser.parse_args()
    results = []
    for spec in args.corpora:
        name, _, paths = spec.partition("=")
        texts = []
        for path in paths.split(","):
            with open(path, encoding="utf-8") as f:
                texts.append(f.read())
        total = sum(len(t.encode("utf-8")) for t in texts)
        mode = "whole"
        try:
            # A 300 KB prefix is refused exactly when whole texts of that size are.
            for t in texts:
                autocorrect_py.lint_for(t[:300_000] if len(t) > 300_000 else t, "text.txt")
        except ValueError:
            mode = "chunked"
            texts = [piece for t in texts for piece in chunks(t)]
        print(f"autocorrect: {name} ({total} bytes, {mode})", file=sys.stderr, flush=True)
        if total < 2_000_000:
            lint_all(texts)
        runs, findings = [], 0
        spent = 0.0
        while not runs or spent < args.min_seconds:
            start = time.perf_counter()
            findings = lint_all(texts)
            elapsed = time.perf_counter() - start
            runs.append(elapsed)
            spent += elapsed
            if total >= 50_000_000:
                break
        median = statistics.median(runs)
        results.append({
            "name": name, "bytes": total, "mode": mode, "runs_seconds": runs,
            "median_seconds": median, "mb_per_s": total / 1e6 / median, "findings": findings,
        })
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"version": importlib.metadata.version("autocorrect-py"), "results": results}, f, indent=2)


if __name__ == "__main__":
    main()
