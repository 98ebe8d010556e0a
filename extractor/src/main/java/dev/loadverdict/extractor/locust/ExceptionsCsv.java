package dev.loadverdict.extractor.locust;

import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.internal.Diagnostics;
import dev.loadverdict.extractor.internal.Messages;

import java.nio.file.Path;

/**
 * Locust's {@code *_exceptions.csv}: {@code Count,Message,Traceback,Nodes}, one row per distinct exception
 * raised in user code (the traceback a multi-line quoted field). Exceptions are not requests, so the run's
 * model has no place for them; loadverdict reports them as one warning (how many, and the most frequent) and
 * lists the file among the run's sources. A header-only file means none were raised.
 */
final class ExceptionsCsv {

    private static final String KIND = "Locust exceptions CSV";

    private ExceptionsCsv() {
    }

    /** Adds one warning summarising the exceptions to the file's diagnostics; none when there were none. */
    static void summary(Path path, String file, Diagnostics diagnostics) {
        long kinds = 0;
        long total = 0;
        long topCount = -1;
        String top = "";
        try (CsvRows rows = new CsvRows(file, InputFiles.openBytes(path, file))) {
            String count = rows.column("Count", KIND);
            String message = rows.column("Message", KIND);
            while (rows.next()) {
                if (rows.size() == 1 && rows.text(count).isEmpty()) {
                    continue;
                }
                long n = rows.wholeNumber(count);
                kinds++;
                total += n;
                if (n > topCount) {
                    topCount = n;
                    top = rows.text(message);
                }
            }
        }
        if (kinds == 0) {
            return;
        }
        diagnostics.warn("the test's own code raised " + total + " exception" + (total == 1 ? "" : "s")
                + (kinds == 1 ? "" : " of " + kinds + " kinds") + " (not requests, so not in the run's counts); "
                + "most often (" + topCount + "x): \"" + Messages.shorten(top) + "\"");
    }
}
