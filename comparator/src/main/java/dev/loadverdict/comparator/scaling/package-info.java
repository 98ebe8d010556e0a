/**
 * Capacity curves: {@link dev.loadverdict.comparator.scaling.ScalingAnalyzer} turns runs at several load levels into
 * curves of throughput, latency percentiles and error rate against load, finds each curve's saturation knee and error
 * onset, and compares curves with a baseline's. Pure: no I/O.
 */
package dev.loadverdict.comparator.scaling;
