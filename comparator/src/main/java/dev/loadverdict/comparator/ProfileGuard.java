package dev.loadverdict.comparator;

import dev.loadverdict.model.Decimals;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.Workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether two runs were made under comparable load: a run with half the users, a tenth of the duration, another
 * tool or another script is not a fair comparison, whatever its numbers say. Only what both runs record is
 * compared; what either lacks is not a difference.
 *
 * <p>Checked: the tool; the workload model (open/closed) when both know it; users/VUs and arrival rate, which
 * may differ by at most the tolerance (relative to the baseline's); the duration, at most twice the
 * tolerance, since runs are often cut a little short or long; the script hash when both carry one.
 */
public final class ProfileGuard {

    /** The default tolerance: 10%. */
    public static final double DEFAULT_TOLERANCE_PERCENT = 10;

    private ProfileGuard() {
    }

    /**
     * @param tolerancePercent how far users and arrival rate may differ (duration: twice that), in percent
     * @return one sentence per difference beyond tolerance; empty when the profiles are comparable
     */
    public static List<String> differences(RunMetadata current, RunMetadata baseline, double tolerancePercent) {
        return differences(current, baseline, tolerancePercent, true);
    }

    /**
     * As {@link #differences(RunMetadata, RunMetadata, double)}; without {@code baselineToolKnown} the tools are not
     * compared: a baseline imported from numbers kept elsewhere, without naming the tool that made them, records
     * {@code generic} for want of knowing, which is no difference from the run's tool.
     */
    public static List<String> differences(RunMetadata current, RunMetadata baseline, double tolerancePercent,
                                           boolean baselineToolKnown) {
        List<String> out = new ArrayList<>();
        if (baselineToolKnown && current.tool() != baseline.tool()) {
            out.add("the run was made with " + current.tool().id() + " but the baseline with " + baseline.tool().id());
        }
        Workload c = current.workload();
        Workload b = baseline.workload();
        if (c.model() != Workload.Model.UNKNOWN && b.model() != Workload.Model.UNKNOWN && c.model() != b.model()) {
            out.add("the run used the " + c.model().id() + " workload model but the baseline the " + b.model().id() + " one");
        }
        if (c.users().isPresent() && b.users().isPresent()
                && beyond(c.users().getAsInt(), b.users().getAsInt(), tolerancePercent)) {
            out.add("the run had " + c.users().getAsInt() + " users/VUs but the baseline " + b.users().getAsInt()
                    + " (" + percent(c.users().getAsInt(), b.users().getAsInt()) + ", tolerance " + format(tolerancePercent) + "%)");
        }
        if (c.arrivalRate().isPresent() && b.arrivalRate().isPresent()
                && beyond(c.arrivalRate().getAsDouble(), b.arrivalRate().getAsDouble(), tolerancePercent)) {
            out.add("the run's arrival rate was " + format(c.arrivalRate().getAsDouble()) + "/s but the baseline's "
                    + format(b.arrivalRate().getAsDouble()) + "/s (tolerance " + format(tolerancePercent) + "%)");
        }
        if (current.duration().isPresent() && baseline.duration().isPresent()) {
            double cs = seconds(current.duration().get());
            double bs = seconds(baseline.duration().get());
            if (bs > 0 && beyond(cs, bs, 2 * tolerancePercent)) {
                out.add("the run lasted " + format(cs) + " s but the baseline " + format(bs) + " s (" + percent(cs, bs)
                        + ", tolerance " + format(2 * tolerancePercent) + "%)");
            }
        }
        if (current.scriptHash().isPresent() && baseline.scriptHash().isPresent()
                && !current.scriptHash().equals(baseline.scriptHash())) {
            out.add("the run's test script differs from the baseline's (script hashes differ)");
        }
        return out;
    }

    private static boolean beyond(double current, double baseline, double tolerancePercent) {
        if (baseline == 0) {
            return current != 0;
        }
        return Math.abs(current - baseline) / baseline * 100 > tolerancePercent + 1e-9;
    }

    private static String percent(double current, double baseline) {
        double percent = (current - baseline) / baseline * 100;
        String text = Decimals.fixed(percent, 0);
        return (Double.isNaN(percent) || text.startsWith("-") ? text : "+" + text) + "%";
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static String format(double v) {
        return Decimals.fixed(v, v == Math.rint(v) ? 0 : 1);
    }
}
