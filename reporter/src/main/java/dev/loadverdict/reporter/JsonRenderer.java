package dev.loadverdict.reporter;

import dev.loadverdict.codec.ComparisonJson;

/** The JSON report: the comparison as {@link ComparisonJson} writes it, the form {@code loadverdict report} reads. */
final class JsonRenderer implements ReportRenderer {

    @Override
    public ReportFormat format() {
        return ReportFormat.JSON;
    }

    @Override
    public String render(ReportInput input) {
        return ComparisonJson.write(input.comparison());
    }
}
