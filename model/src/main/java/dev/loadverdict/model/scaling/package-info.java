/**
 * Capacity curves: how a service's throughput, latency percentiles and error rate change with the load applied, read
 * from runs at several load levels ({@link dev.loadverdict.model.scaling.ScalingAnalysis}), and how such a curve
 * changed against a baseline curve ({@link dev.loadverdict.model.scaling.ScalingComparison}). Values only; the
 * analysis that computes them is {@code dev.loadverdict.comparator.scaling.ScalingAnalyzer}.
 */
package dev.loadverdict.model.scaling;
