package dev.loadverdict.model.config;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One condition of a severity block as written at one level: an amount, or {@code off}, which drops the condition
 * inherited from the levels above.
 *
 * @param amount the amount in the metric's unit ({@code minRequests}: a whole number), or empty for {@code off}
 * @param location where the key was written, {@code file:line path} (e.g.
 *     {@code loadverdict.yml:14 services.api.metrics.p95.critical.limit}), or {@code built-in defaults}
 * @param rule where the metric rule holding it was written ({@link MetricRule#source()}), which reports name
 */
public record Setting(OptionalDouble amount, String location, String rule) {

    public Setting {
        Objects.requireNonNull(amount, "amount == null");
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(rule, "rule == null");
        amount.ifPresent(v -> {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("an amount must be finite and >= 0 but was " + v);
            }
        });
    }

    public static Setting of(double amount, String location, String rule) {
        return new Setting(OptionalDouble.of(amount), location, rule);
    }

    public static Setting off(String location, String rule) {
        return new Setting(OptionalDouble.empty(), location, rule);
    }

    /** Whether this is {@code off}: the inherited condition is dropped. */
    public boolean isOff() {
        return amount.isEmpty();
    }
}
