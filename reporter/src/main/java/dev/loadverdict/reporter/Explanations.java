package dev.loadverdict.reporter;

import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Significance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Why a finding came out as it did, in clauses a reader can check: which rule broke and where it is configured,
 * which test ran with its p-value before and after adjustment and the family's size, why a breach was downgraded
 * (not resolvable, too thin a tail, not more than noise, inside the noise band), or why nothing could be tested.
 *
 * <p>{@link #full} is every clause, in a fixed order: the decisions first, then the checks, the test and the rules.
 * {@link #brief} fits a table cell: the same order, whole clauses only, as many as fit, and says how many more there
 * are — a reason is never cut in the middle (the full text is one click away in HTML, and below the tables in the
 * other reports).
 */
final class Explanations {

    /** A table cell's budget, in code points. */
    static final int BRIEF = 240;

    private Explanations() {
    }

    static List<String> full(Finding f) {
        List<String> reasons = new ArrayList<>(f.reasons());
        reasons.sort(Comparator.comparingInt(Explanations::rank));
        Set<String> out = new LinkedHashSet<>(reasons);
        Significance s = f.significance();
        if (s.status() == Significance.Status.NOT_TESTABLE) {
            if (!s.note().isEmpty()) {
                out.add("significance: " + s.note());
            }
        } else if (!s.test().isEmpty()) {
            out.add("test: " + s.test() + (s.note().isEmpty() ? "" : "; " + s.note()));
        }
        f.rule().critical().ifPresent(c -> out.add("critical rule from " + f.rule().criticalSource()));
        f.rule().warning().ifPresent(c -> out.add("warning rule from " + f.rule().warningSource()));
        return List.copyOf(out);
    }

    /** Whole clauses of {@link #full}, as many as fit in {@code budget} code points, and how many were left out. */
    static String brief(Finding f, int budget) {
        List<String> clauses = full(f);
        StringBuilder out = new StringBuilder();
        int used = 0;
        int shown = 0;
        for (String clause : clauses) {
            String tidy = UntrustedText.sanitize(clause).strip();
            int length = tidy.codePointCount(0, tidy.length()) + (shown > 0 ? 2 : 0);
            if (used + length > budget) {
                break;
            }
            out.append(shown > 0 ? "; " : "").append(tidy);
            used += length;
            shown++;
        }
        int left = clauses.size() - shown;
        if (shown == 0) {
            return clauses.isEmpty() ? "" : clauses.size() + (clauses.size() == 1 ? " reason" : " reasons") + " in the full report";
        }
        return left > 0 ? out + " (+" + left + " more)" : out.toString();
    }

    /** Decisions first: downgrades, noise, then the checks of the severity reached, the other checks, the rest. */
    private static int rank(String reason) {
        if (reason.contains("→")) {
            return 0;
        }
        if (reason.contains("not more than noise") || reason.startsWith("noise band") || reason.startsWith("closed workload")) {
            return 1;
        }
        if (reason.startsWith("critical:")) {
            return 2;
        }
        if (reason.startsWith("warning:")) {
            return 3;
        }
        return 4;
    }
}
