#!/usr/bin/env python3
"""A tiny simulated shop API used to produce example load-test results.

Standard library only. Latency is simulated with time.sleep plus a little
seeded random jitter; one endpoint has a small seeded error rate.

    python3 shop_server.py PORT [--mode baseline|regressed|slow-search|search-1.25x|search-2x|checkout-errors] [--seed N]

Endpoints (base latency, baseline mode):
    GET  /api/products          ~20 ms
    GET  /api/products/{id}     ~10 ms   (id 1..50, else 404)
    POST /api/cart              ~40 ms
    GET  /api/search?q=...      ~80 ms   (regressed: ~200 ms, 2.5x)
    POST /api/checkout          ~120 ms  500 for ~0.5% (regressed: ~8%)
    GET  /health                no delay
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
    def __init__(self, mode, seed):
        self.search_factor, self.checkout_error_rate = MODES[mode]
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

    def do_GET(self):
        shop = self.server.shop
        url = urlsplit(self.path)
        if url.path == "/health":
            return self._send(200, {"status": "ok"})
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
        shop = self.server.shop
        path = urlsplit(self.path).path
        body = self._read_body()
        if body is None:
            return self._send(400, {"error": "invalid JSON"})
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
    args = parser.parse_args()

    server = ShopServer(("127.0.0.1", args.port), Handler)
    server.shop = Shop(args.mode, args.seed)
    print(f"shop_server: mode={args.mode} seed={args.seed} on 127.0.0.1:{args.port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
