package dev.loadverdict.model.config;

/**
 * How much of the baseline a comparison must find in the run ({@code matching:} in loadverdict.yml). Shares are of
 * the baseline's endpoints (a flat imported baseline service counts as one endpoint, its total).
 *
 * @param minMatchedPercent fewer of the baseline's endpoints found in the run than this share, in percent, and the
 *     comparison matched almost nothing: it gives no verdict (bad input, exit 3). A comparison that matched nothing
 *     never gives one, whatever this says. Default {@value #DEFAULT_MIN_MATCHED_PERCENT}.
 * @param warnMissingPercent more of the baseline's endpoints missing from the run than this share, in percent, and
 *     every report carries a warning. Default {@value #DEFAULT_WARN_MISSING_PERCENT}.
 */
public record MatchingSettings(double minMatchedPercent, double warnMissingPercent) {

    public static final double DEFAULT_MIN_MATCHED_PERCENT = 25;
    public static final double DEFAULT_WARN_MISSING_PERCENT = 10;

    public MatchingSettings {
        requirePercent(minMatchedPercent, "minMatched");
        requirePercent(warnMissingPercent, "warnMissing");
    }

    public static MatchingSettings defaults() {
        return new MatchingSettings(DEFAULT_MIN_MATCHED_PERCENT, DEFAULT_WARN_MISSING_PERCENT);
    }

    private static void requirePercent(double value, String name) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException(name + " must be a percentage from 0% to 100% but was " + value);
        }
    }
}
