package dev.loadverdict.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the command line in-process, as a user would from the repository root. */
final class Cli {

    /** The repository root: the cli module's parent. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        return runIn(ROOT, Map.of(), args);
    }

    static Result runIn(Path workingDirectory, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                new Main.Environment(env, workingDirectory, CLOCK));
        return new Result(code, out.toString(), err.toString());
    }
}
