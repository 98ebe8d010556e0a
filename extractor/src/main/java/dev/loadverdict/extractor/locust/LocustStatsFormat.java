package dev.loadverdict.extractor.locust;

import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.Diagnostics;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.Messages;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.RequestLabels;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.ServiceMapper;
import dev.loadverdict.extractor.internal.TimeWindow;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.TimeSeries;
import dev.loadverdict.model.Tool;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads Locust's {@code *_stats.csv} (and the 0.x {@code *_requests.csv}) of every header generation:
 * one endpoint per row, identified as {@code Type Name}, plus the {@code Aggregated} (or 0.x
 * {@code Total}) row as the run's total. Columns are found by header name; percentile columns by their
 * shape ({@code 95%}, {@code 99.9%}), so custom {@code PERCENTILES_TO_REPORT} work.
 *
 * <p>A {@code locust --csv PREFIX} run is one set of files, read as one run from its {@code PREFIX_stats.csv}
 * (they are its {@link #companions}, so a directory or the prefix gives one run):
 * <ul>
 *   <li>{@code PREFIX_failures.csv}: failures by kind (the exception text Locust recorded) per endpoint; where
 *       its counts disagree with the stats file, a warning says so;</li>
 *   <li>{@code PREFIX_stats_history.csv}: the run's start, end and peak user count, and a time series per
 *       endpoint (with {@code --csv-full-history}) and for the total; it also makes the run
 *       {@link #windowable() windowable}: see {@link HistoryWindow} for what a window keeps;</li>
 *   <li>{@code PREFIX_exceptions.csv}: exceptions in the test's own code are not requests, so they only give
 *       a warning (how many, the most frequent message).</li>
 * </ul>
 *
 * <p>Precision: Locust rounds every response time before aggregating it (whole ms below 100 ms, two
 * significant digits from 100 ms), so its percentiles are as coarse as that; the run's metadata says so.
 * The {@code 50%} column is used as the median when present, else the {@code Median response time} column.
 */
final class LocustStatsFormat implements ResultFormat {


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

    /** With its {@code PREFIX_stats_history.csv} beside it: see {@link HistoryWindow}. */
    @Override
    public boolean windowable(Path file) {
        return LocustFiles.of(file, "").history().isPresent();
    }

    @Override
    public List<Path> companions(Path file) {
        return LocustFiles.of(file, "").companions();
    }

    @Override
    public Optional<TimeWindow> loadPlateau(Path file, String displayPath, OptionalInt users) {
        LocustFiles files = LocustFiles.of(file, displayPath);
        Path history = files.history().orElseThrow(() -> new InputException(displayPath,
                "has no " + LocustFiles.HISTORY + " beside it, which holds Locust's user count over time"));
        return Optional.of(HistoryCsv.plateau(history, files.display(history), users));
    }

    @Override
    public Optional<java.util.SortedMap<Integer, Long>> userLevels(Path file, String displayPath) {
        LocustFiles files = LocustFiles.of(file, displayPath);
        Path history = files.history().orElseThrow(() -> new InputException(displayPath,
                "has no " + LocustFiles.HISTORY + " beside it, which holds Locust's user count over time"));
        return Optional.of(HistoryCsv.levels(history, files.display(history)));
    }

    @Override
    public ToolResult read(Head head, ReadContext context) {
        Path path = head.path();
        String displayPath = head.displayPath();
        LocustFiles files = LocustFiles.of(path, displayPath);
        boolean windowed = !context.window().equals(TimeWindow.all());
        if (windowed && files.history().isEmpty()) {
            throw new InputException(displayPath, "has no " + LocustFiles.HISTORY + " beside it, so it cannot be "
                    + "cut to a time window (Locust writes the history with --csv PREFIX; pass the stats file, "
                    + "its directory or the prefix)");
        }
        Siblings siblings = Siblings.read(files, context.window());
        StatsFile stats;
        stats = readStats(InputFiles.openBytes(path, displayPath), displayPath, siblings.failureKinds);
        files.failures().ifPresent(f -> siblings.warnings.addAll(
                reconcile(stats, siblings.failureKinds, files.display(f), displayPath)));
        if (windowed) {
            if (!siblings.failureKinds.isEmpty()) {
                siblings.warnings.add(Diagnostics.warning(files.display(files.failures().orElseThrow()), "failure "
                        + "kinds left out: the file counts the whole run, not the time window"));
            }
            return HistoryWindow.result(siblings.history.orElseThrow(), files.display(files.history().orElseThrow()),
                    stats.dialect.versionRange(), siblings.sources, siblings.warnings, context);
        }
        return wholeRun(stats, siblings, context);
    }

    /** The stats file's figures, with the history's time range, users and time series when it is there. */
    private static ToolResult wholeRun(StatsFile stats, Siblings siblings, ReadContext context) {
        RunMetadata metadata = RunMetadata.of(Tool.LOCUST, Optional.of(stats.dialect.versionRange()), siblings.sources,
                SourcePrecision.locust());
        List<ServiceMapper.Row> rows = new ArrayList<>();
        EndpointStats total = stats.total;
        if (siblings.history.isPresent()) {
            HistoryCsv.History h = siblings.history.get();
            metadata = HistoryWindow.timed(metadata, h.firstMs(), h.lastMs(), h.peakUsers());
            total = withSeries(total, h.total().series.build());
            for (ServiceMapper.Row row : stats.rows) {
                HistoryCsv.Track track = h.endpoints().get(row.stats().id().key());
                rows.add(track == null ? row : new ServiceMapper.Row(row.labels(), withSeries(row.stats(), track.series.build())));
            }
        } else {
            rows.addAll(stats.rows);
        }
        return new ToolResult(metadata, Optional.of(total),
                ServiceMapper.group(rows, Optional.of(total), context.resolver()), siblings.warnings);
    }

    /** What the files beside the stats file add: failure kinds, the history, the sources read and warnings. */
    private record Siblings(Map<EndpointId, SortedMap<String, Long>> failureKinds,
                            Optional<HistoryCsv.History> history, List<String> sources, List<String> warnings) {

        static Siblings read(LocustFiles files, TimeWindow window) {
            List<String> sources = new ArrayList<>(List.of(files.statsDisplay()));
            List<String> warnings = new ArrayList<>();
            Map<EndpointId, SortedMap<String, Long>> kinds = files.failures()
                    .map(f -> FailuresCsv.read(f, files.display(f))).orElse(Map.of());
            files.failures().ifPresent(f -> sources.add(files.display(f)));
            Optional<HistoryCsv.History> history = files.history().map(h -> HistoryCsv.read(h, files.display(h), window));
            files.history().ifPresent(h -> sources.add(files.display(h)));
            history.ifPresent(h -> warnings.addAll(h.warnings()));
            files.exceptions().ifPresent(e -> {
                sources.add(files.display(e));
                Diagnostics exceptions = new Diagnostics(files.display(e));
                try {
                    ExceptionsCsv.summary(e, files.display(e), exceptions);
                } catch (InputException broken) {
                    // exceptions are not part of the run's figures: a broken file must not cost the run
                    String detail = broken.detail() + " (the exceptions file is left out)";
                    broken.line().ifPresentOrElse(line -> exceptions.warn(line, detail), () -> exceptions.warn(detail));
                }
                warnings.addAll(exceptions.warnings());
            });
            return new Siblings(kinds, history, sources, warnings);
        }
    }

    /** Warnings where the failures file and the stats file disagree about an endpoint's failures. */
    private static List<String> reconcile(StatsFile stats, Map<EndpointId, SortedMap<String, Long>> kinds,
                                          String failuresFile, String statsFile) {
        Diagnostics diagnostics = new Diagnostics(failuresFile);
        Map<String, Long> counted = new LinkedHashMap<>();
        stats.rows.forEach(r -> counted.put(r.stats().id().key(), r.stats().failures()));
        for (Map.Entry<EndpointId, SortedMap<String, Long>> e : kinds.entrySet()) {
            long byKind = e.getValue().values().stream().mapToLong(Long::longValue).sum();
            Long failures = counted.get(e.getKey().key());
            if (failures == null) {
                diagnostics.warn(byKind + " failures of '" + Messages.shorten(e.getKey().key())
                        + "', an endpoint " + statsFile + " does not list; they are left out");
            } else if (failures != byKind) {
                diagnostics.warn("'" + Messages.shorten(e.getKey().key()) + "' has " + byKind
                        + " failures by kind but " + failures + " in " + statsFile
                        + " (the files were written at different moments); the kinds are kept as written");
            }
        }
        return diagnostics.warnings();
    }

    private static EndpointStats withSeries(EndpointStats e, Optional<TimeSeries> series) {
        return new EndpointStats(e.id(), e.requests(), e.failures(), e.failuresByKind(), e.throughput(), e.latency(),
                e.histogram(), series);
    }

    /** What the stats file holds: its header generation, the total row and the endpoint rows in file order. */
    private record StatsFile(Dialect dialect, EndpointStats total, List<ServiceMapper.Row> rows) {
    }

    private static StatsFile readStats(InputStream bytes, String file,
                                       Map<EndpointId, SortedMap<String, Long>> failureKinds) {
        try (CsvRows rows = new CsvRows(file, bytes)) {
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
            Map<Double, String> percentileColumns = Headers.percentiles(header);
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
                boolean isTotal = Headers.isTotal(type, name);
                EndpointId id = EndpointId.of(isTotal ? null : Headers.method(type), name);
                EndpointStats stats = row(rows, columns, percentileColumns, id,
                        isTotal ? sumKinds(failureKinds) : failureKinds.getOrDefault(id, new TreeMap<>()));
                if (isTotal) {
                    if (total.isPresent()) {
                        throw rows.fail("a second total row ('" + name + "')");
                    }
                    total = Optional.of(stats);
                } else if (endpoints.size() >= ReadLimits.MAX_ENTRIES) {
                    throw rows.fail("more than " + ReadLimits.MAX_ENTRIES + " endpoints; this is not a Locust stats file loadverdict"
                            + " can read");
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
            return new StatsFile(dialect, total.get(), List.copyOf(endpoints.values()));
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
}
