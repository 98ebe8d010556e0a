package dev.loadverdict.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command's and subcommand's {@code --help}, found by walking the command tree, renders cleanly. */
class HelpTest {

    /** Descriptions are format strings: {@code %%} and {@code %n} are all they may hold, any other {@code %} warns. */
    private static boolean hasFormatSpecifier(String text) {
        return text.replace("%%", "").replace("%n", "").contains("%");
    }

    static Stream<String> commands() {
        List<String> names = new ArrayList<>();
        walk(tree(), names);
        return names.stream();
    }

    private static void walk(CommandLine command, List<String> names) {
        names.add(command.getCommandSpec().qualifiedName());
        command.getSubcommands().values().stream().distinct().forEach(sub -> walk(sub, names));
    }

    private static CommandLine tree() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return Main.commandLine(new Main.Environment(Map.of(), Cli.ROOT, Cli.CLOCK), sink, sink);
    }

    @Test
    void theWalkFindsNestedSubcommands() {
        assertThat(commands()).contains("loadverdict", "loadverdict compare", "loadverdict baseline verify",
                "loadverdict calibrate");
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void helpPrintsNoPicocliWarning(String command) {
        String[] words = command.split(" ");
        String[] args = Arrays.copyOf(Arrays.copyOfRange(words, 1, words.length), words.length);
        args[words.length - 1] = "--help";
        PrintStream systemErr = System.err;
        ByteArrayOutputStream traced = new ByteArrayOutputStream();
        Cli.Result help;
        try {
            System.setErr(new PrintStream(traced, true, StandardCharsets.UTF_8)); // picocli's tracer writes there
            help = Cli.run(args);
        } finally {
            System.setErr(systemErr);
        }
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: " + command);
        assertThat(traced.toString(StandardCharsets.UTF_8) + help.err() + help.out()).doesNotContain("[picocli WARN]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void noDescriptionHasAnUnescapedPercent(String command) {
        CommandLine root = tree();
        root.setInterpolateVariables(false); // the texts as written, before ${DEFAULT-VALUE} and the like are filled in
        CommandSpec spec = find(root, command).getCommandSpec();
        List<String> texts = new ArrayList<>();
        texts.addAll(List.of(spec.usageMessage().description()));
        texts.addAll(List.of(spec.usageMessage().header()));
        texts.addAll(List.of(spec.usageMessage().footer()));
        for (ArgSpec arg : spec.args()) {
            texts.addAll(List.of(arg.description()));
        }
        for (ArgGroupSpec group : spec.argGroups()) {
            if (group.heading() != null) {
                texts.add(group.heading());
            }
        }
        assertThat(texts).noneMatch(HelpTest::hasFormatSpecifier);
    }

    /**
     * A command line naming a subcommand gets a tree of that subcommand alone (see {@link Main#commandLine}): its help,
     * and every nested command's, are what the whole tree prints; the table of subcommands names each as its class does.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void theTreeOfOneSubcommandPrintsTheSameHelp(String command) {
        List<String> words = List.of(command.split(" "));
        PrintWriter sink = new PrintWriter(new StringWriter());
        String[] args = words.subList(1, words.size()).toArray(String[]::new);
        CommandLine lazy = Main.commandLine(new Main.Environment(Map.of(), Cli.ROOT, Cli.CLOCK), sink, sink, args);
        if (words.size() > 1 && !words.get(1).equals("help") && !words.get(1).equals("generate-completion")) {
            assertThat(lazy.getSubcommands()).containsOnlyKeys(words.get(1));
        }
        assertThat(find(lazy, command).getUsageMessage()).isEqualTo(find(tree(), command).getUsageMessage());
    }

    @Test
    void theSubcommandTableNamesEachCommandAsItsAnnotationDoes() {
        LoadverdictCommand.SUBCOMMANDS.forEach((name, type) ->
                assertThat(type.getAnnotation(CommandLine.Command.class).name()).as("%s", type).isEqualTo(name));
        assertThat(tree().getSubcommands().keySet()).containsExactlyElementsOf(LoadverdictCommand.SUBCOMMANDS.keySet());
    }

    @Test
    void versionAloneNeedsNoSubcommands() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        CommandLine lazy = Main.commandLine(new Main.Environment(Map.of(), Cli.ROOT, Cli.CLOCK), sink, sink,
                new String[] {"--version"});
        assertThat(lazy.getSubcommands()).isEmpty();
        assertThat(Cli.run("--version").out()).isEqualTo(Cli.run("-V").out()).startsWith("loadverdict ");
    }

    private static CommandLine find(CommandLine root, String qualifiedName) {
        CommandLine command = root;
        List<String> words = List.of(qualifiedName.split(" "));
        for (String word : words.subList(1, words.size())) {
            command = command.getSubcommands().get(word);
        }
        return command;
    }
}
