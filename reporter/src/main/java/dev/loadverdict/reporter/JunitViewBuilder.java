package dev.loadverdict.reporter;

import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.EndpointChange;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Comparison} into the {@link View.Junit} its template reads: a suite per service (and stage), a case
 * per checked metric, failing when the finding is a regression at or above the failing severity, and a skipped case
 * per endpoint present on one side only. Every text is plain and sanitised; the XML output format escapes it.
 */
final class JunitViewBuilder {

    private JunitViewBuilder() {
    }

    static View.Junit build(Comparison comparison, Severity failOn) {
        Map<String, List<View.JunitCase>> suites = new LinkedHashMap<>();
        for (Finding f : comparison.findings()) {
            String suite = "loadverdict." + UntrustedText.tidy(f.scopeLabel());
            boolean failed = failOn != Severity.NONE && f.outcome() == Outcome.REGRESSION && f.severity().atLeast(failOn);
            View.Row row = ViewBuilder.row(f);
            String message = row.metric().text() + " " + row.baseline().text() + " → " + row.current().text() + " ("
                    + row.change().text() + "): " + row.outcome().text()
                    + (f.severity() == Severity.NONE ? "" : ", threshold " + row.threshold().text());
            suites.computeIfAbsent(suite, k -> new ArrayList<>()).add(new View.JunitCase(suite,
                    UntrustedText.tidy(f.endpointLabel()) + " " + row.metric().text(), failed, false,
                    f.severity().id(), message, details(f)));
        }
        for (EndpointChange c : comparison.endpointChanges()) {
            String suite = "loadverdict." + UntrustedText.tidy(c.scopeLabel());
            suites.computeIfAbsent(suite, k -> new ArrayList<>()).add(new View.JunitCase(suite,
                    UntrustedText.tidy(c.endpoint()), false, true, "",
                    (c.kind() == EndpointChange.Kind.NEW ? "new endpoint, " : "missing endpoint, ") + c.requests()
                            + " requests: reported, never failed", ""));
        }
        List<View.JunitSuite> out = new ArrayList<>();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (Map.Entry<String, List<View.JunitCase>> e : suites.entrySet()) {
            int f = (int) e.getValue().stream().filter(View.JunitCase::failed).count();
            int s = (int) e.getValue().stream().filter(View.JunitCase::skipped).count();
            out.add(new View.JunitSuite(e.getKey(), Integer.toString(e.getValue().size()), Integer.toString(f),
                    Integer.toString(s), e.getValue()));
            tests += e.getValue().size();
            failures += f;
            skipped += s;
        }
        return new View.Junit(Integer.toString(tests), Integer.toString(failures), Integer.toString(skipped), out);
    }

    /** Every reason ({@link Explanations#full}), one per line, then the thresholds; sanitised line by line. */
    private static String details(Finding f) {
        StringBuilder d = new StringBuilder();
        Explanations.full(f).forEach(r -> d.append(UntrustedText.sanitize(r)).append('\n'));
        View.Row row = ViewBuilder.row(f);
        d.append("thresholds: critical ").append(row.critical().text()).append(", warning ").append(row.warning().text())
                .append('\n');
        return d.toString();
    }
}
