package dev.loadverdict.baselines;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code git} command in a repository, each call bounded in time, never asking for input. The user's own
 * git is used on purpose: it honours their credentials, SSH setup, proxies, and the auth header
 * {@code actions/checkout} leaves in the repository's config.
 */
final class Git {

    /** What one call printed and how it ended. */
    record Result(int exitCode, String out, String err) {
        boolean ok() {
            return exitCode == 0;
        }

        /** The last non-blank line git printed on stderr, for a one-line message. */
        String lastError() {
            List<String> lines = err.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            return lines.isEmpty() ? "exit code " + exitCode : lines.get(lines.size() - 1);
        }
    }

    private final Path directory;
    private final Map<String, String> environment;
    private final Duration timeout;

    /**
     * @param directory where git runs
     * @param environment added to git's environment (e.g. {@code GIT_INDEX_FILE})
     * @param timeout the longest one call may take before it is killed
     */
    Git(Path directory, Map<String, String> environment, Duration timeout) {
        this.directory = Objects.requireNonNull(directory, "directory == null");
        this.environment = Map.copyOf(environment);
        this.timeout = Objects.requireNonNull(timeout, "timeout == null");
    }

    /** The same repository with more environment variables. */
    Git with(Map<String, String> more) {
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.putAll(more);
        return new Git(directory, all, timeout);
    }

    /**
     * Runs {@code git ARGS...}.
     *
     * @throws DataBranchException when git cannot be started or does not finish in time
     */
    Result run(String... args) {
        List<String> command = new ArrayList<>(args.length + 1);
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0"); // fail instead of waiting for a password
        builder.environment().putIfAbsent("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DataBranchException("cannot run git (is it installed and on the PATH?): " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new DataBranchException("git " + args[0] + " did not finish within " + timeout.toSeconds()
                        + " s (no network to the remote?)");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DataBranchException("interrupted while git " + args[0] + " ran", e);
        }
    }

    /** Runs {@code git ARGS...} and returns its output, trimmed; a failure is a {@link DataBranchException}. */
    String ok(String what, String... args) {
        Result r = run(args);
        if (!r.ok()) {
            throw new DataBranchException(what + ": " + r.lastError());
        }
        return r.out().strip();
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                return bytes.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
