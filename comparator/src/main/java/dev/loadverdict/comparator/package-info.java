/**
 * Compares a run with its baseline under the threshold rules of a configuration.
 *
 * <p>{@link dev.loadverdict.comparator.RegressionDetector} is the entry point and
 * {@link dev.loadverdict.comparator.BuiltInDefaults} the rules that apply when nothing else is configured.
 * Everything else in this package is an implementation detail: rule resolution, endpoint patterns, run
 * pairing, the checks of each severity block and the wording of their reasons.
 */
package dev.loadverdict.comparator;
