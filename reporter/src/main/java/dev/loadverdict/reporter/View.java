package dev.loadverdict.reporter;

import java.util.List;

/**
 * The view model the templates read: everything already formatted. A {@code String} component holds
 * untrusted text (tidied, still to be escaped by the output format); a {@link Trusted} component holds
 * loadverdict's own text. The records are public only because FreeMarker reads their accessors reflectively;
 * the enclosing class keeps them out of the module's API.
 */
final class View {
    private View() {
    }

    /**
     * The whole report.
     *
     * @param verdict {@code PASS}, {@code WARN} or {@code FAIL}
     * @param summary {@code 2 critical, 1 warning regressions} or {@code no regressions}
     * @param regressions every regression, most serious first
     * @param improvements every improvement, in finding order
     * @param columns widths for the text format's aligned columns of regressions and improvements
     * @param changeColumns widths for the text format's aligned columns of new and missing endpoints
     */
    public record Report(Trusted verdict, Trusted summary, Context context, List<Row> regressions,
                         List<Service> services, List<Row> improvements, List<EndpointChange> newEndpoints,
                         List<EndpointChange> missingEndpoints, Columns columns, Columns changeColumns) {
    }

    /**
     * What was compared with what.
     *
     * @param moreSources {@code 3 more} when sources were left out of {@code sources}, else empty
     * @param baselineLocation how to name the baseline in {@code --baseline}: a code span in Markdown, to paste as it is
     * @param notes sentences a reader needs to weigh the numbers (rounding, untestable significance)
     * @param warnings what makes the comparison itself doubtful (load profiles that differ), shown first
     * @param hasBaseline false when there was no baseline and only absolute limits were checked; the baseline fields
     *                    are then empty
     * @param baselineSelection why loadverdict chose this baseline, when it chose it, else empty
     * @param changePointsHeading what {@code changePoints} lists, or empty when there are none
     * @param changePoints the baseline suite's change points since its last acknowledged step or profile change, then
     *                     its acknowledged steps, one sentence each (plain text: the template escapes it)
     */
    public record Context(Trusted tool, String toolVersion, String stage, List<String> sources,
                          Trusted moreSources, Code baselineLocation, Trusted baselineVersion,
                          Trusted baselineCreated, String gitSha, String gitRef, String configSource,
                          List<Trusted> notes, List<Sentence> warnings, boolean hasBaseline, String baselineSelection,
                          Trusted matching, String changePointsHeading, List<String> changePoints) {
    }

    /**
     * One finding.
     *
     * @param threshold the block that fired for a regression, else the warning block
     * @param critical the critical block
     * @param warning the warning block
     * @param outcome the outcome in words; {@code label} is the same with an emoji
     * @param why the decisive reasons, as many whole clauses as fit in a table cell, and how many more there are
     * @param explanation every reason, one clause each: the rule broken and where it is configured, the test with its
     *                    p-values before and after adjustment and the family's size, why a breach was downgraded, or
     *                    why nothing could be tested
     */
    public record Row(String service, String endpoint, Trusted metric, Trusted baseline, Trusted current,
                      Trusted change, Trusted threshold, Trusted critical, Trusted warning, Trusted outcome,
                      Trusted label, String why, List<String> explanation) {
    }

    /**
     * The findings of one service, by what needs attention.
     *
     * @param attention regressions, changes for the worse within threshold and findings that could not be
     *                  compared, in finding order
     * @param improvementCount {@code 2 improvements}
     * @param unchangedCount {@code 6 unchanged checks}
     * @param columns widths for the text format's table of this service
     */
    public record Service(String name, List<Row> attention, List<Row> improvements, List<Row> unchanged,
                          Trusted improvementCount, Trusted unchangedCount, Columns columns) {
    }

    /**
     * An endpoint on one side only.
     *
     * @param requests its requests on the side where it exists: {@code 1,200}
     * @param requestCount the same with its noun: {@code 1,200 requests}, {@code 1 request}
     */
    public record EndpointChange(String service, String endpoint, Trusted requests, Trusted requestCount) {
    }

    /** Column widths in characters, at least as wide as the text template's headers. */
    public record Columns(int service, int endpoint, int metric, int baseline, int current, int change,
                          int outcome) {

        static Columns of(List<Row> rows) {
            return new Columns(
                    width("Service", rows.stream().map(Row::service).toList()),
                    width("Endpoint", rows.stream().map(Row::endpoint).toList()),
                    width("Metric", rows.stream().map(r -> r.metric().text()).toList()),
                    width("Baseline", rows.stream().map(r -> r.baseline().text()).toList()),
                    width("Current", rows.stream().map(r -> r.current().text()).toList()),
                    width("Change", rows.stream().map(r -> r.change().text()).toList()),
                    width("Outcome", rows.stream().map(r -> r.outcome().text()).toList()));
        }

        /** Widths for lists of endpoint changes: only the service and endpoint columns count. */
        static Columns ofChanges(List<EndpointChange> changes) {
            return new Columns(
                    width("Service", changes.stream().map(EndpointChange::service).toList()),
                    width("Endpoint", changes.stream().map(EndpointChange::endpoint).toList()),
                    0, 0, 0, 0, 0);
        }

        // FreeMarker's ?right_pad counts UTF-16 chars, so do we.
        private static int width(String header, List<String> cells) {
            return Math.max(header.length(), cells.stream().mapToInt(String::length).max().orElse(0));
        }
    }

