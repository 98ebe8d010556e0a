package dev.loadverdict.issuebot;

import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.reporter.Reports;

import java.util.ArrayList;
import java.util.List;

/**
 * What loadverdict writes on GitHub for a comparison, rendered by the reporter's templates (every name escaped, the
 * title inert) between this module's {@link Markers}: per scope the issue's title, body, recurrence and recovery
 * comments, and the sticky pull-request comment.
 */
public final class IssueTexts {

    private IssueTexts() {
    }

    /**
     * Each scope of the comparison (a service, after its stage when split), with what its issue would say.
     *
     * @param suite the suite, part of each issue's identity
     * @param titleTemplate the title of a new issue; {@code {service}} and {@code {suite}} are replaced
     * @param runUrl the CI run (and commit), or empty text
     * @param reproduce the commands that reproduce the comparison locally, or empty text
     */
    public static List<IssuePlanner.Scope> scopes(Comparison comparison, String suite, String titleTemplate, String runUrl,
                                                  String reproduce) {
        List<IssuePlanner.Scope> scopes = new ArrayList<>();
        for (String scope : comparison.scopes()) {
            Fingerprint fingerprint = Fingerprint.of(suite, scope);
            scopes.add(new IssuePlanner.Scope(scope, comparison.criticalIn(scope), comparison.recoveredIn(scope),
                    Reports.issueTitle(titleTemplate, scope, suite),
                    Reports.issue(comparison, scope, fingerprint.markers(), suite, runUrl, reproduce),
                    Reports.recurrence(comparison, scope, Markers.around(Markers.RECURRENCE), suite, runUrl, reproduce),
                    Reports.recovery(comparison, scope, Markers.around(Markers.RECOVERY), suite, runUrl)));
        }
        return scopes;
    }

    /** The sticky pull-request comment; {@link #commentMarker()} finds it again. */
    public static String comment(Comparison comparison, String runUrl) {
        return Reports.comment(comparison, Markers.around(Markers.COMMENT), runUrl);
    }

    /** The marker that opens the sticky comment. */
    public static String commentMarker() {
        return Markers.start(Markers.COMMENT);
    }
}
