package dev.loadverdict.model.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contents of {@code loadverdict.yml}: threshold rules for the comparison and mapping rules for
 * extraction.
 *
 * @param defaults rules that apply to every service unless overridden
 * @param services per-service rules, each name at most once
 * @param mapping rules assigning endpoints to services at extract time, in order
 * @param naming default endpoint naming and the endpoint cap, at extract time
 * @param alpha the family-wise significance level for warnings (default 0.05)
 * @param alphaCritical the family-wise significance level for criticals (default 0.01, at most {@code alpha})
 * @param source the file the configuration came from, or empty for the built-in defaults
 * @param issues how the issue bot files issues
 * @param builtInRules whether the built-in rules lie under {@code defaults} ({@code defaults.builtInRules}, default
 *                     true); false leaves only the rules written in the file, e.g. for a gate of absolute limits only
 * @param matching how much of the baseline a comparison must find in the run ({@code matching})
 * @param history how the suite's history is read as a series: change points and the drift gate ({@code history})
 */
public record LoadverdictConfig(RuleSet defaults, List<ServiceRules> services, List<MappingRule> mapping,
                             Naming naming, double alpha, double alphaCritical, Optional<String> source,
                             IssueSettings issues, boolean builtInRules, MatchingSettings matching,
                             HistorySettings history) {

    /** A configuration with the default {@code history} settings. */
    public LoadverdictConfig(RuleSet defaults, List<ServiceRules> services, List<MappingRule> mapping, Naming naming,
                          double alpha, double alphaCritical, Optional<String> source, IssueSettings issues,
                          boolean builtInRules, MatchingSettings matching) {
        this(defaults, services, mapping, naming, alpha, alphaCritical, source, issues, builtInRules, matching,
                HistorySettings.defaults());
    }

    /** A configuration with the default {@code matching} settings. */
    public LoadverdictConfig(RuleSet defaults, List<ServiceRules> services, List<MappingRule> mapping, Naming naming,
                          double alpha, double alphaCritical, Optional<String> source, IssueSettings issues,
                          boolean builtInRules) {
        this(defaults, services, mapping, naming, alpha, alphaCritical, source, issues, builtInRules,
                MatchingSettings.defaults());
    }

    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_ALPHA_CRITICAL = 0.01;

    /** A configuration with the default {@code alphaCritical} (0.01, or {@code alpha} when that is smaller). */
    public LoadverdictConfig(RuleSet defaults, List<ServiceRules> services, List<MappingRule> mapping, Naming naming,
                          double alpha, Optional<String> source) {
        this(defaults, services, mapping, naming, alpha, Math.min(alpha, DEFAULT_ALPHA_CRITICAL), source);
    }

    /** A configuration without issue settings. */
    public LoadverdictConfig(RuleSet defaults, List<ServiceRules> services, List<MappingRule> mapping, Naming naming,
                          double alpha, double alphaCritical, Optional<String> source) {
        this(defaults, services, mapping, naming, alpha, alphaCritical, source, IssueSettings.none());
    }

    /** A configuration on top of the built-in rules. */
    public LoadverdictConfig(RuleSet defaults, List<ServiceRules> services, List<MappingRule> mapping, Naming naming,
                          double alpha, double alphaCritical, Optional<String> source, IssueSettings issues) {
        this(defaults, services, mapping, naming, alpha, alphaCritical, source, issues, true);
    }

    public LoadverdictConfig {
        Objects.requireNonNull(defaults, "defaults == null");
        services = List.copyOf(Objects.requireNonNull(services, "services == null"));
        mapping = List.copyOf(Objects.requireNonNull(mapping, "mapping == null"));
        Objects.requireNonNull(naming, "naming == null");
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1) but was " + alpha);
        }
        if (!(alphaCritical > 0 && alphaCritical <= alpha)) {
            throw new IllegalArgumentException("alphaCritical must be in (0, alpha] but was " + alphaCritical);
        }
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(issues, "issues == null");
        Objects.requireNonNull(matching, "matching == null");
        Objects.requireNonNull(history, "history == null");
        long distinct = services.stream().map(ServiceRules::name).distinct().count();
        if (distinct != services.size()) {
            throw new IllegalArgumentException("a service is configured twice");
        }
    }

    public Optional<ServiceRules> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
