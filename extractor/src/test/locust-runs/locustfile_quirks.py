"""Locust scenario that makes Locust 2.12 write every quirk of its CSV output, for loadverdict's fixtures.

Drives examples/loadgen/shop_server.py like examples/loadgen/locustfile.py, but also
- names one endpoint with a comma and one with non-ASCII text (quoted / UTF-8 cells),
- marks some responses failed with a message holding quotes and commas (_failures.csv quoting),
- raises exceptions in user code now and then (_exceptions.csv: multi-line quoted tracebacks),
- writes the data Locust 2.20+ prints with --json to $LOADVERDICT_LOCUST_JSON (see the end of this file).
"""
import random

from locust import HttpUser, between, task


class QuirkyShopUser(HttpUser):
    wait_time = between(0.05, 0.2)

    @task(4)
    def list_products(self):
        self.client.get("/api/products")

    @task(6)
    def product_detail(self):
        pid = random.randint(1, 50)
        self.client.get(f"/api/products/{pid}", name="/api/products/[id]")

    @task(3)
    def search(self):
        self.client.get("/api/search", params={"q": "red,shirt"}, name="/api/search?q=red,shirt")

    @task(2)
    def detail_in_french(self):
        with self.client.get("/api/products/7", name="/api/produits/détail — 商品", catch_response=True) as resp:
            if random.random() < 0.05:
                resp.failure('unexpected "price", got 0, expected > 0')

    @task(2)
    def checkout(self):
        self.client.post("/api/checkout", json={"payment": "card"})

    @task(1)
    def broken_user_code(self):
        if random.random() < 0.3:
            raise ValueError("cart total is negative, id=%d" % random.randint(1, 3))
        self.client.post("/api/cart", json={"product": 1, "qty": 1})


# Debian's Locust 2.12 has no --json option. Locust 2.20+ implements it as
# print(json.dumps(stats.serialize_stats(), indent=4)); serialize_stats() is
# [entry.get_stripped_report() ...] = entry.serialize() for every entry with requests or failures.
# This writes that same data of this 2.12 run at the very end (after the CSV files).
import json
import os

from locust import events

_environment = None


@events.init.add_listener
def _remember(environment, **_kwargs):
    global _environment
    _environment = environment


@events.quit.add_listener
def _write_json(**_kwargs):
    path = os.environ.get("LOADVERDICT_LOCUST_JSON")
    if not path or _environment is None:
        return
    stats = _environment.stats
    data = [e.serialize() for e in stats.entries.values() if not (e.num_requests == 0 and e.num_failures == 0)]
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(data, indent=4))
