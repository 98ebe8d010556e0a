"""Locust scenario for the simulated shop API (examples/loadgen/shop_server.py).

HTTP 5xx responses count as failures (Locust's default). At the end of a run
the process exit code is set to 0 when the only failures are the simulated
"500 on POST /api/checkout" ones (or others a locustfile importing this one adds
to EXPECTED_FAILURES), and to 1 when anything else went wrong
(connection errors, other status codes, exceptions in this file), so that a
broken or dead server fails the run instead of producing bogus CSV files.
"""
import random

from locust import HttpUser, between, events, task

SEARCH_TERMS = ["shoes", "socks", "hat", "red shirt", "jacket", "bag", "scarf", "gloves"]
# (method, name, text in the error); None matches any method or name
EXPECTED_FAILURES = [("POST", "/api/checkout", "500 Server Error")]


class ShopUser(HttpUser):
    wait_time = between(0.05, 0.2)

    @task(4)
    def list_products(self):
        self.client.get("/api/products")

    @task(6)
    def product_detail(self):
        pid = random.randint(1, 50)
        self.client.get(f"/api/products/{pid}", name="/api/products/[id]")

    @task(3)
    def add_to_cart(self):
        self.client.post("/api/cart", json={"product": random.randint(1, 50), "qty": 1})

    @task(3)
    def search(self):
        self.client.get("/api/search", params={"q": random.choice(SEARCH_TERMS)}, name="/api/search")

    @task(2)
    def checkout(self):
        self.client.post("/api/checkout", json={"payment": "card"})


def _expected(err):
    return any(
        method in (None, err.method) and name in (None, err.name) and text in str(err.error)
        for method, name, text in EXPECTED_FAILURES
    )


@events.quitting.add_listener
def _set_exit_code(environment, **_kwargs):
    runner = environment.runner
    if runner is None:
        return
    unexpected = [err for err in runner.errors.values() if not _expected(err)]
    for err in unexpected:
        print(f"locustfile: unexpected failure x{err.occurrences}: {err.to_name()}")
    if runner.exceptions:
        print(f"locustfile: {len(runner.exceptions)} exception(s) in user code")
    if environment.stats.total.num_requests == 0:
        print("locustfile: no requests were made")
    bad = unexpected or runner.exceptions or environment.stats.total.num_requests == 0
    environment.process_exit_code = 1 if bad else 0
