package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.NoiseBands;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.compare.Significance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges one metric comparison: severity from the critical block, else the warning block; then the
 * outcome; and the reasons behind both, in the order missing values, request gates, zero baseline,
 * warning checks, critical checks, improvement check.
 */
final class FindingJudge {

    private FindingJudge() {
    }

    static Finding judge(MetricComparison c, Significance significance, Judging judging) {
        Metric metric = c.metric();
        EffectiveRule rule = c.rule();
        Measurement m = Measurement.of(metric, c.baseline(), c.current());
        List<String> reasons = new ArrayList<>();
        m.missingValues(metric).ifPresent(reasons::add);
        reasons.addAll(RequestGate.lines(rule, m));
        m.relativeUndefined().ifPresent(why -> reasons.add(why + ": relative change undefined"));
        BlockCheck.Result warning = check(rule.warning(), metric, m, reasons, significance, judging.alpha());
        BlockCheck.Result critical = check(rule.critical(), metric, m, reasons, significance, judging.alphaCritical());
        Severity severity = critical.holds() ? Severity.CRITICAL
                : warning.holds() ? Severity.WARNING : Severity.NONE;
        if (severity == Severity.CRITICAL && judging.requireSignificance() && !critical.limitBreached()
                && significance.status() == Significance.Status.NOT_TESTABLE) {
            severity = Severity.WARNING;
            reasons.add("critical: capped at warning, since significance is not testable (--require-significance)");
        }
        if (severity == Severity.CRITICAL && !critical.limitBreached()) {
            Optional<String> why = PercentileGate.whyNotCritical(c, m);
            if (why.isPresent()) {
                severity = warning.holds() ? Severity.WARNING : Severity.NONE;
                reasons.add("critical: " + why.get() + " → " + (severity == Severity.WARNING ? "warning" : "no finding"));
            } else {
                PercentileGate.resolved(c, m).ifPresent(r -> reasons.add("critical: " + r));
            }
        }
        boolean inBand = false;
        Optional<NoiseBands.Band> band = judging.noiseBands().band(c.stage(), c.service(), c.endpoint().map(EndpointId::key), metric);
        if (band.isPresent() && m.current().isPresent()) {
            NoiseBands.Band b = band.get();
            inBand = b.contains(m.current().getAsDouble());
            reasons.add("noise band of " + b.values() + " recorded runs: " + Numbers.measured(b.median()) + " ± "
                    + Numbers.measured(b.halfWidth()) + " " + metric.unit().symbol()
                    + (inBand ? ", current value inside ✓" : ", current value outside ✗"));
            if (inBand) { // noise, whatever significance said; only a breached limit still counts
                severity = critical.limitBreached() ? Severity.CRITICAL
                        : warning.limitBreached() ? Severity.WARNING : Severity.NONE;
            }
        }
        boolean amountsHeld = critical.holds() || warning.holds();
        Outcome outcome = severity == Severity.NONE && (inBand && m.bothValues() && m.changeValue() > 0
                || warning.withinNoise() || critical.withinNoise() || amountsHeld && !warning.limitBreached())
                ? Outcome.WITHIN_NOISE : outcome(severity, rule, metric, m, reasons);
        return new Finding(c.stage(), c.service(), c.endpoint().map(EndpointId::key), metric, m.baseline(), m.current(),
                m.change(), m.relativePercent(), m.baselineRequests(), m.currentRequests(), outcome, severity,
                rule.applied(), reasons, significance);
    }

    /**
     * How significance enters a judgement.
     *
     * @param alpha the level for warnings
     * @param alphaCritical the level for criticals
     * @param requireSignificance whether an untestable change can be a warning at most
     * @param noiseBands the history's noise bands
     */
    record Judging(double alpha, double alphaCritical, boolean requireSignificance, NoiseBands noiseBands) {
    }

    private static BlockCheck.Result check(Optional<EffectiveBlock> block, Metric metric, Measurement m,
                                           List<String> reasons, Significance significance, double alpha) {
        boolean comparable = block.map(b -> m.bothValues() && RequestGate.passes(m, b.minRequests())).orElse(false);
        BlockCheck.Result result = BlockCheck.check(block, metric, m, comparable, significance, alpha);
        reasons.addAll(result.reasons());
        return result;
    }

    private static Outcome outcome(Severity severity, EffectiveRule rule, Metric metric, Measurement m,
                                   List<String> reasons) {
        if (severity != Severity.NONE) {
            return Outcome.REGRESSION;
        }
        if (m.baseline().isEmpty() && m.current().isPresent() && rule.hasLimit()) {
            return Outcome.WITHIN_LIMITS;
        }
        if (!m.bothValues() || !RequestGate.passes(m, rule.referenceMinRequests())) {
            return Outcome.NOT_COMPARABLE;
        }
        double change = m.changeValue();
        if (change > 0) {
            return Outcome.WORSE_WITHIN_THRESHOLD;
        }
        if (change < 0 && rule.reference().isPresent()) {
            EffectiveBlock reference = rule.reference().get();
            AmountCheck.Result better = AmountCheck.better(reference.conditions(), metric, m);
            reasons.add("improvement by " + reference.severity().id() + " amounts: " + better.text());
            if (better.holds()) {
                return Outcome.IMPROVEMENT;
            }
        }
        return Outcome.UNCHANGED;
    }
}
