package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Workload;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Throughput in a closed workload (a fixed number of users, each waiting for its response before the next request:
 * Locust users, JMeter thread groups, k6 VU executors, Gatling closed injection). There the request rate is not an
 * input but a result: when one endpoint slows down, every user spends longer on it, and every endpoint's rate falls.
 * Warning "GET /fast throughput −10%" would send the reader to an endpoint that did not change.
 *
 * <p>So, when both runs are closed: an endpoint whose own latency and error rate show no change (no regression and
 * nothing within noise) is not warned for throughput; the finding stays, with the reason. A service total's drop is
 * reported once, at the total, naming the endpoints whose latency explains it. Open workloads (arrival rates) and
 * unknown ones keep every throughput check.
 */
final class ClosedWorkload {

    private ClosedWorkload() {
    }

    static List<Finding> explain(List<Finding> findings, Workload current, Workload baseline) {
        if (current.model() != Workload.Model.CLOSED || baseline.model() != Workload.Model.CLOSED) {
            return findings;
        }
        Map<String, List<Finding>> byEndpoint = findings.stream().filter(f -> f.endpoint().isPresent())
                .collect(Collectors.groupingBy(ClosedWorkload::endpointKey));
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (f.metric() != Metric.THROUGHPUT || f.severity() == Severity.NONE) {
                out.add(f);
            } else if (f.endpoint().isPresent()) {
                boolean changed = byEndpoint.getOrDefault(endpointKey(f), List.of()).stream().anyMatch(ClosedWorkload::ownChange);
                out.add(changed ? f : unwarned(f));
            } else {
                out.add(explained(f, findings));
            }
        }
        return out;
    }

    /** A latency or error-rate finding that shows the endpoint itself changed. */
    private static boolean ownChange(Finding f) {
        boolean latencyOrErrors = f.metric() != Metric.THROUGHPUT;
        return latencyOrErrors && (f.outcome() == Outcome.REGRESSION || f.outcome() == Outcome.WITHIN_NOISE);
    }

    private static Finding unwarned(Finding f) {
        List<String> reasons = new ArrayList<>(f.reasons());
        reasons.add("closed workload (fixed users): this endpoint's rate follows the time users spend elsewhere; its own"
                + " latency and error rate show no change, so the drop is not its regression");
        return new Finding(f.stage(), f.service(), f.endpoint(), f.metric(), f.baseline(), f.current(), f.change(),
                f.relativePercent(), f.baselineRequests(), f.currentRequests(), Outcome.WORSE_WITHIN_THRESHOLD, Severity.NONE,
                f.rule(), reasons, f.significance());
    }

    private static Finding explained(Finding total, List<Finding> all) {
        List<String> causes = all.stream()
                .filter(f -> f.endpoint().isPresent() && Objects.equals(f.stage(), total.stage())
                        && f.service().equals(total.service()) && f.metric().unit() == dev.loadverdict.model.Unit.MILLISECONDS
                        && (f.outcome() == Outcome.REGRESSION || f.outcome() == Outcome.WITHIN_NOISE))
                .sorted(Comparator.comparing((Finding f) -> -f.relativePercent().orElse(0)))
                .map(f -> f.endpoint().orElseThrow() + " " + f.metric().key()
                        + f.relativePercent().stream().mapToObj(p -> " " + Numbers.signedPercent(p) + "%").findFirst().orElse(""))
                .distinct().limit(5).toList();
        List<String> reasons = new ArrayList<>(total.reasons());
        reasons.add("closed workload (fixed users): the service's request rate fell "
                + (causes.isEmpty() ? "with no endpoint's latency to explain it" : "as these endpoints slowed: " + String.join(", ", causes)));
        return new Finding(total.stage(), total.service(), total.endpoint(), total.metric(), total.baseline(), total.current(),
                total.change(), total.relativePercent(), total.baselineRequests(), total.currentRequests(), total.outcome(),
                total.severity(), total.rule(), reasons, total.significance());
    }

    private static String endpointKey(Finding f) {
        return f.stage().orElse("") + "\u0000" + f.service() + "\u0000" + f.endpoint().orElseThrow();
    }
}
