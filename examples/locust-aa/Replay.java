import dev.loadverdict.codec.ConfigParser;
import dev.loadverdict.comparator.RegressionDetector;
import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.compare.BaselineRef;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Replays the real runs of examples/locust-aa and examples/jmeter-aa through loadverdict's comparison at its default
 * settings and prints what it finds: over every ordered pair of A/A runs (the same build twice: every finding is a
 * false alarm), how many pairs have a critical and how many a warning, and on what; and, for each real change, what
 * it is flagged on, against each A/A run of the same length.
 *
 * <pre>java -cp cli/target/loadverdict.jar examples/locust-aa/Replay.java</pre>
 */
public final class Replay {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<Run> aa30 = runs(root, "examples/locust-aa", "aa30-");
        List<Run> aa120 = runs(root, "examples/locust-aa", "aa120-");
        List<Run> jmeter = runs(root, "examples/jmeter-aa", "aa-");
        aa("Locust, 30 s, 20 users", aa30);
        aa("Locust, 2 min, 20 users", aa120);
        aa("JMeter, 15 s, 12 threads", jmeter);
        aa("JMeter, 15 s, 12 threads, recorded on a busy machine", runs(root, "examples/jmeter-aa/busy-machine", "aa-"));
        suites("JMeter, busy machine", runs(root, "examples/jmeter-aa/busy-machine", "aa-"));
        suites("JMeter, quiet machine", jmeter);
        for (String change : new String[] {"search-1.25x", "search-2x", "checkout-errors"}) {
            Run changed = load(root.resolve("examples/locust-aa").resolve(change));
            Map<String, Integer> flagged = new TreeMap<>();
            for (Run base : aa30) {
                for (Finding f : compare(changed, base).regressions()) {
                    flagged.merge(f.severity().id() + " " + label(f), 1, Integer::sum);
                }
            }
            System.out.printf(Locale.ROOT, "%s against each of %d A/A runs: %s%n", change, aa30.size(),
                    flagged.isEmpty() ? "nothing" : flagged);
        }
    }

    static void aa(String name, List<Run> runs) {
        int pairs = 0;
        int critical = 0;
        int warning = 0;
        Map<String, Integer> on = new TreeMap<>();
        for (Run a : runs) {
            for (Run b : runs) {
                if (a == b) {
                    continue;
                }
                pairs++;
                List<Finding> found = compare(a, b).regressions();
                if (found.stream().anyMatch(f -> f.severity() == Severity.CRITICAL)) {
                    critical++;
                } else if (!found.isEmpty()) {
                    warning++;
                }
                found.forEach(f -> on.merge(f.severity().id() + " " + label(f), 1, Integer::sum));
            }
        }
        System.out.printf(Locale.ROOT, "A/A %s: %d runs, %d ordered pairs: %d with a critical, %d with warnings only%s%n",
                name, runs.size(), pairs, critical, warning, on.isEmpty() ? "" : "; findings: " + on);
    }

    /**
     * Each run against a suite of the others, as a nightly compares with its history: the baseline the median of the
     * other runs (SUITE@median:N), noise bands from them.
     */
    static void suites(String name, List<Run> runs) {
        int critical = 0;
        int warning = 0;
        for (Run run : runs) {
            List<Baseline> others = new ArrayList<>();
            for (Run other : runs) {
                if (other != run) {
                    others.add(new Baseline(others.size() + 1, Instant.EPOCH, Baseline.Provenance.none(), other));
                }
            }
            Baseline median = dev.loadverdict.baselines.MedianBaseline.of(others);
            Comparison c = RegressionDetector.compare(run, BaselineRef.of("median", median), median.run(),
                    ConfigParser.empty(), new RegressionDetector.Options(false,
                            dev.loadverdict.baselines.NoiseBandCalculator.of(run, others, 3)));
            if (c.worstSeverity() == Severity.CRITICAL) {
                critical++;
            } else if (c.worstSeverity() == Severity.WARNING) {
                warning++;
            }
        }
        System.out.printf(Locale.ROOT, "A/A %s, each run against the median and noise bands of the other %d: %d with a"
                + " critical, %d with warnings only%n", name, runs.size() - 1, critical, warning);
    }

    static Comparison compare(Run current, Run baseline) {
        return RegressionDetector.compare(current, BaselineRef.of("baseline",
                new Baseline(1, Instant.EPOCH, Baseline.Provenance.none(), baseline)), baseline, ConfigParser.empty());
    }

    static String label(Finding f) {
        return f.endpoint().orElse("(total)") + " " + f.metric().key();
    }

    static List<Run> runs(Path root, String dir, String prefix) throws Exception {
        List<Run> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve(dir))) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                runs.add(load(p));
            }
        }
        return runs;
    }

    static Run load(Path input) {
        return Extractor.standard().extract(List.of(input.toString()), ExtractOptions.defaults()).run();
    }
}
