package loadverdict.e2e;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A bounded shop workload: {@code shop.users} users (default 6) each loop for {@code shop.duration} seconds
 * (default 20) over five requests of different speeds, two of them inside a group ({@code buy}), against the
 * simulated shop on 127.0.0.1:{@code shop.port}. In the server's 'regressed' mode checkout fails with a 500 for
 * about 8% of requests, which Gatling records as KO.
 */
public class ShopSimulation extends Simulation {

    private static final int PORT = Integer.getInteger("shop.port", 8080);
    private static final int DURATION = Integer.getInteger("shop.duration", 20);
    private static final int USERS = Integer.getInteger("shop.users", 6);

    private final HttpProtocolBuilder protocol = http.baseUrl("http://127.0.0.1:" + PORT)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json");

    private final ScenarioBuilder shopper = scenario("shopper").exec(during(DURATION).on(
            exec(http("list products").get("/api/products").check(status().is(200))),
            exec(session -> session.set("id", ThreadLocalRandom.current().nextInt(1, 51))),
            exec(http("product").get("/api/products/#{id}").check(status().is(200))),
            exec(http("search").get("/api/search?q=lamp").check(status().is(200))),
            group("buy").on(
                    exec(http("add to cart").post("/api/cart")
                            .body(StringBody("{\"product\": #{id}, \"quantity\": 1}")).check(status().is(200))),
                    exec(http("checkout").post("/api/checkout")
                            .body(StringBody("{\"payment\": \"card\"}")).check(status().is(200))))));

    {
        setUp(shopper.injectOpen(atOnceUsers(USERS))).protocols(protocol);
    }
}
