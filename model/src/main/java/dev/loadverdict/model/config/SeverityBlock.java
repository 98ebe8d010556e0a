package dev.loadverdict.model.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The conditions of one severity ({@code warning:} or {@code critical:}) of one metric as written at one level, or
 * after inheritance. A condition not written here is inherited; one written {@code off} drops the inherited one.
 *
 * @param settings per condition key, what is written; keys not written are absent
 */
public record SeverityBlock(Map<Condition, Setting> settings) {

    public SeverityBlock {
        EnumMap<Condition, Setting> copy = new EnumMap<>(Condition.class);
        copy.putAll(Objects.requireNonNull(settings, "settings == null"));
        settings = Collections.unmodifiableMap(copy);
    }

    /** Every condition of {@code conditions}, written at one place (built-in rules, hand-built rules in tests). */
    public static SeverityBlock of(Conditions conditions, String source) {
        Map<Condition, Setting> settings = new EnumMap<>(Condition.class);
        for (Condition c : Condition.values()) {
            OptionalDouble amount = c.in(conditions);
            if (amount.isPresent()) {
                settings.put(c, Setting.of(amount.getAsDouble(), source, source));
            }
        }
        return new SeverityBlock(settings);
    }

    /** This level's block over the block inherited from above: per key, what is written here wins. */
    SeverityBlock over(SeverityBlock inherited) {
        Map<Condition, Setting> merged = new EnumMap<>(Condition.class);
        merged.putAll(inherited.settings);
        merged.putAll(settings);
        return new SeverityBlock(merged);
    }

    /** The settings that hold after inheritance: those written {@code off} left out. */
    public Map<Condition, Setting> effective() {
        Map<Condition, Setting> out = new EnumMap<>(Condition.class);
        settings.forEach((c, s) -> {
            if (!s.isOff()) {
                out.put(c, s);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * The conditions that hold, or empty when none of relative, delta and limit is left (every one {@code off} or
     * never set): then the block does not exist.
     */
    public Optional<Conditions> conditions() {
        Map<Condition, Setting> e = effective();
        OptionalDouble relative = amount(e, Condition.RELATIVE);
        OptionalDouble delta = amount(e, Condition.DELTA);
        OptionalDouble limit = amount(e, Condition.LIMIT);
        if (relative.isEmpty() && delta.isEmpty() && limit.isEmpty()) {
            return Optional.empty();
        }
        OptionalDouble min = amount(e, Condition.MIN_REQUESTS);
        return Optional.of(new Conditions(relative, delta, limit,
                min.isPresent() ? OptionalLong.of((long) min.getAsDouble()) : OptionalLong.empty()));
    }

    private static OptionalDouble amount(Map<Condition, Setting> settings, Condition c) {
        Setting s = settings.get(c);
        return s == null ? OptionalDouble.empty() : s.amount();
    }
}
