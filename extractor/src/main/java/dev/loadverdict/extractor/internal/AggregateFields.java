package dev.loadverdict.extractor.internal;

import com.fasterxml.jackson.core.JsonParser;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.InputException;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Checked reading of the numbers of an aggregate-only JSON report entry (JMeter's dashboard statistics.json,
 * Gatling's stats.json), once read into a map of field name to number.
 */
public final class AggregateFields {

    private AggregateFields() {
    }

    /** A count: present and a whole number {@code >= 0}, else an {@link InputException} naming entry and field. */
    public static long count(String file, long line, EndpointId id, Map<String, Double> numbers, String field) {
        Double value = numbers.get(field);
        if (value == null) {
            throw new InputException(file, line, "'" + id.key() + "' has no " + field);
        }
        if (!(value >= 0) || value != Math.rint(value) || value > Long.MAX_VALUE) {
            throw new InputException(file, line, "'" + id.key() + "': " + field + " is not a whole number >= 0: " + value);
        }
        return value.longValue();
    }

    /** A time or rate, when present and a finite number {@code >= 0} (tools write NaN or 0 for an empty entry). */
    public static OptionalDouble time(Map<String, Double> numbers, String field) {
        Double value = numbers.get(field);
        return value != null && Double.isFinite(value) && value >= 0 ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** An {@link InputException} at the parser's current line. */
    public static InputException fail(String file, JsonParser json, String message) {
        long line = json.currentLocation().getLineNr();
        return new InputException(file, line > 0 ? OptionalLong.of(line) : OptionalLong.empty(), message, null);
    }
}
