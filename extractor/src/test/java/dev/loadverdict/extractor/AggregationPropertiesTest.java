package dev.loadverdict.extractor;

import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.config.Naming;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Splitting samples across generators and merging their runs gives the run of all samples at once. */
class AggregationPropertiesTest {

    record Sample(int endpoint, long startMs, long micros, boolean ok) {
    }

    @Provide
    Arbitrary<List<Sample>> samples() {
        Arbitrary<Sample> sample = Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.longs().between(1_700_000_000_000L, 1_700_000_900_000L),
                Arbitraries.longs().between(1, 60_000_000),
                Arbitraries.of(true, true, true, false)).as(Sample::new);
        return sample.list().ofMinSize(1).ofMaxSize(400);
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

    @Property(seed = "20261123", tries = 200)
    void splittingAndMergingGivesTheWholeRunsCountsAndHistograms(@ForAll("samples") List<Sample> samples,
                                                                  @ForAll @IntRange(min = 0, max = 400) int cut) {
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
        assertSameDistributions(merged, whole);
    }

    @Property(seed = "42", tries = 150)
    void mergeIsCommutativeAndAssociative(@ForAll("samples") List<Sample> a, @ForAll("samples") List<Sample> b,
                                          @ForAll("samples") List<Sample> c) {
        ToolResult ra = aggregate(a);
        ToolResult rb = aggregate(b);
        ToolResult rc = aggregate(c);
        assertSameDistributions(RunMerger.merge(List.of(ra, rb)), RunMerger.merge(List.of(rb, ra)));
        ToolResult left = RunMerger.merge(List.of(RunMerger.merge(List.of(ra, rb)), rc));
        ToolResult right = RunMerger.merge(List.of(ra, RunMerger.merge(List.of(rb, rc))));
        assertSameDistributions(left, right);
        assertThat(left.metadata().start()).isEqualTo(right.metadata().start());
        assertThat(left.metadata().end()).isEqualTo(right.metadata().end());
    }

    static void assertSameDistributions(ToolResult actual, ToolResult expected) {
        assertSame(actual.total().orElseThrow(), expected.total().orElseThrow());
        assertThat(actual.services().stream().map(ServiceStats::name).sorted().toList())
                .isEqualTo(expected.services().stream().map(ServiceStats::name).sorted().toList());
        for (ServiceStats e : expected.services()) {
            ServiceStats a = actual.services().stream().filter(s -> s.name().equals(e.name())).findFirst().orElseThrow();
            assertSame(a.total(), e.total());
            assertThat(a.endpoints().stream().map(x -> x.id().key()).toList())
                    .isEqualTo(e.endpoints().stream().map(x -> x.id().key()).toList());
            for (int i = 0; i < e.endpoints().size(); i++) {
                assertSame(a.endpoints().get(i), e.endpoints().get(i));
            }
        }
    }

    static void assertSame(EndpointStats a, EndpointStats e) {
        assertThat(a.requests()).isEqualTo(e.requests());
        assertThat(a.failures()).isEqualTo(e.failures());
        assertThat(a.failuresByKind()).isEqualTo(e.failuresByKind());
        assertThat(a.latency().count()).isEqualTo(e.latency().count());
        assertThat(a.latency().min()).isEqualTo(e.latency().min());
        assertThat(a.latency().max()).isEqualTo(e.latency().max());
        assertThat(a.latency().mean().getAsDouble()).isCloseTo(e.latency().mean().getAsDouble(), within(1e-6));
        assertThat(a.latency().percentiles()).isEqualTo(e.latency().percentiles());
        Histogram ha = Histograms.decode(a.histogram().orElseThrow(), "actual");
        Histogram he = Histograms.decode(e.histogram().orElseThrow(), "expected");
        assertThat(ha.getTotalCount()).isEqualTo(he.getTotalCount());
        for (double p = 1; p <= 100; p += 1) {
            assertThat(ha.getValueAtPercentile(p)).as("p%s", p).isEqualTo(he.getValueAtPercentile(p));
        }
        long requestsInSeries = a.timeSeries().orElseThrow().points().stream().mapToLong(pt -> pt.requests()).sum();
        assertThat(requestsInSeries).isEqualTo(e.requests());
    }
}
