package dev.loadverdict.extractor.locust;

import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Recognises Locust files that are not a run on their own, so that naming one gives a clear message rather
 * than "not recognised":
 * <ul>
 *   <li>{@code PREFIX_stats_history.csv}, {@code PREFIX_failures.csv}, {@code PREFIX_exceptions.csv}: read as
 *       parts of the run of {@code PREFIX_stats.csv};</li>
 *   <li>Taurus' {@code *.ldjson} captures of Locust 0.7/0.8 worker reports ({@code {"stats":[…],"errors":…,
 *       "user_count":…,"client_id":…}} per line): not a Locust output format; each line holds a worker's
 *       increments since its previous report, and Locust 0.x counted failed requests apart from
 *       {@code num_requests}, so they are refused rather than read into numbers that look right but are not.</li>
 * </ul>
 */
final class LocustPartFormat implements ResultFormat {

    private enum Part {
        HISTORY("Locust's stats history", LocustFiles.HISTORY),
        FAILURES("Locust's failures CSV", LocustFiles.FAILURES),
        EXCEPTIONS("Locust's exceptions CSV", LocustFiles.EXCEPTIONS),
        WORKER_REPORTS(null, null);

        final String what;
        final String suffix;

        Part(String what, String suffix) {
            this.what = what;
            this.suffix = suffix;
        }
    }

    @Override
    public String displayName() {
        return "Locust history, failures or exceptions CSV (read with its stats CSV)";
    }

    @Override
    public MatchStrength detect(Head head) {
        return kind(head) == null ? MatchStrength.NO_MATCH : MatchStrength.FULL_MATCH;
    }

    private static Part kind(Head head) {
        String first = head.firstLine().toLowerCase(Locale.ROOT).replace("\"", "").strip();
        if (first.startsWith("timestamp,user count,") && first.contains("total request count")) {
            return Part.HISTORY;
        }
        if (first.equals("method,name,error,occurrences") || first.equals("method,name,error,occurences")) {
            return Part.FAILURES;
        }
        if (first.equals("count,message,traceback,nodes")) {
            return Part.EXCEPTIONS;
        }
        String raw = head.firstLine().strip();
        if (raw.startsWith("{") && raw.contains("\"stats\":") && raw.contains("\"client_id\":")
                && raw.contains("\"num_requests\":")) {
            return Part.WORKER_REPORTS;
        }
        return null;
    }

    @Override
    public ToolResult read(Head head, ReadContext context) {
        Path path = head.path();
        String displayPath = head.displayPath();
        Part part = kind(head);
        if (part == null) {
            throw new InputException(displayPath, "is no Locust file loadverdict recognises");
        }
        if (part == Part.WORKER_REPORTS) {
            throw new InputException(displayPath, 1, "holds Locust worker reports captured by Taurus, not a Locust "
                    + "output format (each line is a worker's increments, and Locust 0.x counted failures apart from "
                    + "requests): give Locust's own --csv or --json output instead");
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (!name.endsWith(part.suffix)) {
            throw new InputException(displayPath, "is " + part.what + ", which loadverdict reads together with the "
                    + "PREFIX_stats.csv of the same run: give that file, its directory or the prefix");
        }
        String prefix = name.substring(0, name.length() - part.suffix.length());
        Path stats = path.resolveSibling(prefix + LocustFiles.STATS);
        if (Files.isRegularFile(stats)) {
            throw new InputException(displayPath, "is " + part.what + ", a part of the run in " + prefix
                    + LocustFiles.STATS + ": give that file, the directory or the prefix " + prefix);
        }
        throw new InputException(displayPath, "is " + part.what + ", which loadverdict reads together with "
                + prefix + LocustFiles.STATS + " of the same run, but that file is not beside it");
    }
}
