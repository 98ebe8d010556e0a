package dev.loadverdict.extractor;

import dev.loadverdict.extractor.internal.ResultFormat;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A steady-state window chosen by load rather than by time ({@code --steady-users}, {@code --window-users N}):
 * keep the longest stretch of the run during which the number of concurrent users stayed at {@code users},
 * or at its peak when {@code users} is empty. Only formats that record the user count over time support it
 * (Locust's {@code *_stats_history.csv}, see {@link ResultFormat#loadPlateau}).
 *
 * @param users the user count to keep, or empty for the run's peak
 */
public record UserPlateau(OptionalInt users) {

    public UserPlateau {
        Objects.requireNonNull(users, "users == null");
        users.ifPresent(u -> {
            if (u < 1) {
                throw new IllegalArgumentException("a user count is at least 1, not " + u);
            }
        });
    }

    /** The stretch at the run's peak user count. */
    public static UserPlateau peak() {
        return new UserPlateau(OptionalInt.empty());
    }

    /** The stretch at exactly {@code users} users. */
    public static UserPlateau at(int users) {
        return new UserPlateau(OptionalInt.of(users));
    }

    /** For messages: {@code the peak user count} or {@code 50 users}. */
    public String describe() {
        return users.isEmpty() ? "the peak user count" : users.getAsInt() + " users";
    }
}
