package dev.loadverdict.reporter;

import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Severity;

/**
 * Renders a {@link Comparison} in one {@link ReportFormat}. Obtain one from {@link Reports#renderer}.
 * Implementations are immutable and safe to share between threads.
 */
public interface ReportRenderer {

    /** The format this renderer writes. */
    ReportFormat format();

    /**
     * The complete report, ending with a line break. The output does not depend on the default locale or
     * time zone: numbers are formatted with {@link java.util.Locale#ROOT} and times in UTC.
     *
     * @throws TemplateFailedException if a template fails (a user's template, or a bug in loadverdict)
     */
    String render(ReportInput input);

    /** As {@link #render(ReportInput)}, for a comparison alone, failing from critical up. */
    default String render(Comparison comparison) {
        return render(ReportInput.of(comparison));
    }

    /**
     * As {@link #render(ReportInput)}, for a comparison alone that fails from {@code failOn} up: JUnit marks those
     * regressions as failures ({@link Severity#NONE}: none). The other formats do not depend on it.
     */
    default String render(Comparison comparison, Severity failOn) {
        return render(ReportInput.of(comparison, failOn));
    }
}
