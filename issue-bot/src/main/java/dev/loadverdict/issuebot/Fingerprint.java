package dev.loadverdict.issuebot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifies the regression issue of one (suite, service), so that a later run finds and updates the
 * issue it opened instead of opening a duplicate. The fingerprint is hidden in the issue body as an
 * HTML comment marker that survives people editing the rest of the body.
 *
 * @param value 16 lower-case hex digits, derived from suite and service only
 */
public record Fingerprint(String value) {

    private static final Pattern VALUE = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern MARKER = Markers.pattern("fingerprint=([0-9a-f]{16})(?::start)?");

    public Fingerprint {
        Objects.requireNonNull(value, "value == null");
        if (!VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("a fingerprint is 16 lower-case hex digits, not " + value);
        }
    }

    /** The fingerprint of a suite's service: the first 8 bytes of SHA-256 over both names. */
    public static Fingerprint of(String suite, String service) {
        Objects.requireNonNull(suite, "suite == null");
        Objects.requireNonNull(service, "service == null");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // length-prefixed, so ("ab", "c") and ("a", "bc") differ
            sha.update((suite.length() + ":" + suite + "|" + service.length() + ":" + service)
                    .getBytes(StandardCharsets.UTF_8));
            return new Fingerprint(HexFormat.of().formatHex(sha.digest(), 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The hidden marker to put in an issue body. */
    public String marker() {
        return Markers.line(markerName());
    }

    /** The marker's name inside the start/end markers of the part loadverdict rewrites: {@code fingerprint=…}. */
    public String markerName() {
        return "fingerprint=" + value;
    }

    /** The marker opening the part of the body loadverdict rewrites on every run. */
    public String startMarker() {
        return Markers.start(markerName());
    }

    /** The marker closing it. */
    public String endMarker() {
        return Markers.end(markerName());
    }

    /** The markers around the part of the issue body loadverdict rewrites on every run. */
    public dev.loadverdict.reporter.HiddenMarkers markers() {
        return Markers.around(markerName());
    }

    /** The fingerprint marked in an issue body, if any (the first one). */
    public static Optional<Fingerprint> findIn(String body) {
        if (body == null) {
            return Optional.empty();
        }
        Matcher m = MARKER.matcher(body);
        return m.find() ? Optional.of(new Fingerprint(m.group(1))) : Optional.empty();
    }
}
