#!/usr/bin/env python3
"""Per-step summary of a stepped Locust run, from its --csv-full-history PREFIX_stats_history.csv (Locust 2.12).

    python3 locust_steps.py PREFIX_stats_history.csv

Reads only the "Aggregated" rows (one a second). A step is a run of seconds with the same "User Count". For each:
its users and seconds, the requests and failures it added (difference of "Total Request Count" / "Total Failure
Count" from the last second before the step to its last second), their rate, and Locust's own "95%" at the
step's last second (Locust computes that over a sliding window of the last 10 seconds). A Markdown table.
"""
import csv
import sys


def main():
    with open(sys.argv[1], newline="", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["Name"] == "Aggregated"]
    steps = []  # [users, first row index, last row index]; the first row (0 users, start-up) is before any step
    for i, row in enumerate(rows[1:], start=1):
        if steps and steps[-1][0] == row["User Count"]:
            steps[-1][2] = i
        else:
            steps.append([row["User Count"], i, i])
    print("| users | seconds | requests | req/s | failures | p95 (ms) at the step's end |")
    print("|---:|---:|---:|---:|---:|---:|")
    for users, first, last in steps:
        before = rows[first - 1]
        requests = int(rows[last]["Total Request Count"]) - int(before["Total Request Count"])
        failures = int(rows[last]["Total Failure Count"]) - int(before["Total Failure Count"])
        seconds = int(rows[last]["Timestamp"]) - int(before["Timestamp"])
        print(f"| {users} | {seconds} | {requests} | {requests / seconds:.1f} | {failures} | {rows[last]['95%']} |")


if __name__ == "__main__":
    main()
