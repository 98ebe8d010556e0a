package dev.loadverdict.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A command line picocli cannot parse: one line naming what is wrong (a mistyped option or command with the closest
 * real ones: {@code Unknown option: '--bseline'. Did you mean --baseline?}), a pointer to {@code --help}, exit 2.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    /** At most this many suggestions. */
    private static final int MAX_SUGGESTIONS = 3;

    private final PrintWriter err;
    private final EnvironmentDefaults defaults;

    UsageErrors(PrintWriter err, EnvironmentDefaults defaults) {
        this.err = err;
        this.defaults = defaults;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        ParameterException shown = unmatchedFirst(e);
        CommandLine command = shown.getCommandLine();
        String message = shown instanceof UnmatchedArgumentException unmatched ? describe(unmatched)
                : defaults.explain(shown, shown.getMessage(), args);
        err.println("loadverdict: " + dev.loadverdict.model.TerminalText.oneLine(message));
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCode.USAGE;
    }

    /**
     * picocli checks required options before it reports arguments it did not recognise, so {@code --bseline REF} would
     * read "Missing required option: '--baseline'"; the unrecognised argument is the cause, so it is reported instead.
     */
    static ParameterException unmatchedFirst(ParameterException e) {
        if (e instanceof UnmatchedArgumentException) {
            return e;
        }
        CommandLine command = e.getCommandLine();
        ParseResult parsed = command == null ? null : command.getParseResult();
        if (parsed == null || parsed.unmatched().isEmpty()) {
            return e;
        }
        return new UnmatchedArgumentException(command, parsed.unmatched());
    }

    /** The first unrecognised argument, as an unknown option or command, with what was probably meant. */
    private static String describe(UnmatchedArgumentException e) {
        String typed = e.getUnmatched().get(0);
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        boolean option = e.isUnknownOption();
        if (!option && spec.subcommands().isEmpty()) {
            return e.getMessage(); // a surplus positional argument: picocli's message names its index
        }
        String word = option ? typed.split("=", 2)[0] : typed;
        List<String> suggestions = closest(word, option ? optionNames(spec) : commandNames(spec));
        String what = (option ? "Unknown option: '" : "Unknown command: '") + word + "'";
        String more = e.getUnmatched().size() > 1 ? " (and " + (e.getUnmatched().size() - 1) + " more unrecognised)" : "";
        return suggestions.isEmpty() ? what + more : what + ". Did you mean " + String.join(" or ", suggestions) + "?" + more;
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                names.add(option.longestName());
            }
        }
        return names;
    }

    private static List<String> commandNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        spec.subcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                names.add(name);
            }
        });
        return names;
    }

    /**
     * The names nearest to {@code typed}: the fewest edits (insert, delete, substitute, swap two neighbours), at most a
     * third of its length; else the names it is the start of.
     */
    static List<String> closest(String typed, List<String> names) {
        String word = typed.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, bare(word).length() / 3));
        int best = names.stream().mapToInt(n -> distance(word, n.toLowerCase(Locale.ROOT))).min().orElse(Integer.MAX_VALUE);
        if (best <= limit) {
            return names.stream().filter(n -> distance(word, n.toLowerCase(Locale.ROOT)) == best).distinct().sorted()
                    .limit(MAX_SUGGESTIONS).toList();
        }
        if (bare(word).length() < 3) {
            return List.of();
        }
        return names.stream().filter(n -> n.toLowerCase(Locale.ROOT).startsWith(word)).distinct()
                .sorted(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
                .limit(MAX_SUGGESTIONS).toList();
    }

    private static String bare(String name) {
        return name.replaceFirst("^-+", "");
    }

    /** Optimal string alignment distance: Levenshtein's edits plus a swap of two neighbouring characters. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
