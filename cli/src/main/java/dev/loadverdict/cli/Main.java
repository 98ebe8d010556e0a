package dev.loadverdict.cli;

import dev.loadverdict.model.InputException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The only {@code main()}: builds the command tree and maps every outcome to an exit code in one place.
 * User errors print one line; a stack trace only with {@code --debug}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err, new Environment(System.getenv(), Path.of("").toAbsolutePath(), Clock.systemUTC()));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs loadverdict with the given arguments and returns its exit code; never exits the JVM. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Environment environment) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = commandLine(environment, out, err, args);
        cli.setExecutionExceptionHandler((e, command, parseResult) -> handle(e, err, debug));
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("loadverdict: out of memory (" + e.getMessage() + "); give Java more heap with "
                    + "LOADVERDICT_JAVA_OPTS=-Xmx2g, and please report the input that needed it");
            return ExitCode.INTERNAL;
        } catch (Throwable e) {
            if (debug) {
                e.printStackTrace(err);
            }
            err.println("loadverdict: internal error: " + e + (debug ? "" : " (run with --debug for details)"));
            return ExitCode.INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command tree, writing to {@code out} and {@code err}, with the usage-error handler; not yet run. */
    static CommandLine commandLine(Environment environment, PrintWriter out, PrintWriter err) {
        return commandLine(environment, out, err, new String[0]);
    }

    /**
     * The command tree for the command line {@code args}: when its first argument names a subcommand, the tree holds
     * only that one (the others cannot take part in parsing it); for {@code --version} alone, none; else all of them
     * ({@code help} and {@code generate-completion} describe the whole tree).
     */
    static CommandLine commandLine(Environment environment, PrintWriter out, PrintWriter err, String[] args) {
        Factory factory = new Factory(environment);
        CommandLine cli = new CommandLine(new LoadverdictCommand(), factory);
        Class<?> named = args.length == 0 || args[0].equals("help") || args[0].equals("generate-completion") ? null
                : LoadverdictCommand.SUBCOMMANDS.get(args[0]);
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        for (Class<?> subcommand : named != null ? List.<Class<?>>of(named)
                : versionOnly ? List.<Class<?>>of() : LoadverdictCommand.SUBCOMMANDS.values()) {
            cli.addSubcommand(new CommandLine(subcommand, factory));
        }
        EnvironmentDefaults defaults = new EnvironmentDefaults(environment.variables());
        cli.setDefaultValueProvider(defaults);
        cli.setHelpFactory(EnvironmentDefaults::help);
        cli.setExecutionStrategy(parsed -> {
            defaults.complete(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(new UsageErrors(err, defaults));
        return cli;
    }

    static int handle(Exception e, PrintWriter err, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
        if (e instanceof InputException input) {
            ErrorLines.print(err, "loadverdict: ", input.getMessage(), input.explanation());
            return ExitCode.BAD_INPUT;
        }
        if (e instanceof UsageException usage) {
            ErrorLines.print(err, "loadverdict: ", usage.getMessage(), List.of());
            return ExitCode.USAGE;
        }
        if (e instanceof dev.loadverdict.baselines.ConflictException conflict) {
            ErrorLines.print(err, "loadverdict: conflict: ", conflict.getMessage(), List.of());
            return ExitCode.CONFLICT;
        }
        if (e instanceof dev.loadverdict.baselines.DataBranchException branch) {
            ErrorLines.print(err, "loadverdict: data branch: ", branch.getMessage(), List.of());
            return ExitCode.INTERNAL;
        }
        if (e instanceof UncheckedIOException io) {
            err.println("loadverdict: I/O error: " + io.getMessage());
            return ExitCode.INTERNAL;
        }
        err.println("loadverdict: internal error: " + e + (debug ? "" : " (run with --debug for details)"));
        return ExitCode.INTERNAL;
    }

    /** Gives commands the environment instead of letting them reach for globals. */
    private record Factory(Environment environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (var constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Environment.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(environment));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /**
     * What a command may read from the outside world.
     *
     * @param variables environment variables
     * @param workingDirectory the directory relative paths are resolved against
     * @param clock the clock for creation times
     */
    record Environment(Map<String, String> variables, Path workingDirectory, Clock clock) {
        Path resolve(String path) {
            return workingDirectory.resolve(path);
        }
    }
}
