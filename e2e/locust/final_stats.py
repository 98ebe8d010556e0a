"""Writes Locust's statistics once more when Locust quits, for the fidelity check (e2e/locust/run.sh).

Locust 2.12's --csv writer rewrites PREFIX_stats.csv every CSV_STATS_INTERVAL_SEC (1 s) from a background
greenlet and never once more at the end (locust issue #2299), so the file on disk can miss the requests of
the last second. At 'quitting' every user has stopped and no request is in flight, so the statistics are
final: this writes them with Locust's own StatsCSV code (same columns, same rounding and percentile
definition) to $LOCUST_FINAL_STATS_stats.csv and $LOCUST_FINAL_STATS_failures.csv.
"""
import os

from locust import events
from locust.stats import PERCENTILES_TO_REPORT, StatsCSV


@events.quitting.add_listener
def _write_final_stats(environment, **_kwargs):
    prefix = os.environ.get("LOCUST_FINAL_STATS")
    if not prefix or environment.runner is None:
        return
    csv = StatsCSV(environment, PERCENTILES_TO_REPORT)
    import csv as csvmodule

    for suffix, write in (("_stats.csv", csv.requests_csv), ("_failures.csv", csv.failures_csv)):
        with open(prefix + suffix, "w", newline="", encoding="utf-8") as f:
            write(csvmodule.writer(f))
