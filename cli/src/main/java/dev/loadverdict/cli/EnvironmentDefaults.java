package dev.loadverdict.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Defaults from the environment for the options the GitHub Action passes: {@code LOADVERDICT_<OPTION>}, the option's
 * long name in capitals with {@code _} for {@code -} ({@code --baselines-dir}: {@code LOADVERDICT_BASELINES_DIR}), in
 * every command that has the option. A flag on the command line wins; an unset or empty variable is no default.
 *
 * <p>Not for an option of an exclusive group ({@code baseline promote}'s {@code --to | --suite}): a default there would
 * choose between the two for the user.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {

    /** The options with a variable, in the order of the README's table. */
    static final List<String> OPTIONS = List.of("--baseline", "--baseline-runs", "--baselines-dir", "--data-branch", "--config",
            "--suite", "--stages", "--window", "--skip-warmup", "--skip-rampdown", "--fail-on", "--if-no-baseline",
            "--strict-profile", "--report", "--out-dir", "--keep-full");

    private final Map<String, String> variables;

    EnvironmentDefaults(Map<String, String> variables) {
        this.variables = variables;
    }

    /** {@code LOADVERDICT_BASELINES_DIR} for {@code --baselines-dir}. */
    static String variable(String longName) {
        return "LOADVERDICT_" + longName.replaceFirst("^-+", "").toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The variable that gives the option its default, when it has one. */
    static Optional<String> variableOf(OptionSpec option) {
        boolean exclusive = option.group() != null && option.group().exclusive() && option.group().multiplicity().max() == 1
                && option.group().validate();
        // scaling's --baseline is a curve's runs, not a REF, and its levels are chosen on the command line: no variables
        boolean scaling = option.command() != null && option.command().userObject() instanceof ScalingCommand;
        return OPTIONS.contains(option.longestName()) && !exclusive && !scaling ? Optional.of(variable(option.longestName()))
                : Optional.empty();
    }

    /** The variable's value, when the option has a variable that is set and not empty. */
    Optional<String> valueOf(OptionSpec option) {
        return variableOf(option).map(variables::get).filter(value -> !value.isBlank());
    }

    /** Help that names each option's variable after its description: {@code (env: LOADVERDICT_BASELINES_DIR)}. */
    static CommandLine.Help help(CommandLine.Model.CommandSpec spec, CommandLine.Help.ColorScheme colors) {
        return new CommandLine.Help(spec, colors) {
            @Override
            public IOptionRenderer createDefaultOptionRenderer() {
                IOptionRenderer standard = super.createDefaultOptionRenderer();
                return (option, labels, scheme) -> {
                    Ansi.Text[][] rows = standard.render(option, labels, scheme);
                    variableOf(option).ifPresent(variable -> {
                        Ansi.Text[] last = rows[rows.length - 1];
                        last[last.length - 1] = last[last.length - 1].concat(" (env: " + variable + ")");
                    });
                    return rows;
                };
            }
        };
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        return arg instanceof OptionSpec option ? valueOf(option).orElse(null) : null;
    }

    /**
     * Gives every option of the parsed commands that was not typed its variable's value, where picocli did not: an
     * option of a group inside a group (compare's {@code --fail-on} in its verdict options) keeps the value its field
     * starts with when picocli makes the outer group anew, because another option of that group was typed.
     *
     * @throws UsageException when a variable's value is not one the option takes
     */
    void complete(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult command = parsed; command != null; command = command.subcommand()) {
            for (OptionSpec option : command.commandSpec().options()) {
                if (!command.hasMatchedOption(option)) {
                    Optional<String> value = valueOf(option);
                    if (value.isPresent()) {
                        Object converted = convert(option, value.get());
                        option.setValue(converted);
                        if (option.userObject() instanceof Field field) {
                            setInGroups(command.commandSpec().userObject(), field, converted);
                        }
                    }
                }
            }
        }
    }

    /**
     * Sets the field in every object of the command's groups, nested ones included, that has it. picocli's own setter
     * can miss the one that counts: it stays bound to the inner group the command started with, not to the one inside
     * the outer group picocli made anew.
     */
    private static void setInGroups(Object holder, Field field, Object value) {
        for (Class<?> type = holder.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field member : type.getDeclaredFields()) {
                if (!member.isAnnotationPresent(CommandLine.ArgGroup.class)) {
                    continue;
                }
                try {
                    member.setAccessible(true);
                    Object group = member.get(holder);
                    if (group == null) {
                        continue;
                    }
                    if (field.getDeclaringClass().isInstance(group)) {
                        field.setAccessible(true);
                        field.set(group, value);
                    }
                    setInGroups(group, field, value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot set " + field + " from its environment variable", e);
                }
            }
        }
    }

    /** The value as the option's field holds it: through the option's own converter, else by its type. */
    private static Object convert(OptionSpec option, String value) {
        try {
            if (option.converters().length > 0) {
                return option.converters()[0].convert(value);
            }
            Class<?> type = option.type();
            if (type == String.class) {
                return value;
            }
            if (type == int.class || type == Integer.class) {
                return Integer.valueOf(value.strip());
            }
            if (type == boolean.class || type == Boolean.class) {
                String v = value.strip().toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    throw new IllegalArgumentException("'" + value + "' is not a boolean");
                }
                return Boolean.valueOf(v);
            }
        } catch (UsageException e) {
            throw e;
        } catch (Exception e) { // picocli's converters declare Exception
            throw new UsageException("Invalid value for option '" + option.longestName() + "'" + from(option) + ": " + e.getMessage());
        }
        throw new IllegalStateException(option.longestName() + " has a variable but no conversion for " + option.type());
    }

    /** Whether the arguments name the option ({@code --fail-on never}, {@code --fail-on=never}): a parse that failed has no result to ask. */
    private static boolean typed(OptionSpec option, String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            for (String name : option.names()) {
                if (arg.equals(name) || arg.startsWith(name + "=")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code  (from $LOADVERDICT_FAIL_ON)}: where an option's value came from, when not from the command line. */
    static String from(OptionSpec option) {
        return variableOf(option).map(v -> " (from $" + v + ")").orElse("");
    }

    /**
     * picocli's message about a bad value, naming the variable it came from when the option was not typed:
     * {@code Invalid value for option '--fail-on' (from $LOADVERDICT_FAIL_ON): …}; about a missing option, naming the
     * variable that could give it: {@code Missing required option: '--baseline=REF' (or set $LOADVERDICT_BASELINE)}.
     */
    String explain(CommandLine.ParameterException e, String message, String[] args) {
        if (e instanceof CommandLine.MissingParameterException missing) {
            List<String> variables = missing.getMissing().stream().filter(OptionSpec.class::isInstance)
                    .map(a -> variableOf((OptionSpec) a)).flatMap(Optional::stream).map(v -> "$" + v).toList();
            return variables.isEmpty() ? message : message + " (or set " + String.join(", ", variables) + ")";
        }
        if (!(e.getArgSpec() instanceof OptionSpec option) || valueOf(option).isEmpty()) {
            return message;
        }
        if (typed(option, args)) {
            return message;
        }
        String quoted = "'" + option.longestName() + "'";
        int at = message.indexOf(quoted);
        return at < 0 ? message + from(option) : message.substring(0, at + quoted.length()) + from(option) + message.substring(at + quoted.length());
    }
}
