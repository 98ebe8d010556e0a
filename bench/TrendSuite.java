// A synthetic suite for the trend page's benchmark and browser check. Run through bench/trend.sh or e2e/trend/run.sh,
// which build the jar and pass it on the class path:
//   java -cp cli/target/loadverdict.jar bench/TrendSuite.java BASELINES_DIR SUITE ENDPOINTS RUNS
// Records RUNS runs of ENDPOINTS endpoints (in services of 20) into BASELINES_DIR/SUITE through loadverdict's own
// SuiteStore, one a day, each with a commit. The numbers are made up, from a fixed seed (2026): not tool output.
// Every endpoint has 3 % noise; every 10th steps up 30 % at two thirds of the runs (acknowledged on the first such
// endpoint's run), every 7th drifts up 0.1 % a run, every 25th slows 40 % in the last 3 runs (pending change points),
// every 13th loses its errors-free state at half the runs. One endpoint is named like an attack, one has a
// right-to-left override: the page must show both as text.

import dev.loadverdict.baselines.Acknowledgements;
import dev.loadverdict.baselines.SuiteStore;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.TreeMap;

public class TrendSuite {

    static final String HOSTILE = "</script><img src=x onerror=alert(1)>";

    /** A clock the generator moves on by a day per run. */
    static final class Days extends Clock {
        Instant now = Instant.parse("2025-01-01T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String suite = args[1];
        int endpoints = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        Days clock = new Days();
        SuiteStore store = new SuiteStore(dir, dir.toString(), clock);
        Random random = new Random(2026);
        double[] base = new double[endpoints];
        for (int e = 0; e < endpoints; e++) {
            base[e] = 20 + random.nextDouble() * 300;
        }
        int stepAt = runs * 2 / 3;
        for (int r = 0; r < runs; r++) {
            List<ServiceStats> services = new ArrayList<>();
            for (int s = 0; s * 20 < endpoints; s++) {
                List<EndpointStats> list = new ArrayList<>();
                long requests = 0;
                long failures = 0;
                for (int e = s * 20; e < Math.min(endpoints, s * 20 + 20); e++) {
                    double level = base[e];
                    if (e % 10 == 0 && r >= stepAt) {
                        level *= 1.3;
                    }
                    if (e % 7 == 3) {
                        level *= 1 + 0.001 * r;
                    }
                    if (e % 25 == 5 && r >= runs - 3) {
                        level *= 1.4;
                    }
                    double p50 = level * (1 + 0.03 * random.nextGaussian());
                    long n = 2000 + random.nextInt(200);
                    long failed = e % 13 == 1 && r >= runs / 2 ? 20 + random.nextInt(10) : random.nextInt(3);
                    list.add(endpoint(name(e), n, failed, p50, random));
                    requests += n;
                    failures += failed;
                }
                EndpointStats total = endpoint(null, requests, failures, 100 * (1 + 0.02 * random.nextGaussian()), random);
                services.add(new ServiceStats(s == 0 ? "shop" : "service-" + s, total, list));
            }
            Run run = new Run(RunMetadata.of(Tool.GENERIC, Optional.empty(), List.of("synthetic"), SourcePrecision.wholeMilliseconds()),
                    Optional.empty(), services);
            String sha = String.format("%07x%033x", (r + 1) * 40_961 & 0xfffffff, r);
            store.record(suite, run, new Baseline.Provenance(Optional.of(sha), Optional.of("main"), Optional.empty(), Optional.empty()));
            clock.now = clock.now.plusSeconds(86_400);
        }
        if (runs > stepAt) {
            new Acknowledgements(store).acknowledge(suite, stepAt + 1, "new search index (" + HOSTILE + ")");
        }
        System.err.println("recorded " + runs + " synthetic runs of " + endpoints + " endpoints into " + dir.resolve(suite));
    }

    static String name(int e) {
        return switch (e) {
            case 1 -> "GET /" + HOSTILE;
            case 2 -> "GET /\u202Egnp.exe";
            default -> (e % 3 == 0 ? "POST" : "GET") + " /api/resource-" + e + "/{id}";
        };
    }

    static EndpointStats endpoint(String name, long requests, long failures, double p50, Random random) {
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        percentiles.put(50.0, p50);
        percentiles.put(95.0, p50 * (1.8 + 0.05 * random.nextGaussian()));
        percentiles.put(99.0, p50 * (2.6 + 0.1 * random.nextGaussian()));
        LatencyStats latency = new LatencyStats(requests, OptionalDouble.of(p50 / 4), OptionalDouble.of(p50 * 1.1),
                OptionalDouble.of(p50 * 4), percentiles);
        EndpointId id = name == null ? EndpointId.of(null, "Aggregated") : EndpointId.of(name.substring(0, name.indexOf(' ')),
                name.substring(name.indexOf(' ') + 1));
        return new EndpointStats(id, requests, failures, new TreeMap<>(), OptionalDouble.of(requests / 60.0), latency,
                Optional.empty(), Optional.empty());
    }
}
