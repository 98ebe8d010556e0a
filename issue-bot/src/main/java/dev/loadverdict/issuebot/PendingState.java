package dev.loadverdict.issuebot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many consecutive runs each service has failed without an issue yet ({@code --confirm-runs K}): kept as hidden
 * markers in the suite's pending-state issue, one per service, {@code <!-- loadverdict:pending fingerprint=… runs=N -->}.
 *
 * @param runs consecutive failing runs by fingerprint
 */
public record PendingState(Map<Fingerprint, Integer> runs) {

    static final PendingState EMPTY = new PendingState(Map.of());
    private static final Pattern ENTRY = Markers.pattern("pending fingerprint=([0-9a-f]{16}) runs=([0-9]{1,6})");

    public PendingState {
        runs = Map.copyOf(Objects.requireNonNull(runs, "runs == null"));
    }

    /** The marker that makes an issue the pending-state issue of a suite. */
    static String issueMarker(String suite) {
        return Markers.line("pending-state " + Fingerprint.of(suite, "(pending)").value());
    }

    static boolean isPendingIssue(String body, String suite) {
        return body != null && body.contains(issueMarker(suite));
    }

    static PendingState parse(String body) {
        Map<Fingerprint, Integer> runs = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(body == null ? "" : body);
        while (m.find()) {
            runs.put(new Fingerprint(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return new PendingState(runs);
    }

    int runs(Fingerprint fingerprint) {
        return runs.getOrDefault(fingerprint, 0);
    }

    boolean isEmpty() {
        return runs.isEmpty();
    }

    /** The pending-state issue's body: a line for people, the markers for loadverdict. */
    String render(String suite, int confirmRuns) {
        StringBuilder body = new StringBuilder(issueMarker(suite)).append('\n')
                .append("loadverdict keeps here how many consecutive runs of suite ").append(suite.replace("@", "@\u200B"))
                .append(" each service has failed; an issue is opened on the ").append(confirmRuns)
                .append(confirmRuns == 2 ? "nd" : confirmRuns == 3 ? "rd" : "th").append(" failing run in a row. ")
                .append(runs.size()).append(runs.size() == 1 ? " service awaits" : " services await").append(" confirmation.\n");
        runs.forEach((f, n) -> body.append(Markers.line("pending fingerprint=" + f.value() + " runs=" + n)).append('\n'));
        return body.toString();
    }
}
