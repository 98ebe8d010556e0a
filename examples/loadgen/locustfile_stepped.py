"""Stepped load for capacity curves: the users of locustfile.py, 5 -> 10 -> 20 -> 50, STEP_SECONDS each.

    locust -f examples/loadgen/locustfile_stepped.py --headless --host http://127.0.0.1:PORT \\
        --csv PREFIX --csv-full-history

The shape sets users and spawn rate (-u, -r and -t are ignored) and ends the run after the last step. With
--csv-full-history, PREFIX_stats_history.csv has a row a second per endpoint and for all, with its "User Count".
Against a shop_server.py with --workers and --queue, "503 Server Error" on any endpoint is the overload the
curve is meant to show, so it counts as expected for the exit code (besides checkout's simulated 500s).
"""
import os

from locust import LoadTestShape

from locustfile import EXPECTED_FAILURES, ShopUser  # noqa: F401 (Locust finds the user class here)

STEPS = (5, 10, 20, 50)
STEP_SECONDS = int(os.environ.get("STEP_SECONDS", "20"))
EXPECTED_FAILURES.append((None, None, "503 Server Error"))


class SteppedShape(LoadTestShape):
    def tick(self):
        step = int(self.get_run_time() // STEP_SECONDS)
        if step >= len(STEPS):
            return None
        return STEPS[step], STEPS[step]  # (users, spawn rate per second): each step reached within a second
