package dev.loadverdict.extractor;

import dev.loadverdict.extractor.internal.EndpointResolver;
import dev.loadverdict.extractor.internal.Histograms;
import dev.loadverdict.extractor.internal.RequestLabels;
import dev.loadverdict.extractor.internal.RunMerger;
import dev.loadverdict.extractor.internal.SampleAggregator;
import dev.loadverdict.extractor.internal.TimeWindow;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.config.Naming;
import dev.loadverdict.testsupport.RandomText;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Splitting samples across generators and merging their runs gives the run of all samples at once. */
class AggregationPropertiesTest {

    record Sample(int endpoint, long startMs, long micros, boolean ok) {
    }

    /**
     * 1 to 400 samples: endpoint 0 to 4, a start in a 15-minute span, a response time of 1 µs to 60 s (the ends
     * of each range now and then), one in four failed.
     */
    static List<Sample> samples(Random random) {
        int size = random.nextInt(10) == 0 ? (random.nextBoolean() ? 1 : 400) : 1 + random.nextInt(400);
        List<Sample> samples = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            samples.add(new Sample(random.nextInt(5),
                    between(random, 1_700_000_000_000L, 1_700_000_900_000L),
                    between(random, 1, 60_000_000),
                    random.nextInt(4) != 0));
        }
        return samples;
    }

    /** A long in [min, max], one of the two ends one time in ten. */
    private static long between(Random random, long min, long max) {
        return switch (random.nextInt(20)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + (long) (random.nextDouble() * (max - min + 1));
        };
    }

    static ToolResult aggregate(List<Sample> samples) {
        SampleAggregator aggregator = new SampleAggregator(new EndpointResolver(List.of(), Naming.defaults()), TimeWindow.all());
        for (Sample s : samples) {
            aggregator.add(RequestLabels.of(s.endpoint % 2 == 0 ? "GET" : "POST", "/e" + s.endpoint), s.startMs, s.micros, s.ok,
                    s.ok ? null : "HTTP 500");
        }
        SampleAggregator.Aggregate a = aggregator.finish();
        RunMetadata metadata = new RunMetadata(Tool.GENERIC, Optional.empty(), List.of("x"), a.start(), a.end(),
                Optional.empty(), Optional.empty(), dev.loadverdict.model.Workload.unknown(), Optional.empty(),
                new java.util.TreeMap<>(), Optional.empty(), SourcePrecision.wholeMilliseconds());
        return new ToolResult(metadata, a.total(), a.services(), List.of());
    }

    static LongStream splitSeeds() {
        return RandomText.seeds(20261123, 200);
    }

    /** Samples and a cut (0 to 400, past the end cuts nothing off) from {@code new Random(seed)}. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("splitSeeds")
    void splittingAndMergingGivesTheWholeRunsCountsAndHistograms(long seed) {
        Random random = new Random(seed);
        List<Sample> samples = samples(random);
        int cut = random.nextInt(401);
        int at = Math.min(cut, samples.size());
        List<Sample> first = samples.subList(0, at);
        List<Sample> second = samples.subList(at, samples.size());
        ToolResult whole = aggregate(samples);
        List<ToolResult> parts = new ArrayList<>();
        if (!first.isEmpty()) {
            parts.add(aggregate(first));
        }
        if (!second.isEmpty()) {
            parts.add(aggregate(second));
        }
        ToolResult merged = RunMerger.merge(parts);
        assertSameDistributions("seed " + seed + ", cut " + cut, merged, whole);
    }

    static LongStream mergeSeeds() {
        return RandomText.seeds(42, 150);
    }

    /** Three sample lists from {@code new Random(seed)}. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("mergeSeeds")
    void mergeIsCommutativeAndAssociative(long seed) {
        Random random = new Random(seed);
        List<Sample> a = samples(random);
        List<Sample> b = samples(random);
        List<Sample> c = samples(random);
        ToolResult ra = aggregate(a);
        ToolResult rb = aggregate(b);
        ToolResult rc = aggregate(c);
        assertSameDistributions("seed " + seed + ", a+b vs b+a", RunMerger.merge(List.of(ra, rb)),
                RunMerger.merge(List.of(rb, ra)));
        ToolResult left = RunMerger.merge(List.of(RunMerger.merge(List.of(ra, rb)), rc));
        ToolResult right = RunMerger.merge(List.of(ra, RunMerger.merge(List.of(rb, rc))));
        assertSameDistributions("seed " + seed + ", (a+b)+c vs a+(b+c)", left, right);
        assertThat(left.metadata().start()).as("seed %d", seed).isEqualTo(right.metadata().start());
        assertThat(left.metadata().end()).as("seed %d", seed).isEqualTo(right.metadata().end());
    }

    static void assertSameDistributions(String context, ToolResult actual, ToolResult expected) {
        assertSame(context + ", total", actual.total().orElseThrow(), expected.total().orElseThrow());
        assertThat(actual.services().stream().map(ServiceStats::name).sorted().toList()).as(context)
                .isEqualTo(expected.services().stream().map(ServiceStats::name).sorted().toList());
        for (ServiceStats e : expected.services()) {
            ServiceStats a = actual.services().stream().filter(s -> s.name().equals(e.name())).findFirst().orElseThrow();
            assertSame(context + ", service " + e.name(), a.total(), e.total());
            assertThat(a.endpoints().stream().map(x -> x.id().key()).toList()).as(context)
                    .isEqualTo(e.endpoints().stream().map(x -> x.id().key()).toList());
            for (int i = 0; i < e.endpoints().size(); i++) {
                assertSame(context + ", " + e.endpoints().get(i).id().key(), a.endpoints().get(i), e.endpoints().get(i));
            }
        }
    }

    static void assertSame(String context, EndpointStats a, EndpointStats e) {
        assertThat(a.requests()).as(context).isEqualTo(e.requests());
        assertThat(a.failures()).as(context).isEqualTo(e.failures());
        assertThat(a.failuresByKind()).as(context).isEqualTo(e.failuresByKind());
        assertThat(a.latency().count()).as(context).isEqualTo(e.latency().count());
        assertThat(a.latency().min()).as(context).isEqualTo(e.latency().min());
        assertThat(a.latency().max()).as(context).isEqualTo(e.latency().max());
        assertThat(a.latency().mean().getAsDouble()).as(context)
                .isCloseTo(e.latency().mean().getAsDouble(), within(1e-6));
        assertThat(a.latency().percentiles()).as(context).isEqualTo(e.latency().percentiles());
        Histogram ha = Histograms.decode(a.histogram().orElseThrow(), "actual");
        Histogram he = Histograms.decode(e.histogram().orElseThrow(), "expected");
        assertThat(ha.getTotalCount()).as(context).isEqualTo(he.getTotalCount());
        for (double p = 1; p <= 100; p += 1) {
            assertThat(ha.getValueAtPercentile(p)).as("%s, p%s", context, p).isEqualTo(he.getValueAtPercentile(p));
        }
        long requestsInSeries = a.timeSeries().orElseThrow().points().stream().mapToLong(pt -> pt.requests()).sum();
        assertThat(requestsInSeries).as(context).isEqualTo(e.requests());
    }
}
