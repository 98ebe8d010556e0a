package dev.loadverdict.reporter;

import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.compare.BaselineRef;
import dev.loadverdict.model.compare.Matching;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Significance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The report's context: the current run, the baseline, and the notes needed to read the numbers. */
final class ContextBuilder {
    /** Sources listed by name; the rest are counted. */
    static final int MAX_SOURCES = 3;

    private ContextBuilder() {
    }

    static View.Context build(Comparison comparison) {
        RunMetadata current = comparison.current();
        Optional<BaselineRef> baseline = comparison.baseline();
        List<String> sources = current.sources();
        int more = Math.max(0, sources.size() - MAX_SOURCES);
        return new View.Context(
                Trusted.of(Labels.tool(current.tool())),
                untrusted(current.toolVersion()),
                untrusted(current.stage().or(() -> comparison.stages().isEmpty() ? Optional.empty()
                        : Optional.of(String.join(", ", comparison.stages())))),
                sources.stream().limit(MAX_SOURCES).map(UntrustedText::tidy).toList(),
                more == 0 ? Trusted.EMPTY : Trusted.of(ValueFormatter.count(more) + " more"),
                new Code(baseline.map(BaselineRef::location).orElse("")),
                baseline.map(b -> Trusted.of(Integer.toString(b.version()))).orElse(Trusted.EMPTY),
                baseline.map(b -> Trusted.of(ValueFormatter.dateTime(b.created()))).orElse(Trusted.EMPTY),
                untrusted(baseline.flatMap(b -> b.provenance().gitSha())),
                untrusted(baseline.flatMap(b -> b.provenance().gitRef())),
                untrusted(comparison.configSource()),
                notes(comparison),
                comparison.warnings().stream().map(ContextBuilder::capitalised).map(Sentence::new).toList(),
                baseline.isPresent(),
                untrusted(baseline.flatMap(BaselineRef::selection)),
                comparison.matching().map(ContextBuilder::matching).orElse(Trusted.EMPTY),
                comparison.history().filter(h -> !ChangePointLines.lines(h).isEmpty()).map(ChangePointLines::heading).orElse(""),
                comparison.history().map(ChangePointLines::lines).orElse(List.of()));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * What matched, in counts only: {@code 2 of 3 baseline endpoints in this run (1 missing), 3 new; services: 1 in
     * both, 0 missing, 0 new}.
     */
    static Trusted matching(Matching m) {
        Matching.Counts e = m.endpoints();
        Matching.Counts s = m.services();
        String byName = m.byName().isEmpty() ? ""
                : "; " + Labels.plural(m.byName().size(), "flat baseline service", "flat baseline services")
                + " paired with run endpoints by name";
        return Trusted.of(ValueFormatter.count(e.matched()) + " of " + ValueFormatter.count(m.baselineEndpoints())
                + " baseline endpoints in this run (" + ValueFormatter.count(e.missing()) + " missing), "
                + ValueFormatter.count(e.added()) + " new; services: " + ValueFormatter.count(s.matched()) + " in both, "
                + ValueFormatter.count(s.missing()) + " missing, " + ValueFormatter.count(s.added()) + " new" + byName);
    }

    private static String untrusted(Optional<String> text) {
        return text.map(UntrustedText::tidy).orElse("");
    }

    private static List<Trusted> notes(Comparison comparison) {
        List<Trusted> notes = new ArrayList<>(2);
        precisionNote(comparison.current())
                .or(() -> comparison.baseline().flatMap(b -> precisionNote(b.run())))
                .ifPresent(notes::add);
        significanceNote(comparison.findings()).ifPresent(notes::add);
        comparison.notes().stream().map(UntrustedText::tidy).map(Trusted::of).forEach(notes::add);
        return notes;
    }

    /** Locust and the like round large response times: say so, since it bounds what a change can mean. */
    static Optional<Trusted> precisionNote(RunMetadata run) {
        SourcePrecision precision = run.precision();
        if (precision.significantDigits().isEmpty()) {
            return Optional.empty();
        }
        String from = precision.roundedFromMs() > 0
                ? " ≥ " + ValueFormatter.amount(precision.roundedFromMs()) + " ms"
                : "";
        return Optional.of(Trusted.of(Labels.tool(run.tool()) + " rounds response times" + from + " to "
                + Labels.plural(precision.significantDigits().getAsInt(), "significant digit", "significant digits")
                + "; changes smaller than one rounding step are not meaningful."));
    }

    static Optional<Trusted> significanceNote(List<Finding> all) {
        // only a change between two values could be tested; a limit check with no baseline value needs no test
        List<Finding> findings = all.stream().filter(f -> f.baseline().isPresent() && f.current().isPresent()).toList();
        long untestable = findings.stream()
                .filter(f -> f.significance().status() == Significance.Status.NOT_TESTABLE)
                .count();
        if (untestable == 0) {
            return Optional.empty();
        }
        String which = untestable == findings.size()
                ? "any check"
                : untestable + " of " + findings.size() + " checks";
        return Optional.of(Trusted.of("Significance could not be tested for " + which
                + " (aggregates only): thresholds alone decided."));
    }
}
