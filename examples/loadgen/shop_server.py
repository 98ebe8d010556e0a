#!/usr/bin/env python3
"""A tiny simulated shop API used to produce example load-test results.

Standard library only. Latency is simulated with time.sleep plus a little
seeded random jitter; one endpoint has a small seeded error rate.

    python3 shop_server.py PORT [--mode baseline|regressed|slow-search|search-1.25x|search-2x|checkout-errors] [--seed N]
                                [--search-factor F] [--workers N [--queue Q]]

Endpoints (base latency, baseline mode):
    GET  /api/products          ~20 ms
    GET  /api/products/{id}     ~10 ms   (id 1..50, else 404)
    POST /api/cart              ~40 ms
    GET  /api/search?q=...      ~80 ms   (regressed: ~200 ms, 2.5x)
    POST /api/checkout          ~120 ms  500 for ~0.5% (regressed: ~8%)
    GET  /health                no delay

Options beyond the mode (without them the server behaves exactly as before):
    --search-factor F   multiply GET /api/search's base latency by F instead of the mode's
                        multiplier (1.0 in baseline); nothing else changes. For a series of runs
                        with a step (1.0, then 1.3) or a slow drift (1.00, 1.01, 1.02, ...).
    --workers N         serve /api requests with at most N at a time (N worker slots, a
                        semaphore); the others wait for a slot, so under load the server
                        saturates: throughput stops growing and latency grows with the queue.
                        Without it every connection is served at once (unbounded).
    --queue Q           with --workers: when Q requests are already waiting for a slot, answer a
                        new one at once with 503 {"error": "overloaded"}, so errors begin at high
                        load. Without it the wait is unbounded.
/health never waits for a worker.
"""
import argparse
import json
import random
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MODES = {
    # mode: (search latency multiplier, checkout 500 probability)
    "baseline": (1.0, 0.005),
    "regressed": (2.5, 0.08),
    # only search slower: one endpoint regressed, everything else as in baseline
    "slow-search": (2.5, 0.005),
    # for judging detection (examples/locust-aa): a mild and a strong slowdown of search alone, and an error-rate
    # rise on checkout alone
    "search-1.25x": (1.25, 0.005),
    "search-2x": (2.0, 0.005),
    "checkout-errors": (1.0, 0.05),
}
PRODUCT_IDS = range(1, 51)
PRODUCT_RE = re.compile(r"^/api/products/(\d+)$")


class Shop:
    def __init__(self, mode, seed, search_factor=None):
        self.search_factor, self.checkout_error_rate = MODES[mode]
        if search_factor is not None:
            self.search_factor = search_factor
        self._rng = random.Random(seed)
        self._lock = threading.Lock()

    def _random(self):
        with self._lock:  # handler threads share one seeded RNG
            return self._rng.random()

    def delay(self, base_ms):
        """Sleep base_ms scaled by a jitter factor in [0.9, 1.3)."""
        time.sleep(base_ms * (0.9 + 0.4 * self._random()) / 1000.0)

    def checkout_fails(self):
        return self._random() < self.checkout_error_rate


class WorkerPool:
    """At most `workers` requests in service at once; at most `queue` waiting (None: no limit)."""

    def __init__(self, workers, queue):
        self._slots = threading.Semaphore(workers)
        self._queue = queue
        self._waiting = 0
        self._lock = threading.Lock()

    def acquire(self):
        """Take a slot, waiting if need be; False (at once) when the wait queue is full."""
        if self._slots.acquire(blocking=False):
            return True
        with self._lock:
            if self._queue is not None and self._waiting >= self._queue:
                return False
            self._waiting += 1
        try:
            self._slots.acquire()
        finally:
            with self._lock:
                self._waiting -= 1
        return True

    def release(self):
        self._slots.release()


class Handler(BaseHTTPRequestHandler):
    server_version = "ShopSim/1.0"
    protocol_version = "HTTP/1.1"  # keep-alive, like a real API server

    def log_message(self, format, *args):  # quiet: no per-request logging
        pass

    def _send(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            return json.loads(raw) if raw else {}
        except ValueError:
            return None

    def _in_worker(self, handle, *args):
        pool = self.server.pool
        if pool is None:
            return handle(*args)
        if not pool.acquire():
            return self._send(503, {"error": "overloaded"})
        try:
            return handle(*args)
        finally:
            pool.release()

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == "/health":
            return self._send(200, {"status": "ok"})
        self._in_worker(self._get, url)

    def _get(self, url):
        shop = self.server.shop
        if url.path == "/api/products":
            shop.delay(20)
            return self._send(200, {"products": [{"id": i} for i in PRODUCT_IDS]})
        match = PRODUCT_RE.match(url.path)
        if match:
            shop.delay(10)
            pid = int(match.group(1))
            if pid not in PRODUCT_IDS:
                return self._send(404, {"error": "no such product"})
            return self._send(200, {"id": pid, "name": f"product {pid}", "price": 10 + pid})
        if url.path == "/api/search":
            shop.delay(80 * shop.search_factor)
            query = parse_qs(url.query).get("q", [""])[0]
            return self._send(200, {"q": query, "results": [1, 2, 3]})
        self._send(404, {"error": "not found"})

    def do_POST(self):
        path = urlsplit(self.path).path
        body = self._read_body()  # read before any answer, 503 too, so the keep-alive connection stays in step
        if body is None:
            return self._send(400, {"error": "invalid JSON"})
        self._in_worker(self._post, path, body)

    def _post(self, path, body):
        shop = self.server.shop
        if path == "/api/cart":
            shop.delay(40)
            return self._send(200, {"cart": [body]})
        if path == "/api/checkout":
            shop.delay(120)
            if shop.checkout_fails():
                return self._send(500, {"error": "payment backend error"})
            return self._send(200, {"order": "ok"})
        self._send(404, {"error": "not found"})


class ShopServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # default 5 drops SYNs when 20 users connect at once (1 s retry)

    def handle_error(self, request, client_address):
        # Locust closes keep-alive connections mid-request when a run ends: not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("port", type=int)
    parser.add_argument("--mode", choices=sorted(MODES), default="baseline")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--search-factor", type=float, help="GET /api/search latency multiplier (default: the mode's)")
    parser.add_argument("--workers", type=int, help="worker slots for /api requests (default: unbounded)")
    parser.add_argument("--queue", type=int, help="with --workers: answer 503 when this many already wait")
    args = parser.parse_args()
    if args.search_factor is not None and not args.search_factor > 0:
        parser.error("--search-factor must be greater than 0")
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.queue is not None and (args.workers is None or args.queue < 0):
        parser.error("--queue needs --workers and must be at least 0")

    server = ShopServer(("127.0.0.1", args.port), Handler)
    server.shop = Shop(args.mode, args.seed, args.search_factor)
    server.pool = None if args.workers is None else WorkerPool(args.workers, args.queue)
    extras = "".join(
        f" {name}={value}"
        for name, value in (("search-factor", args.search_factor), ("workers", args.workers), ("queue", args.queue))
        if value is not None
    )
    print(f"shop_server: mode={args.mode} seed={args.seed}{extras} on 127.0.0.1:{args.port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