    /**
     * The JUnit XML report: one suite per service (after its stage, when split), one case per checked metric.
     *
     * @param tests how many cases in all
     * @param failures how many fail: regressions at or above the failing severity
     */
    public record Junit(String tests, String failures, String skipped, List<JunitSuite> suites) {
    }

    /** One service's checks. */
    public record JunitSuite(String name, String tests, String failures, String skipped, List<JunitCase> cases) {
    }

    /**
     * One checked metric, or an endpoint on one side only (skipped).
     *
     * @param type the severity of a failure ({@code critical}, {@code warning})
     * @param message one line: what changed by how much, against which threshold
     * @param details every reason behind the verdict
     */
    public record JunitCase(String classname, String name, boolean failed, boolean skipped, String type,
                            String message, String details) {
    }

    /**
     * The HTML report: everything the other formats show, and charts per service.
     *
     * @param note why some charts are missing, or empty
     */
    public record Html(Report report, List<ServiceCharts> charts, String note) {
    }

    /** One service's charts; {@code timeline}: the p95 over time and the trend across the suite's runs, when there are. */
    /**
     * @param timelineNote why there is no p95-over-time chart although the runs are there (empty when there is one,
     *     or when the report was rendered without the runs)
     */
    public record ServiceCharts(String name, Svg latency, Svg errors, List<Svg> curves, List<Svg> timeline,
                                String timelineNote) {
    }

    /** An inline SVG: size, view box and primitives with their coordinates formatted. */
    public record Svg(String title, String width, String height, String viewBox, List<SvgShape> shapes) {
    }

    /**
     * One SVG primitive: {@code kind} is rect (x, y, w, h), line (x, y to w, h as x2, y2), polyline (points) or text
     * (x, y, anchor, text); {@code tooltip} becomes its title.
     */
    public record SvgShape(String kind, String x, String y, String w, String h, String points, String cssClass,
                           String tooltip, String anchor, String text) {
    }

    /**
     * An issue body or a pull-request comment: the report, narrowed to one service for an issue, and what a reader
     * needs to act on it. The markers are loadverdict's own hidden HTML comments, printed as they are.
     *
     * @param report the report (for an issue: only the service's findings)
     * @param scope the service (after its stage when split), or empty for a whole-run comment
     * @param suite the suite, or empty
     * @param runUrl the CI run that produced the current run, or empty: {@link Trusted} when it is an Actions run address
     *               loadverdict built (a link), else an escaped string
     * @param reproduce the command that reproduces the comparison locally, or empty
     * @param markerStart the hidden marker opening the part loadverdict rewrites (with the fingerprint)
     * @param markerEnd the hidden marker closing it
     * @param checks how many checks the report holds, with their noun: {@code 12 checks}, {@code 1 check}
     */
    public record Issue(Report report, String scope, String suite, Object runUrl, Trusted reproduce,
                        Trusted markerStart, Trusted markerEnd, Trusted checks) {
    }

    /**
     * A comparison that gives no verdict because it matched (almost) nothing: the baseline as given, the sentence
     * naming both sides and the hint, as the comparator words them.
     */
    public record Unmatched(Code baseline, Sentence identities, Sentence suggestion) {
    }

    /**
     * A suite's trend page: a summary row per endpoint and service total (most in need of a look first), and the
     * data its script draws the charts from when a row is opened.
     *
     * @param suite the suite
     * @param runs the runs shown: {@code 500 recorded runs, v1 (2026-01-02) to v500 (2027-05-15)}
     * @param band how the noise bands were made, or why there are none
     * @param counts how many rows, and how many have change points and pending ones
     * @param notes why some runs or series were analysed apart or left out, one sentence each
     * @param acknowledgements the acknowledged steps, oldest first
     * @param rows one per endpoint and service total
     * @param data the series, bands and change points as JSON for the page's script
     */
    public record Trend(String suite, String runs, String band, String counts, List<String> notes,
                        List<TrendAcknowledgement> acknowledgements, List<TrendRow> rows, ScriptJson data) {
    }

    /** A step a person acknowledged: from {@code at} on the runs are the new normal. */
    public record TrendAcknowledgement(String at, String note, String acknowledged) {
    }

    /**
     * One endpoint (or service total) on the trend page.
     *
     * @param index its place in the page's data
     * @param latest the newest p95, {@code 123 ms}, or {@code —}
     * @param change the newest p95 against the noise band's median, {@code +12.3%}, or {@code —}
     * @param direction {@code worse} or {@code better} when the newest p95 lies outside the band, else empty
     * @param changePoints how many change points its metrics have, {@code 0} for none
     * @param pending whether one of them is pending
     * @param lastStep the newest change point, {@code p95 +30.1% at v21 (3f9c2ab)}, or empty
     * @param spark the p95 as the points of a 100 × 20 polyline
     * @param group how urgent: {@code pending}, {@code current} (change points in the newest segment), {@code older}
     *              or {@code none}
     * @param open whether the page opens with its charts shown
     */
    public record TrendRow(String index, String service, String endpoint, String latest, String change,
                           String direction, String changePoints, boolean pending, String lastStep, String spark,
                           String group, boolean open) {
    }
}
