package dev.loadverdict.baselines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A suite's promotion lock ({@code .promote.lock}): a file created exclusively, holding who took it — process id,
 * host and time — so that a lock left by a killed process can be told from one held by a running one. On the same
 * host a lock whose process no longer runs is stale and taken over; a lock from another host, or a running process,
 * is a conflict, unless the user breaks it knowingly ({@code --break-lock}).
 */
final class PromotionLock implements AutoCloseable {

    /** Who holds a lock, as written in it. */
    record Owner(long pid, String host, Instant since) {
        static Optional<Owner> read(Path lock) {
            try {
                String[] parts = Files.readString(lock, StandardCharsets.UTF_8).strip().split("\\s+");
                if (parts.length >= 3) {
                    return Optional.of(new Owner(Long.parseLong(parts[0]), parts[1], Instant.parse(parts[2])));
                }
                return Optional.of(new Owner(-1, "unknown", Instant.parse(parts[0]))); // written by an older loadverdict
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        String describe(Clock clock) {
            return "process " + (pid < 0 ? "?" : pid) + " on " + host + " since " + since + " ("
                    + Duration.between(since, clock.instant()).toSeconds() + " s ago)";
        }

        boolean isDeadHereOn(String thisHost) {
            return pid > 0 && host.equals(thisHost) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }
    }

    private final Path lock;

    private PromotionLock(Path lock) {
        this.lock = lock;
    }

    /**
     * Takes the lock.
     *
     * @param breakLock take it even from another owner (the user knows that owner is gone)
     * @param display how to name the lock file in messages
     * @throws ConflictException when another running process holds it
     */
    static PromotionLock take(Path lock, String display, Clock clock, boolean breakLock) {
        String host = host();
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.createDirectories(lock.getParent());
                Files.writeString(lock, ProcessHandle.current().pid() + " " + host + " " + clock.instant() + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new PromotionLock(lock);
            } catch (FileAlreadyExistsException e) {
                Optional<Owner> owner = Owner.read(lock);
                boolean stale = owner.map(o -> o.isDeadHereOn(host)).orElse(false);
                if (attempt == 0 && (stale || breakLock)) {
                    delete(lock);
                    continue;
                }
                throw new ConflictException(display + ": " + owner.map(o -> "held by " + o.describe(clock))
                        .orElse("held by another process") + "; another promotion of this suite is running. If it is"
                        + " not (a killed process on another machine), take the lock over with --break-lock");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new ConflictException(display + ": taken by another process while a stale lock was being removed; try again");
    }

    /** Who holds the lock, when a lock file exists: for {@code verify}. */
    static Optional<String> describe(Path lock, Clock clock) {
        if (!Files.exists(lock)) {
            return Optional.empty();
        }
        return Optional.of(Owner.read(lock).map(o -> o.describe(clock)
                + (o.isDeadHereOn(host()) ? ", which no longer runs: a killed promotion left it" : "")).orElse("unreadable"));
    }

    private static String host() {
        try {
            Path linux = Path.of("/proc/sys/kernel/hostname"); // no DNS lookup, which can hang in a container
            String name = Files.isReadable(linux) ? Files.readString(linux, StandardCharsets.UTF_8)
                    : InetAddress.getLocalHost().getHostName();
            return name.strip().isEmpty() ? "localhost" : name.strip().replaceAll("\\s+", "_");
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void delete(Path lock) {
        try {
            Files.deleteIfExists(lock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        delete(lock);
    }

}
