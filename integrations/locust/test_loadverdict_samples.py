"""Unit tests of the Locust hook: /usr/bin/python3 -m unittest discover -s integrations/locust

The hook's behaviour inside real Locust runs (one process and distributed) is checked end to end by
e2e/locust/run.sh; these cover the pieces that run can't easily vary.
"""
import csv
import os
import tempfile
import time
import unittest

import loadverdict_samples as hook


class OutputPathTest(unittest.TestCase):
    def test_one_process_writes_the_configured_path(self):
        self.assertEqual(hook.output_path("out/s.csv", None), "out/s.csv")
        self.assertEqual(hook.output_path("out/s-{worker}.csv", None), "out/s-local.csv")

    def test_each_worker_gets_its_own_file(self):
        self.assertEqual(hook.output_path("out/s.csv", "host_abc123"), "out/s-host_abc123.csv")
        self.assertEqual(hook.output_path("out/{worker}/s.csv", "host_abc"), "out/host_abc/s.csv")
        self.assertEqual(hook.output_path("s.csv", "a/b:c"), "s-a_b_c.csv")

    def test_the_environment_variable_is_the_fallback(self):
        os.environ[hook.ENV_PATH] = "from-env.csv"
        try:
            self.assertEqual(hook.output_path("", None), "from-env.csv")
            self.assertEqual(hook.output_path("option.csv", None), "option.csv")
        finally:
            del os.environ[hook.ENV_PATH]
        self.assertEqual(hook.output_path("", None), hook.DEFAULT_PATH)


class SampleWriterTest(unittest.TestCase):
    def test_rows_are_buffered_flushed_and_readable_as_loadverdict_csv(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "sub", "s.csv")
            w = hook.SampleWriter(path, buffer_rows=2)
            w.add("GET", "/a, with comma", 12.3456, 100, None, 1763892000.1234567)
            self.assertEqual(w.written, 0)  # buffered
            w.add("POST", "/b", 130.0, None, ValueError('bad "x"'), 1763892001.0)
            self.assertEqual(w.written, 2)  # buffer full: written
            w.add("GET", "/c", None, 0, None, 1763892002.0)  # no response time: skipped
            before = time.time() * 1000
            w.add("GET", "/d", 250.0, 0, None, None)  # no start time: now minus the response time
            w.close()
            with open(path, newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
            self.assertEqual(w.skipped, 1)
            self.assertEqual(len(rows), 3)
            self.assertAlmostEqual(float(rows[2]["timestamp"]), before - 250.0, delta=1000)
            self.assertEqual(rows[0]["timestamp"], "1763892000123.457")
            self.assertEqual(rows[0]["endpoint"], "/a, with comma")
            self.assertEqual(rows[0]["latency_ms"], "12.346")
            self.assertEqual(rows[0]["ok"], "1")
            self.assertEqual(rows[1]["ok"], "0")
            self.assertEqual(rows[1]["error"], "ValueError('bad \"x\"')")
            self.assertEqual(rows[1]["response_bytes"], "")
            self.assertEqual(list(rows[0].keys()), hook.COLUMNS)


if __name__ == "__main__":
    unittest.main()
