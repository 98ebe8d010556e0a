package dev.perfgate.extractor.locust;

import dev.perfgate.extractor.InputFiles;
import dev.perfgate.model.EndpointId;
import dev.perfgate.model.InputException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Locust's {@code *_failures.csv}: {@code Method,Name,Error,Occurrences} (Locust 0.x spelled the last
 * column {@code Occurences}). A header-only file means no failures.
 */
final class FailuresCsv {

    private FailuresCsv() {
    }

    static Map<EndpointId, SortedMap<String, Long>> read(Path path, String displayPath) {
        Map<EndpointId, SortedMap<String, Long>> kinds = new HashMap<>();
        try (Reader reader = InputFiles.openText(path, displayPath); CsvRows rows = new CsvRows(displayPath, reader)) {
            String method = column(rows, displayPath, "Method");
            String name = column(rows, displayPath, "Name");
            String error = column(rows, displayPath, "Error");
            String count = rows.header().containsKey("Occurrences") ? "Occurrences" : column(rows, displayPath, "Occurences");
            while (rows.next()) {
                String m = rows.text(method);
                EndpointId id = EndpointId.of(m.isEmpty() || m.equals("None") ? null : m, rows.text(name));
                kinds.computeIfAbsent(id, k -> new TreeMap<>()).merge(rows.text(error), rows.wholeNumber(count), Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kinds;
    }

    private static String column(CsvRows rows, String file, String name) {
        if (!rows.header().containsKey(name)) {
            throw new InputException(file, 1, "not a Locust failures CSV: no '" + name + "' column");
        }
        return name;
    }
}
