package dev.loadverdict.comparator;

import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A service's total repeats its endpoints' evidence: its requests are theirs. When an endpoint of the service is
 * already critical on a metric, the total's critical on that metric says nothing new and points away from the endpoint
 * to fix, so the total is reported as a warning that names the endpoint. A total whose endpoints are not critical
 * keeps its severity: there it is the only place a service-wide change shows. A breached limit is never downgraded.
 */
final class TotalsFollowEndpoints {

    private TotalsFollowEndpoints() {
    }

    static List<Finding> apply(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding total : findings) {
            if (total.endpoint().isPresent() || total.severity() != Severity.CRITICAL || limitBreached(total)) {
                out.add(total);
                continue;
            }
            List<String> causes = findings.stream()
                    .filter(f -> f.endpoint().isPresent() && f.metric() == total.metric() && f.severity() == Severity.CRITICAL
                            && f.service().equals(total.service()) && Objects.equals(f.stage(), total.stage()))
                    .map(f -> f.endpoint().orElseThrow()).toList();
            if (causes.isEmpty()) {
                out.add(total);
                continue;
            }
            List<String> reasons = new ArrayList<>(total.reasons());
            reasons.add("critical: the total follows " + String.join(", ", causes) + ", critical on " + total.metric().key()
                    + " itself → warning here, so the endpoint to fix is the one that fails");
            out.add(new Finding(total.stage(), total.service(), total.endpoint(), total.metric(), total.baseline(),
                    total.current(), total.change(), total.relativePercent(), total.baselineRequests(), total.currentRequests(),
                    Outcome.REGRESSION, Severity.WARNING, total.rule(), reasons, total.significance()));
        }
        return out;
    }

    /** Whether the total's critical limit is breached: an SLO on the total fails on its own. */
    private static boolean limitBreached(Finding f) {
        return f.current().isPresent() && f.rule().critical().flatMap(c -> c.limit().isPresent()
                ? java.util.Optional.of(c.limit().getAsDouble()) : java.util.Optional.empty())
                .filter(limit -> f.metric().direction().badAmount(limit, f.current().getAsDouble()) > 0).isPresent();
    }
}
