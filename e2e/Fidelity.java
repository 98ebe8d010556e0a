import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.extractor.internal.Histograms;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.SourcePrecision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Checks that loadverdict's numbers from a tool's raw output agree with the tool's own report of the same run.
 *
 * <pre>
 * java -cp cli/target/loadverdict.jar e2e/Fidelity.java --name NAME --raw RAW... --reference REPORT
 *      [--percentiles 50,90,95,99] [--mean-tolerance 0.5] [--percentile-tolerance 2] [--rank-tolerance 0]
 * </pre>
 *
 * Both sides are read by loadverdict's own extractor, so the check covers detection and parsing of the tool's
 * report too. Endpoints are paired by key ({@code METHOD name}, or the name alone when one side has no
 * method), the run total by itself. Per endpoint:
 * <ul>
 *   <li>requests and failures: equal;</li>
 *   <li>mean: within {@code --mean-tolerance} percent, or one quantisation step of the reference (a tool that
 *       rounds its mean to whole ms, say);</li>
 *   <li>each percentile the reference gives: within {@code --percentile-tolerance} percent, or one quantisation
 *       step of either side, or — since tools define percentiles differently (nearest rank, interpolation
 *       between neighbours, a histogram's bucket) — the reference value is a valid p-quantile of loadverdict's
 *       histogram of the raw samples: at most p of the samples lie below it and at least p at or below it,
 *       give or take one sample (or {@code --rank-tolerance} percent of the samples, for a tool whose report
 *       estimates percentiles, such as Gatling's T-Digest) and the quantisation step. Which criterion held is
 *       printed.</li>
 * </ul>
 * Prints one line per check and exits 1 when any fails, 2 on a usage error.
 */
public final class Fidelity {

    private final List<String> failures = new ArrayList<>();
    private int checks;

    public static void main(String[] args) {
        Map<String, List<String>> options = parse(args);
        String name = single(options, "--name", "fidelity");
        List<String> raw = options.getOrDefault("--raw", List.of());
        String reference = single(options, "--reference", null);
        if (raw.isEmpty() || reference == null) {
            System.err.println("usage: Fidelity --name NAME --raw RAW... --reference REPORT [--percentiles 50,90,95,99]"
                    + " [--mean-tolerance 0.5] [--percentile-tolerance 2] [--rank-tolerance 0]");
            System.exit(2);
        }
        double[] percentiles = List.of(single(options, "--percentiles", "50,90,95,99").split(",")).stream()
                .mapToDouble(Double::parseDouble).toArray();
        double meanTolerance = Double.parseDouble(single(options, "--mean-tolerance", "0.5"));
        double percentileTolerance = Double.parseDouble(single(options, "--percentile-tolerance", "2"));
        double rankTolerance = Double.parseDouble(single(options, "--rank-tolerance", "0"));

        Run ours;
        Run theirs;
        try {
            ours = Extractor.standard().extract(raw, ExtractOptions.defaults()).run();
            theirs = Extractor.standard().extract(List.of(reference), ExtractOptions.defaults()).run();
        } catch (dev.loadverdict.model.InputException e) {
            System.out.println("!! " + name + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.printf(Locale.ROOT, "== %s: loadverdict from %s (%s) vs %s's own %s%n", name, String.join(" ", raw),
                ours.metadata().tool().id(), theirs.metadata().tool().id(), reference);
        Fidelity f = new Fidelity();
        f.compare(ours, theirs, percentiles, meanTolerance, percentileTolerance, rankTolerance);
        if (f.failures.isEmpty()) {
            System.out.printf(Locale.ROOT, "== %s: all %d checks agree%n", name, f.checks);
            return;
        }
        System.out.printf(Locale.ROOT, "!! %s: %d of %d checks disagree:%n", name, f.failures.size(), f.checks);
        f.failures.forEach(line -> System.out.println("!!   " + line));
        System.exit(1);
    }

    private void compare(Run ours, Run theirs, double[] percentiles, double meanTolerance, double percentileTolerance,
                         double rankTolerance) {
        Map<String, EndpointStats> mine = endpoints(ours);
        Map<String, EndpointStats> reference = endpoints(theirs);
        SourcePrecision precision = theirs.metadata().precision();
        for (Map.Entry<String, EndpointStats> e : reference.entrySet()) {
            EndpointStats r = e.getValue();
            EndpointStats o = mine.get(e.getKey());
            if (o == null) {
                o = mine.get(withoutMethod(e.getKey()));
            }
            if (o == null) {
                fail(e.getKey() + ": in the tool's report but not in loadverdict's extraction of the raw output");
                continue;
            }
            String label = e.getKey();
            equal(label, "requests", o.requests(), r.requests());
            equal(label, "failures", o.failures(), r.failures());
            near(label, "mean", o.latency().mean(), r.latency().mean(), meanTolerance, precision);
            var histogram = o.histogram().map(h -> Histograms.decode(h, "raw"));
            for (double p : percentiles) {
                OptionalDouble theirsP = r.latency().percentile(p);
                if (theirsP.isEmpty()) {
                    continue;
                }
                OptionalDouble oursP = o.latency().percentile(p);
                String metric = "p" + format(p);
                if (oursP.isEmpty()) {
                    fail(label + " " + metric + ": the report gives " + format(theirsP.getAsDouble())
                            + " ms, loadverdict has none");
                    continue;
                }
                checks++;
                double a = oursP.getAsDouble();
                double b = theirsP.getAsDouble();
                double step = Math.max(precision.quantisationStep(b), ours.metadata().precision().quantisationStep(a));
                String verdict;
                if (relative(a, b) <= percentileTolerance) {
                    verdict = "within " + format(percentileTolerance) + "%";
                } else if (Math.abs(a - b) <= step) {
                    verdict = "within one step (" + format(step) + " ms)";
                } else if (histogram.isPresent() && validQuantile(histogram.get(), p, b, step, rankTolerance)) {
                    verdict = "a valid p" + format(p) + " of loadverdict's samples (tools define percentiles differently)";
                } else {
                    fail(label + " " + metric + ": loadverdict " + format(a) + " ms, report " + format(b) + " ms ("
                            + format(relative(a, b)) + "% apart)");
                    continue;
                }
                System.out.printf(Locale.ROOT, "   ok %-50s %-6s loadverdict %10s  report %10s  %s%n", label, metric,
                        format(a), format(b), verdict);
            }
        }
        for (String key : mine.keySet()) {
            if (!reference.containsKey(key) && !reference.containsKey(withoutMethod(key))
                    && reference.keySet().stream().noneMatch(k -> withoutMethod(k).equals(key))) {
                fail(key + ": in loadverdict's extraction but not in the tool's report");
            }
        }
    }

    /**
     * Whether {@code valueMs} is a p-quantile of the histogram's samples within one sample and one step: at most
     * p of them lie below it, at least p at or below it; "within one sample" widens to {@code rankTolerance} percent
     * of the samples when that is more.
     */
    private static boolean validQuantile(org.HdrHistogram.Histogram h, double p, double valueMs, double stepMs,
                                         double rankTolerance) {
        long n = h.getTotalCount();
        long lowMicros = Math.max(0, (long) Math.floor((valueMs - stepMs) * 1000));
        long highMicros = (long) Math.ceil((valueMs + stepMs) * 1000);
        long below = lowMicros == 0 ? 0 : h.getCountBetweenValues(0, h.lowestEquivalentValue(lowMicros) - 1);
        long atOrBelow = h.getCountBetweenValues(0, highMicros);
        double wanted = p / 100.0 * n;
        double slack = Math.max(1, rankTolerance / 100.0 * n);
        return below <= wanted + slack && atOrBelow >= wanted - slack;
    }

    private static Map<String, EndpointStats> endpoints(Run run) {
        Map<String, EndpointStats> result = new LinkedHashMap<>();
        run.total().ifPresent(t -> result.put("(run total)", t));
        for (ServiceStats s : run.services()) {
            for (EndpointStats e : s.endpoints()) {
                result.put(e.id().key(), e);
            }
        }
        return result;
    }

    private static String withoutMethod(String key) {
        int space = key.indexOf(' ');
        return space < 0 ? key : key.substring(space + 1);
    }

    private void equal(String label, String metric, long ours, long theirs) {
        checks++;
        if (ours != theirs) {
            fail(label + " " + metric + ": loadverdict " + ours + ", report " + theirs);
        } else {
            System.out.printf(Locale.ROOT, "   ok %-50s %-6s loadverdict %10d  report %10d%n", label, metric, ours, theirs);
        }
    }

    private void near(String label, String metric, OptionalDouble ours, OptionalDouble theirs, double tolerance,
                      SourcePrecision precision) {
        if (theirs.isEmpty()) {
            return;
        }
        checks++;
        if (ours.isEmpty()) {
            fail(label + " " + metric + ": the report gives " + format(theirs.getAsDouble()) + ", loadverdict has none");
            return;
        }
        double a = ours.getAsDouble();
        double b = theirs.getAsDouble();
        if (relative(a, b) <= tolerance || Math.abs(a - b) <= precision.resolutionMs() / 2) {
            System.out.printf(Locale.ROOT, "   ok %-50s %-6s loadverdict %10s  report %10s  (%s%% apart)%n", label, metric,
                    format(a), format(b), format(relative(a, b)));
        } else {
            fail(label + " " + metric + ": loadverdict " + format(a) + ", report " + format(b) + " (" + format(relative(a, b))
                    + "% apart, tolerance " + format(tolerance) + "%)");
        }
    }

    private static double relative(double a, double b) {
        return b == 0 ? (a == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs(a - b) / Math.abs(b) * 100;
    }

    private void fail(String line) {
        failures.add(line);
        System.out.println("!! " + line);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
    }

    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        String current = null;
        for (String arg : args) {
            if (arg.startsWith("--")) {
                current = arg;
                options.computeIfAbsent(current, k -> new ArrayList<>());
            } else if (current == null) {
                System.err.println("unexpected argument: " + arg);
                System.exit(2);
            } else {
                options.get(current).add(arg);
            }
        }
        return options;
    }

    private static String single(Map<String, List<String>> options, String name, String fallback) {
        List<String> values = options.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
