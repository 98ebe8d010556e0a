package dev.loadverdict.cli;

import dev.loadverdict.comparator.ConfiguredRules;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.TerminalText;
import dev.loadverdict.model.Unit;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.config.Condition;
import dev.loadverdict.model.config.InheritedRules;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.model.config.Setting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code loadverdict config explain [--config FILE] [--service S] [--endpoint E]}: the rules a comparison applies, per
 * metric and severity, every condition with the {@code file:line} it was written on.
 */
@Command(name = "explain", versionProvider = VersionProvider.class,
        description = "Prints the rules that apply to a service's endpoints, or to one endpoint: per metric and severity,"
                + " every condition and the file:line it comes from.")
final class ConfigExplainCommand implements Callable<Integer> {

    /** A condition and its source, the sources in one column whatever the indent. */
    private static final String LEVEL_LINE = "  %-26s %s%n";
    private static final String CONDITION_LINE = "    %-24s %s%n";

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--config", paramLabel = "FILE", description = "loadverdict.yml to explain (default: ./loadverdict.yml when present, else the built-in rules).")
    String config;

    @Option(names = "--service", paramLabel = "S", description = "The service (default: any service the config does not name).")
    String service;

    @Option(names = "--endpoint", paramLabel = "E", description = "One endpoint of the service: \"METHOD name\" or a name as reports show it, or (total) for the service's total (default: its endpoints that no pattern matches).")
    String endpoint;

    ConfigExplainCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        LoadverdictConfig loaded = ConfigLoader.load(environment, config);
        String serviceName = service == null ? "" : service;
        InheritedRules rules;
        try {
            rules = endpoint == null ? ConfiguredRules.ofService(loaded, serviceName)
                    : ConfiguredRules.of(loaded, serviceName, endpointId(endpoint));
        } catch (IllegalArgumentException e) {
            throw new dev.loadverdict.model.InputException(loaded.source().orElse("loadverdict.yml"), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("config: %s%n", loaded.source().map(TerminalText::oneLine).orElse("none (built-in rules only)"));
        out.printf("%s, %s%n", service == null ? "any service not configured" : "service " + TerminalText.oneLine(service),
                endpoint == null ? "endpoints no pattern matches" : "endpoint " + TerminalText.oneLine(endpoint));
        if (rules.ignored()) {
            out.println("  ignored: left out of the comparison");
        }
        rules.minRequests().ifPresent(s -> out.printf(LEVEL_LINE, "minRequests " + amount(s), source(s)));
        if (rules.rules().isEmpty()) {
            out.println("  no rules: nothing is compared");
        }
        rules.rules().forEach((metric, rule) -> {
            rule.warning().ifPresent(b -> print(out, metric, "warning", b));
            rule.critical().ifPresent(b -> print(out, metric, "critical", b));
        });
        out.flush();
        return ExitCode.OK;
    }

    /** {@code "POST /api/x"} as method and name; a name alone (no method word before a space) as it is. */
    static Optional<EndpointId> endpointId(String text) {
        if (text.equals(Finding.TOTAL_LABEL)) {
            return Optional.empty();
        }
        int space = text.indexOf(' ');
        if (space > 0 && text.substring(0, space).chars().allMatch(Character::isLetter)) {
            return Optional.of(EndpointId.of(text.substring(0, space), text.substring(space + 1)));
        }
        return Optional.of(EndpointId.of(null, text));
    }

    private static void print(PrintWriter out, Metric metric, String severity, InheritedRules.Block block) {
        out.printf("  %s %s%n", metric.key(), severity);
        block.settings().forEach((condition, setting) -> out.printf(CONDITION_LINE,
                condition.key() + " " + amount(metric, condition, setting), source(setting)));
    }

    private static String amount(Metric metric, Condition condition, Setting setting) {
        double v = setting.amount().orElseThrow();
        Unit unit = metric.unit();
        return switch (condition) {
            case RELATIVE -> number(v) + "%";
            case DELTA -> number(v) + " " + unit.deltaSymbol();
            case LIMIT -> number(v) + " " + unit.symbol();
            case MIN_REQUESTS -> number(v);
        };
    }

    private static String amount(Setting minRequests) {
        return number(minRequests.amount().orElseThrow());
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String source(Setting setting) {
        return TerminalText.oneLine(setting.location());
    }
}
