package dev.perfgate.extractor.locust;

import dev.perfgate.extractor.Head;
import dev.perfgate.extractor.InputFiles;
import dev.perfgate.extractor.MatchStrength;
import dev.perfgate.extractor.ReadContext;
import dev.perfgate.extractor.RequestLabels;
import dev.perfgate.extractor.ResultFormat;
import dev.perfgate.extractor.ServiceMapper;
import dev.perfgate.extractor.ToolResult;
import dev.perfgate.model.EndpointId;
import dev.perfgate.model.EndpointStats;
import dev.perfgate.model.InputException;
import dev.perfgate.model.LatencyStats;
import dev.perfgate.model.RunMetadata;
import dev.perfgate.model.SourcePrecision;
import dev.perfgate.model.Tool;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Locust's {@code *_stats.csv} (and the 0.x {@code *_requests.csv}) of every header generation:
 * one endpoint per row, identified as {@code Type Name}, plus the {@code Aggregated} (or 0.x
 * {@code Total}) row as the run's total. Columns are found by header name; percentile columns by their
 * shape ({@code 95%}, {@code 99.9%}), so custom {@code PERCENTILES_TO_REPORT} work.
 *
 * <p>When the file is named {@code PREFIX_stats.csv} and {@code PREFIX_failures.csv} lies beside it,
 * failures are broken down by kind (the exception text Locust recorded) from that file.
 *
 * <p>Precision: Locust rounds every response time before aggregating it (whole ms below 100 ms, two
 * significant digits from 100 ms), so its percentiles are as coarse as that; the run's metadata says so.
 * The {@code 50%} column is used as the median when present, else the {@code Median response time} column.
 */
public final class LocustExtractor implements ResultFormat {

