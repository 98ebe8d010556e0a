#!/usr/bin/env python3
"""Small summaries of JMeter CSV JTL files (plain or .gz), as Markdown tables, for the READMEs of the recorded runs.

    python3 jtl_stats.py medians [--labels L1,L2] FILE...   one row a file: samples, median elapsed (ms) per label
    python3 jtl_stats.py levels FILE...                     one row a file: users (largest allThreads), requests,
                                                            throughput (all, and successful only), median and
                                                            p95 elapsed, errors, 503s

Columns are found by their header names (JMeter's defaults), not by position. Percentiles are nearest-rank over
every sample of the file (p-th percentile = the ceil(p/100 * n)-th smallest elapsed, in ms); medians the same
with p = 50. Throughput is requests / (last sample's end - first sample's start), JMeter's own definition; "ok/s"
counts only the successful ones (fast 503s inflate the first).
Errors are samples with success == false (503s included).
"""
import argparse
import csv
import gzip
import io
import math
import os
import sys


def read_samples(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(io.StringIO(handle.read())))


def percentile(sorted_values, p):
    return sorted_values[max(0, math.ceil(p / 100 * len(sorted_values)) - 1)]


def name(path):
    base = os.path.basename(path)
    for suffix in (".gz", ".jtl", ".csv"):
        base = base[: -len(suffix)] if base.endswith(suffix) else base
    return base


def medians(paths, labels):
    rows = [(path, read_samples(path)) for path in paths]
    if not labels:
        labels = sorted({s["label"] for _, samples in rows for s in samples})
    print("| run | samples | " + " | ".join(f"{label} median (ms)" for label in labels) + " |")
    print("|---|---:|" + "---:|" * len(labels))
    for path, samples in rows:
        cells = []
        for label in labels:
            elapsed = sorted(int(s["elapsed"]) for s in samples if s["label"] == label)
            cells.append(str(percentile(elapsed, 50)) if elapsed else "-")
        print(f"| {name(path)} | {len(samples)} | " + " | ".join(cells) + " |")


def levels(paths):
    print("| run | users | requests | throughput (req/s) | ok/s | median (ms) | p95 (ms) | errors | of which 503 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for path in paths:
        samples = read_samples(path)
        missing = {"allThreads", "grpThreads"} - set(samples[0]) if samples else {"(no samples)"}
        if missing:
            sys.exit(f"{path}: no column {', '.join(sorted(missing))}")
        elapsed = sorted(int(s["elapsed"]) for s in samples)
        start = min(int(s["timeStamp"]) for s in samples)
        end = max(int(s["timeStamp"]) + int(s["elapsed"]) for s in samples)
        errors = sum(s["success"] != "true" for s in samples)
        unavailable = sum(s["responseCode"] == "503" for s in samples)
        users = max(int(s["allThreads"]) for s in samples)
        seconds = (end - start) / 1000
        print(f"| {name(path)} | {users} | {len(samples)} | {len(samples) / seconds:.1f} | "
              f"{(len(samples) - errors) / seconds:.1f} | {percentile(elapsed, 50)} | {percentile(elapsed, 95)} | "
              f"{errors} | {unavailable} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    med = sub.add_parser("medians")
    med.add_argument("--labels", help="comma-separated labels (default: every label, sorted)")
    med.add_argument("files", nargs="+")
    lev = sub.add_parser("levels")
    lev.add_argument("files", nargs="+")
    args = parser.parse_args()
    if args.command == "medians":
        medians(args.files, args.labels.split(",") if args.labels else None)
    else:
        levels(args.files)


if __name__ == "__main__":
    main()
