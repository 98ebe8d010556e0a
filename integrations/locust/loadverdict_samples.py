"""Stream every Locust request to a loadverdict generic raw-sample CSV.

Import this module in a locustfile (``import loadverdict_samples``), or add it to Locust's file list
(``locust -f locustfile.py,loadverdict_samples.py``). It registers an ``events.request`` listener that
writes one row per request in loadverdict's generic CSV format (docs/formats.md, "Generic input"):

    timestamp,method,endpoint,latency_ms,ok,error,response_bytes

- timestamp: the request's start, epoch milliseconds (Locust's ``start_time``; where a client does not
  give one, the time the event fired minus the response time)
- latency_ms: Locust's response time, unrounded, to the microsecond (Locust's own statistics
  round it to about two significant digits before computing percentiles; this file does not)
- ok: 1 or 0; error: Locust's failure text for a failed request (as in its ``_failures.csv``)

Output path: ``--loadverdict-samples PATH`` on Locust's command line, else the environment variable
``LOADVERDICT_SAMPLES``, else ``loadverdict_samples.csv``. In distributed mode only workers make requests:
each worker writes its own file, the path with ``-<worker id>`` inserted before the extension (or
``{worker}`` in the path replaced by it); pass all of them to loadverdict, which merges them into one run.
A master writes nothing.

Rows are buffered in memory (at most ``LOADVERDICT_SAMPLES_BUFFER`` rows, default 10000, between
writes) and flushed when the test stops and when Locust quits, so the file is complete once Locust
has exited. Works with Locust 2.x (tested with 2.12); Python standard library only.
"""
import csv
import os
import re
import sys
import time

from locust import events
from locust.runners import MasterRunner, WorkerRunner

try:
    from locust.stats import StatsError

    _failure_text = StatsError.parse_error
except ImportError:  # very old Locust
    _failure_text = repr

COLUMNS = ["timestamp", "method", "endpoint", "latency_ms", "ok", "error", "response_bytes"]
ENV_PATH = "LOADVERDICT_SAMPLES"
ENV_BUFFER = "LOADVERDICT_SAMPLES_BUFFER"
DEFAULT_PATH = "loadverdict_samples.csv"


class SampleWriter:
    """Buffers request rows and appends them to one CSV file."""

    def __init__(self, path, buffer_rows):
        self.path = path
        self.buffer_rows = max(1, buffer_rows)
        self.rows = []
        self.written = 0
        self.skipped = 0
        directory = os.path.dirname(os.path.abspath(path))
        os.makedirs(directory, exist_ok=True)
        self.file = open(path, "w", newline="", encoding="utf-8")
        self.csv = csv.writer(self.file, lineterminator="\n")
        self.csv.writerow(COLUMNS)
        self.file.flush()

    def add(self, request_type, name, response_time, response_length, exception, start_time):
        if response_time is None:
            self.skipped += 1  # Locust counts such a request but has no time for it
            return
        if start_time is None:  # Locust versions before the event had start_time, or a custom client
            start_time = time.time() - response_time / 1000.0
        self.rows.append(
            (
                "%.3f" % (start_time * 1000.0),
                request_type,
                name,
                "%.3f" % response_time,
                0 if exception else 1,
                _failure_text(exception) if exception else "",
                response_length if response_length is not None else "",
            )
        )
        if len(self.rows) >= self.buffer_rows:
            self.flush()

    def flush(self):
        if self.file.closed:
            return
        self.csv.writerows(self.rows)
        self.written += len(self.rows)
        self.rows.clear()
        self.file.flush()

    def close(self):
        if not self.file.closed:
            self.flush()
            self.file.close()


_writer = None


def output_path(configured, worker_id):
    """The file of this process: the configured path, per worker when running distributed."""
    path = configured or os.environ.get(ENV_PATH) or DEFAULT_PATH
    if worker_id is None:
        return path.replace("{worker}", "local")
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", worker_id)
    if "{worker}" in path:
        return path.replace("{worker}", safe)
    root, ext = os.path.splitext(path)
    return f"{root}-{safe}{ext}"


@events.init_command_line_parser.add_listener
def _add_option(parser, **_kwargs):
    parser.add_argument(
        "--loadverdict-samples",
        type=str,
        default="",
        help=f"File for loadverdict's raw samples (default: ${ENV_PATH} or {DEFAULT_PATH})",
    )


@events.init.add_listener
def _start(environment, **_kwargs):
    global _writer
    if isinstance(environment.runner, MasterRunner):
        return  # workers make the requests; each writes its own file
    worker_id = environment.runner.client_id if isinstance(environment.runner, WorkerRunner) else None
    configured = getattr(environment.parsed_options, "loadverdict_samples", "") if environment.parsed_options else ""
    buffer_rows = int(os.environ.get(ENV_BUFFER, "10000"))
    _writer = SampleWriter(output_path(configured, worker_id), buffer_rows)


@events.request.add_listener
def _on_request(request_type, name, response_time, response_length, exception=None, start_time=None, **_kwargs):
    if _writer is not None:
        _writer.add(request_type, name, response_time, response_length, exception, start_time)


@events.test_stop.add_listener
def _on_test_stop(**_kwargs):
    if _writer is not None:
        _writer.flush()


@events.quitting.add_listener
def _on_quitting(**_kwargs):
    if _writer is not None:
        _writer.close()
        note = f" ({_writer.skipped} without a response time skipped)" if _writer.skipped else ""
        print(f"loadverdict_samples: {_writer.written} requests written to {_writer.path}{note}", file=sys.stderr)