    private static final Pattern PERCENTILE_HEADER = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)%\\s*");
    private static final String STATS_SUFFIX = "_stats.csv";

    @Override
    public String displayName() {
        return "Locust stats CSV";
    }

    @Override
    public MatchStrength detect(Head head) {
        String first = head.firstLine().toLowerCase(Locale.ROOT);
        if (first.contains("timestamp") || first.contains("user count")) {
            return MatchStrength.NO_MATCH; // *_stats_history.csv: not an aggregate of the whole run
        }
        boolean name = first.contains("name");
        boolean requests = first.contains("request count") || first.contains("# requests");
        boolean median = first.contains("median response time");
        boolean rps = first.contains("requests/s");
        if (name && requests && median && rps) {
            return MatchStrength.FULL_MATCH;
        }
        return name && requests ? MatchStrength.WEAK_MATCH : MatchStrength.NO_MATCH;
    }

    @Override
    public ToolResult read(Path path, String displayPath, ReadContext context) {
        Map<EndpointId, SortedMap<String, Long>> failureKinds = new HashMap<>();
        List<String> sources = new ArrayList<>(List.of(displayPath));
        Optional<Path> failuresFile = companion(path, "_failures.csv");
        if (failuresFile.isPresent()) {
            String failuresDisplay = siblingDisplay(displayPath, failuresFile.get());
            failureKinds = FailuresCsv.read(failuresFile.get(), failuresDisplay);
            sources.add(failuresDisplay);
        }
        try (Reader reader = InputFiles.openText(path, displayPath)) {
            return readStats(reader, displayPath, sources, failureKinds, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ToolResult readStats(Reader reader, String file, List<String> sources,
                                        Map<EndpointId, SortedMap<String, Long>> failureKinds,
                                        ReadContext context) {
        try (CsvRows rows = new CsvRows(file, reader)) {
            Map<String, Integer> header = rows.header();
            Map<StatsColumn, String> columns = new EnumMap<>(StatsColumn.class);
            for (StatsColumn c : StatsColumn.values()) {
                c.findIn(header).ifPresent(name -> columns.put(c, name));
            }
            for (StatsColumn required : List.of(StatsColumn.NAME, StatsColumn.REQUESTS, StatsColumn.FAILURES)) {
                if (!columns.containsKey(required)) {
                    throw new InputException(file, 1, "not a Locust stats CSV: no '"
                            + required.aliases().get(0) + "' column");
                }
            }
            Map<Double, String> percentileColumns = new TreeMap<>();
            for (String h : header.keySet()) {
                Matcher m = PERCENTILE_HEADER.matcher(h);
                if (m.matches()) {
                    double p = Double.parseDouble(m.group(1));
                    if (p > 0 && p <= 100) {
                        percentileColumns.put(p, h);
                    }
                }
            }
            Dialect dialect = Dialect.of(header, !percentileColumns.isEmpty());
            Optional<EndpointStats> total = Optional.empty();
            Map<String, ServiceMapper.Row> endpoints = new LinkedHashMap<>();
            while (rows.next()) {
                if (rows.size() == 1 && rows.text(columns.get(StatsColumn.NAME)).isEmpty()) {
                    continue;
                }
                if (rows.size() != header.size()) {
                    throw rows.fail("has " + rows.size() + " fields but the header has " + header.size()
                            + ": the file is truncated or damaged");
                }
                String type = columns.containsKey(StatsColumn.TYPE) ? rows.text(columns.get(StatsColumn.TYPE)) : "";
                String name = rows.text(columns.get(StatsColumn.NAME));
                boolean isTotal = (type.isEmpty() || type.equals("None"))
                        && (name.equals("Aggregated") || name.equals("Total"));
                EndpointId id = isTotal ? EndpointId.of(null, name)
                        : EndpointId.of(type.isEmpty() || type.equals("None") ? null : type, name);
                EndpointStats stats = row(rows, columns, percentileColumns, id,
                        isTotal ? sumKinds(failureKinds) : failureKinds.getOrDefault(id, new TreeMap<>()));
                if (isTotal) {
                    if (total.isPresent()) {
                        throw rows.fail("a second total row ('" + name + "')");
                    }
                    total = Optional.of(stats);
                } else if (endpoints.putIfAbsent(id.key(),
                        new ServiceMapper.Row(RequestLabels.of(id.method().orElse(null), name), stats)) != null) {
                    throw rows.fail("endpoint '" + id.key() + "' appears twice");
                }
            }
            if (endpoints.isEmpty() && total.isEmpty()) {
                throw new InputException(file, "Locust stats CSV with a header but no rows");
            }
            if (total.isEmpty()) {
                // every Locust version writes its total row last: without it the file was cut short
                throw new InputException(file, "has no Aggregated (or Total) row, which Locust always writes last: "
                        + "the file is truncated");
            }
            RunMetadata metadata = RunMetadata.of(Tool.LOCUST, Optional.of(dialect.versionRange()), sources,
                    SourcePrecision.locust());
            return new ToolResult(metadata, total,
                    ServiceMapper.group(List.copyOf(endpoints.values()), total, context.resolver()), List.of());
        }
    }

    private static EndpointStats row(CsvRows rows, Map<StatsColumn, String> columns,
                                     Map<Double, String> percentileColumns, EndpointId id,
                                     SortedMap<String, Long> kinds) {
        long requests = rows.wholeNumber(columns.get(StatsColumn.REQUESTS));
        long failures = rows.wholeNumber(columns.get(StatsColumn.FAILURES));
        if (failures > requests) {
            throw rows.fail("'" + id.key() + "' has more failures (" + failures + ") than requests (" + requests + ")");
        }
        SortedMap<Double, Double> percentiles = new TreeMap<>();
        if (requests > 0) {
            for (Map.Entry<Double, String> p : percentileColumns.entrySet()) {
                rows.number(p.getValue()).ifPresent(v -> percentiles.put(p.getKey(), v));
            }
            if (!percentiles.containsKey(50.0)) {
                optional(rows, columns, StatsColumn.MEDIAN).ifPresent(v -> percentiles.put(50.0, v));
            }
        }
        LatencyStats latency = requests == 0 ? LatencyStats.empty()
                : new LatencyStats(requests, optional(rows, columns, StatsColumn.MIN),
                optional(rows, columns, StatsColumn.AVERAGE), optional(rows, columns, StatsColumn.MAX), percentiles);
        return new EndpointStats(id, requests, failures, kinds,
                optional(rows, columns, StatsColumn.REQUESTS_PER_SECOND), latency, Optional.empty(), Optional.empty());
    }

    private static OptionalDouble optional(CsvRows rows, Map<StatsColumn, String> columns, StatsColumn column) {
        String header = columns.get(column);
        return header == null ? OptionalDouble.empty() : rows.number(header);
    }

    private static SortedMap<String, Long> sumKinds(Map<EndpointId, SortedMap<String, Long>> byEndpoint) {
        SortedMap<String, Long> sum = new TreeMap<>();
        byEndpoint.values().forEach(kinds -> kinds.forEach((k, v) -> sum.merge(k, v, Long::sum)));
        return sum;
    }

    /** {@code PREFIX_failures.csv} beside {@code PREFIX_stats.csv}, when it exists. */
    static Optional<Path> companion(Path statsFile, String suffix) {
        Path name = statsFile.getFileName();
        if (name == null || !name.toString().endsWith(STATS_SUFFIX)) {
            return Optional.empty();
        }
        String prefix = name.toString().substring(0, name.toString().length() - STATS_SUFFIX.length());
        Path sibling = statsFile.resolveSibling(prefix + suffix);
        return Files.isRegularFile(sibling) ? Optional.of(sibling) : Optional.empty();
    }

    private static String siblingDisplay(String displayPath, Path sibling) {
        int slash = Math.max(displayPath.lastIndexOf('/'), displayPath.lastIndexOf('\\'));
        return (slash < 0 ? "" : displayPath.substring(0, slash + 1)) + sibling.getFileName();
    }
}
