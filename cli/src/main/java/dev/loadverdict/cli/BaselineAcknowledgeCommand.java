package dev.loadverdict.cli;

import dev.loadverdict.baselines.Acknowledgements;
import dev.loadverdict.baselines.SuiteStore;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.TerminalText;
import dev.loadverdict.model.history.Acknowledgement;
import dev.loadverdict.model.history.RunRef;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code loadverdict baseline acknowledge SUITE --at RUN --note TEXT}. */
@Command(name = "acknowledge", optionListHeading = Sections.OPTIONS, abbreviateSynopsis = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = {"Records a known step change in a suite's history: from the run given by --at on, its level is the new normal.",
                "Change detection and the drift gate's reference restart there, and reports show the step with its note.",
                "Written once, as a file in the suite (baselines/SUITE/acknowledged/), so it travels with the history."})
final class BaselineAcknowledgeCommand implements Callable<Integer> {

    private static final Pattern VERSION = Pattern.compile("(?:[A-Za-z0-9._-]+@)?v?([0-9]{1,9})");
    private static final Pattern COMMIT = Pattern.compile("(?:commit:)?([0-9a-fA-F]{7,40})");

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "SUITE", description = "The suite.")
    String suite;

    @Option(names = "--at", required = true, paramLabel = "RUN",
            description = "The first run of the new level: its version (21, v21 or SUITE@v21), its commit (7 or more hex digits) or its history file's name.")
    String at;

    @Option(names = {"-n", "--note"}, required = true, paramLabel = "TEXT", description = "Why the step is expected (shown in reports).")
    String note;

    @ArgGroup(validate = false, heading = Sections.BASELINES)
    BaselinesDirOption baselines = new BaselinesDirOption();

    BaselineAcknowledgeCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws java.io.IOException {
        BaselineCommand.requireSuiteName(suite);
        try (BaselineSource source = baselines.open(environment)) {
            Acknowledgement ack = source.write("loadverdict: acknowledge a step change in suite " + suite, store -> {
                if (!store.exists(suite)) {
                    throw new InputException(store.display(suite), "no such baseline suite");
                }
                return new Acknowledgements(store).acknowledge(suite, resolve(store), note);
            });
            var out = spec.commandLine().getOut();
            out.println("Acknowledged " + TerminalText.oneLine(suite) + "@" + TerminalText.oneLine(ack.at().label())
                    + ": change points and the drift gate's reference restart there.");
            out.flush();
            return ExitCode.OK;
        }
    }

    private int resolve(SuiteStore store) {
        int size = store.size(suite);
        Matcher v = VERSION.matcher(at);
        if (v.matches() && (!at.contains("@") || at.startsWith(suite + "@"))) {
            int n = Integer.parseInt(v.group(1));
            if ((n < 1 || n > size) && !COMMIT.matcher(at).matches()) {
                throw new UsageException("--at " + at + ": the suite has " + size + " run" + (size == 1 ? "" : "s") + " (v1 to v" + size + ")");
            }
            if (n >= 1 && n <= size) {
                return n;
            }
        }
        var byId = store.versionOfRun(suite, at.endsWith(".json") ? at.substring(0, at.length() - 5) : at);
        if (byId.isPresent()) {
            return byId.getAsInt();
        }
        Matcher c = COMMIT.matcher(at);
        if (c.matches()) {
            String prefix = c.group(1).toLowerCase(Locale.ROOT);
            List<Integer> found = new ArrayList<>();
            for (int n = 1; n <= size; n++) {
                RunRef ref = store.ref(suite, n);
                if (ref.commit().map(s -> s.toLowerCase(Locale.ROOT).startsWith(prefix)).orElse(false)) {
                    found.add(n);
                }
            }
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                throw new UsageException("--at " + at + ": " + found.size() + " runs were recorded at that commit (v"
                        + String.join(", v", found.stream().map(String::valueOf).toList()) + "); name one by its version");
            }
        }
        throw new UsageException("--at " + TerminalText.oneLine(at) + ": no run of " + suite
                + " has that version, commit or history file (see: loadverdict baseline history " + suite + ")");
    }
}
