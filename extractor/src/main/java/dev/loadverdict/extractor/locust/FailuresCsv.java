package dev.loadverdict.extractor.locust;

import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.Names;
import dev.loadverdict.model.EndpointId;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Locust's {@code *_failures.csv}: {@code Method,Name,Error,Occurrences} (Locust 0.x spelled the last
 * column {@code Occurences}); {@code Error} is the {@code repr()} of the exception, often quoted. A header-only
 * file means no failures. At most {@value ReadLimits#MAX_FAILURE_KINDS} kinds are kept per endpoint (an error text holding
 * a varying URL or id makes a new kind each time); the rest are counted under {@value #OTHER_KINDS}.
 */
final class FailuresCsv {

    static final String OTHER_KINDS = "(other failure kinds)";
    private static final String KIND = "Locust failures CSV";

    private FailuresCsv() {
    }

    /** Failure kind to count, per endpoint, in the file's order of endpoints. */
    static Map<EndpointId, SortedMap<String, Long>> read(Path path, String displayPath) {
        Map<EndpointId, SortedMap<String, Long>> kinds = new LinkedHashMap<>();
        try (CsvRows rows = new CsvRows(displayPath, InputFiles.openBytes(path, displayPath))) {
            String method = rows.column("Method", KIND);
            String name = rows.column("Name", KIND);
            String error = rows.column("Error", KIND);
            String count = rows.header().containsKey("Occurrences") ? "Occurrences" : rows.column("Occurences", KIND);
            while (rows.next()) {
                if (rows.size() == 1 && rows.text(method).isEmpty()) {
                    continue;
                }
                EndpointId id = EndpointId.of(Headers.method(rows.text(method)), rows.text(name));
                if (!kinds.containsKey(id) && kinds.size() >= ReadLimits.MAX_ENTRIES) {
                    throw rows.fail("failures of more than " + ReadLimits.MAX_ENTRIES + " endpoints; this is not a"
                            + " Locust failures file loadverdict can read");
                }
                SortedMap<String, Long> endpoint = kinds.computeIfAbsent(id, k -> new TreeMap<>());
                String kind = Names.bounded(rows.text(error), ReadLimits.MAX_FAILURE_KIND_NAME);
                long n = rows.wholeNumber(count);
                endpoint.merge(endpoint.containsKey(kind) || endpoint.size() < ReadLimits.MAX_FAILURE_KINDS ? kind : OTHER_KINDS, n, Long::sum);
            }
        }
        return kinds;
    }
}
