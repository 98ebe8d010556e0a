package dev.loadverdict.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Unit;
import dev.loadverdict.model.config.Condition;
import dev.loadverdict.model.config.EndpointRules;
import dev.loadverdict.model.config.HistorySettings;
import dev.loadverdict.model.config.MappingRule;
import dev.loadverdict.model.config.MetricRule;
import dev.loadverdict.model.config.Naming;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.model.config.RuleSet;
import dev.loadverdict.model.config.ServiceRules;
import dev.loadverdict.model.config.Setting;
import dev.loadverdict.model.config.SeverityBlock;
import dev.loadverdict.model.history.HistoryAnalysis;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code loadverdict.yml} (or the same structure as JSON) into a {@link LoadverdictConfig}. Every
 * mistake — an unknown key, a metric loadverdict does not know, an amount without a valid unit — is an
 * {@link InputException} naming the file, line and key. Amounts: {@code relative: 10%} (or {@code 10});
 * latency {@code delta}/{@code limit} in {@code ms} or {@code s} (a bare number is ms); error rate in
 * {@code pp} or {@code %} (a bare number is percent / percentage points); throughput in {@code req/s}. A condition
 * written {@code off} drops the one inherited from the level above (see
 * {@link dev.loadverdict.model.config.InheritedRules}); every condition records the {@code file:line} it was written on.
 */
public final class ConfigParser {

    private static final JsonFactory YAML = YAMLFactory.builder().build();
    static final List<String> TOP_KEYS = List.of("defaults", "services", "mapping", "naming", "issues", "matching", "history");
    static final List<String> HISTORY_KEYS = List.of("changePoints", "drift");
    static final List<String> CHANGE_POINT_KEYS = List.of("pValue", "permutations", "minShift", "minErrorRateShift",
            "pendingRuns", "minRuns");
    static final List<String> DRIFT_KEYS = List.of("reference", "window", "metrics");
    static final List<String> ISSUE_KEYS = List.of("labels", "assignees", "title", "confirmRuns");
    static final List<String> NAMING_KEYS = List.of("templateIds", "dropQueryStrings", "maxEndpointsPerService",
            "maxServices", "maxEndpoints");
    static final List<String> DEFAULT_KEYS = List.of("minRequests", "alpha", "alphaCritical", "builtInRules", "metrics");
    static final List<String> SERVICE_KEYS = List.of("minRequests", "ignore", "metrics", "endpoints");
    static final List<String> ENDPOINT_KEYS = List.of("minRequests", "ignore", "metrics");
    static final List<String> METRIC_KEYS = List.of("warning", "critical");
    static final List<String> CONDITION_KEYS = Arrays.stream(Condition.values()).map(Condition::key).toList();
    /** The value that drops an inherited condition. */
    static final String OFF = "off";
    static final List<String> MAPPING_KEYS = List.of("match", "tags", "service", "endpoint");
    static final List<String> ENDPOINT_NAME_KEYS = List.of("template");
        private static final Pattern AMOUNT = Pattern.compile("\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([a-zA-Z%/]*)\\s*");

    private ConfigParser() {
    }

    /** A configuration with no rules of its own: the comparator's built-in defaults apply. */
    public static LoadverdictConfig empty() {
        return new LoadverdictConfig(RuleSet.empty(), List.of(), List.of(), Naming.defaults(),
                LoadverdictConfig.DEFAULT_ALPHA, Optional.empty());
    }

    /**
     * Parses a configuration.
     *
     * @param source the file name, used in errors and in each rule's source
     * @throws InputException when the configuration is invalid
     */
    public static LoadverdictConfig parse(String source, Reader reader) {
        JsonFactory factory = source.toLowerCase(Locale.ROOT).endsWith(".json") ? Json.FACTORY : YAML;
        Node root = Node.parse(factory, source, reader, true);
        if (root.isNull()) {
            return new LoadverdictConfig(RuleSet.empty(), List.of(), List.of(), Naming.defaults(),
                    LoadverdictConfig.DEFAULT_ALPHA, Optional.of(source));
        }
        root.requireKeys(TOP_KEYS);
        Node defaults = root.optional("defaults");
        RuleSet defaultRules = defaults == null ? RuleSet.empty() : ruleSet(defaults.requireKeys(DEFAULT_KEYS));
        double alpha = LoadverdictConfig.DEFAULT_ALPHA;
        if (defaults != null && defaults.has("alpha")) {
            Node a = defaults.get("alpha");
            alpha = a.number();
            if (!(alpha > 0 && alpha < 1)) {
                throw a.fail("alpha must be between 0 and 1 (exclusive) but was " + a.scalarText());
            }
        }
        double alphaCritical = Math.min(alpha, LoadverdictConfig.DEFAULT_ALPHA_CRITICAL);
        if (defaults != null && defaults.has("alphaCritical")) {
            Node a = defaults.get("alphaCritical");
            alphaCritical = a.number();
            if (!(alphaCritical > 0 && alphaCritical <= alpha)) {
                throw a.fail("alphaCritical must be above 0 and at most alpha (" + alpha + ") but was " + a.scalarText());
            }
        }
        List<ServiceRules> services = new ArrayList<>();
        Node servicesNode = root.optional("services");
        if (servicesNode != null) {
            for (Map.Entry<String, Node> s : servicesNode.fields()) {
                services.add(service(s.getKey(), s.getValue()));
            }
        }
        List<MappingRule> mapping = new ArrayList<>();
        Node mappingNode = root.optional("mapping");
        if (mappingNode != null) {
            for (Node m : mappingNode.elements()) {
                mapping.add(mappingRule(m));
            }
        }
        Node namingNode = root.optional("naming");
        Naming naming = namingNode == null ? Naming.defaults() : naming(namingNode.requireKeys(NAMING_KEYS));
        Node issuesNode = root.optional("issues");
        dev.loadverdict.model.config.IssueSettings issues = issuesNode == null ? dev.loadverdict.model.config.IssueSettings.none()
                : issues(issuesNode.requireKeys(ISSUE_KEYS));
        boolean builtInRules = defaults == null || !defaults.has("builtInRules") || defaults.get("builtInRules").bool();
        return new LoadverdictConfig(defaultRules, services, mapping, naming, alpha, alphaCritical, Optional.of(source), issues,
                builtInRules, matching(root.optional("matching")), history(root.optional("history")));
    }

    /** {@code history: { changePoints: {…}, drift: {…} }}. */
    private static HistorySettings history(Node node) {
        if (node == null) {
            return HistorySettings.defaults();
        }
        node.requireKeys(HISTORY_KEYS);
        HistoryAnalysis.Settings d = HistoryAnalysis.Settings.DEFAULT;
        HistoryAnalysis.Settings changePoints = d;
        Node cp = node.optional("changePoints");
        if (cp != null) {
            cp.requireKeys(CHANGE_POINT_KEYS);
            double pValue = cp.has("pValue") ? cp.get("pValue").number() : d.pValue();
            if (!(pValue > 0 && pValue < 1)) {
                throw cp.get("pValue").fail("pValue must be between 0 and 1 (exclusive) but was " + cp.get("pValue").scalarText());
            }
            changePoints = new HistoryAnalysis.Settings(pValue,
                    (int) wholeIn(cp, "permutations", d.permutations(), 10, 100_000),
                    d.seed(),
                    cp.has("minShift") ? relative(cp.get("minShift")) : d.minShiftPercent(),
                    cp.has("minErrorRateShift") ? amount(Metric.ERROR_RATE, cp.get("minErrorRateShift"), true) : d.minErrorRateShift(),
                    (int) wholeIn(cp, "pendingRuns", d.pendingRuns(), 1, 1000),
                    (int) wholeIn(cp, "minRuns", d.minRuns(), 8, 100_000),
                    d.metrics());
        }
        Optional<HistorySettings.Drift> drift = Optional.empty();
        Node dn = node.optional("drift");
        if (dn != null) {
            dn.requireKeys(DRIFT_KEYS);
            String reference = dn.has("reference") ? dn.get("reference").text() : "acknowledged";
            RuleSet rules = ruleSet(dn);
            if (rules.metrics().isEmpty()) {
                throw dn.fail("has no metrics: write the thresholds of the drift gate, e.g."
                        + " metrics: { p95: { warning: { relative: 10% }, critical: { relative: 20% } } }");
            }
            try {
                drift = Optional.of(new HistorySettings.Drift(reference, (int) wholeIn(dn, "window", 5, 1, 100), rules));
            } catch (IllegalArgumentException e) {
                throw dn.get("reference").fail(e.getMessage());
            }
        }
        return new HistorySettings(changePoints, drift);
    }

    private static long wholeIn(Node parent, String key, long defaultValue, long min, long max) {
        if (!parent.has(key)) {
            return defaultValue;
        }
        Node n = parent.get(key);
        long v = n.wholeNumber();
        if (v < min || v > max) {
            throw n.fail(key + " must be a whole number from " + min + " to " + max + " but was " + n.scalarText());
        }
        return v;
    }

    static final List<String> MATCHING_KEYS = List.of("minMatched", "warnMissing");

    /** {@code matching: { minMatched: 25%, warnMissing: 10% }}: shares of the baseline's endpoints. */
    private static dev.loadverdict.model.config.MatchingSettings matching(Node node) {
        var defaults = dev.loadverdict.model.config.MatchingSettings.defaults();
        if (node == null) {
            return defaults;
        }
        node.requireKeys(MATCHING_KEYS);
        return new dev.loadverdict.model.config.MatchingSettings(
                node.has("minMatched") ? share(node.get("minMatched")) : defaults.minMatchedPercent(),
                node.has("warnMissing") ? share(node.get("warnMissing")) : defaults.warnMissingPercent());
    }

    private static double share(Node node) {
        Matcher m = match(node, "a share such as 25%");
        double percent = Double.parseDouble(m.group(1));
        if (!(m.group(2).isEmpty() || m.group(2).equals("%")) || !(percent >= 0 && percent <= 100)) {
            throw node.fail("expected a share from 0% to 100% but found '" + node.scalarText() + "'");
        }
        return percent;
    }

    private static ServiceRules service(String name, Node node) {
        if (node.isNull()) {
            return new ServiceRules(name, RuleSet.empty(), List.of());
        }
        node.requireKeys(SERVICE_KEYS);
        List<EndpointRules> endpoints = new ArrayList<>();
        Node endpointsNode = node.optional("endpoints");
        if (endpointsNode != null) {
            for (Map.Entry<String, Node> e : endpointsNode.fields()) {
                String pattern = e.getKey();
                checkPattern(e.getValue(), pattern);
                Node rules = e.getValue();
                endpoints.add(new EndpointRules(pattern, rules.isNull() ? RuleSet.empty()
                        : ruleSet(rules.requireKeys(ENDPOINT_KEYS))));
            }
        }
        return new ServiceRules(name, ruleSet(node), endpoints);
    }

    private static void checkPattern(Node where, String pattern) {
        if (pattern.startsWith("re:")) {
            try {
                Pattern.compile(pattern.substring(3));
            } catch (PatternSyntaxException e) {
                throw where.fail("invalid regular expression: " + e.getDescription());
            }
        }
    }

    private static RuleSet ruleSet(Node node) {
        OptionalLong minRequests = node.has("minRequests")
                ? OptionalLong.of(node.get("minRequests").nonNegativeWholeNumber()) : OptionalLong.empty();
        String minRequestsSource = node.has("minRequests")
                ? node.get("minRequests").location() + " " + node.get("minRequests").path() : "";
        boolean ignore = node.has("ignore") && node.get("ignore").bool();
        Map<Metric, MetricRule> metrics = new EnumMap<>(Metric.class);
        Node metricsNode = node.optional("metrics");
        if (metricsNode != null) {
            for (Map.Entry<String, Node> m : metricsNode.fields()) {
                Node ruleNode = m.getValue();
                Metric metric = Metric.fromKey(m.getKey()).orElseThrow(() -> ruleNode.fail(
                        "unknown metric '" + m.getKey() + "' (known: " + knownMetrics() + ")"));
                metrics.put(metric, metricRule(metric, ruleNode));
            }
        }
        return new RuleSet(minRequests, ignore, metrics, minRequestsSource);
    }

    private static MetricRule metricRule(Metric metric, Node node) {
        node.requireKeys(METRIC_KEYS);
        String source = node.location() + " " + node.path();
        Optional<SeverityBlock> warning = Optional.ofNullable(node.optional("warning"))
                .map(n -> block(metric, n, source));
        Node criticalNode = node.optional("critical");
        Optional<SeverityBlock> critical;
        if (criticalNode != null && !criticalNode.isObject()) {
            critical = Optional.of(keyMetric(criticalNode, warning, source));
        } else {
            critical = Optional.ofNullable(criticalNode).map(n -> block(metric, n, source));
        }
        return new MetricRule(warning, critical, source);
    }

    /**
     * {@code critical: true} (a key metric): the critical block is this level's warning block, and every condition
     * that block does not write is off, so the critical conditions are exactly the warning's.
     */
    private static SeverityBlock keyMetric(Node criticalNode, Optional<SeverityBlock> warning, String source) {
        if (!criticalNode.bool()) {
            throw criticalNode.fail("only 'critical: true' (a key metric) or a block of conditions is allowed");
        }
        if (warning.isEmpty()) {
            throw criticalNode.fail("'critical: true' makes the warning conditions critical, but this metric has no warning block here");
        }
        Map<Condition, Setting> settings = new EnumMap<>(Condition.class);
        for (Condition c : Condition.values()) {
            settings.put(c, Setting.off(criticalNode.location() + " " + criticalNode.path(), source));
        }
        settings.putAll(warning.get().settings());
        return new SeverityBlock(settings);
    }

    /** A severity block as written: per key an amount, or {@code off} (also {@code false}) to drop the inherited one. */
    private static SeverityBlock block(Metric metric, Node node, String source) {
        node.requireKeys(CONDITION_KEYS);
        Map<Condition, Setting> settings = new EnumMap<>(Condition.class);
        for (Map.Entry<String, Node> e : node.fields()) {
            Node value = e.getValue();
            Condition condition = Condition.fromKey(e.getKey()).orElseThrow();
            String location = value.location() + " " + value.path();
            if (value.isNull()) {
                throw value.fail("has no value (write an amount, or off to drop the inherited condition)");
            }
            if (isOff(value)) {
                settings.put(condition, Setting.off(location, source));
            } else {
                settings.put(condition, Setting.of(amount(metric, condition, value), location, source));
            }
        }
        if (settings.isEmpty()) {
            throw node.fail("is empty: write the conditions to add or override (relative, delta, limit, minRequests),"
                    + " or 'off' for one to drop");
        }
        return new SeverityBlock(settings);
    }

    private static boolean isOff(Node value) {
        return value.isTextual() && value.text().equals(OFF) || value.isBoolean() && !value.bool();
    }

    private static double amount(Metric metric, Condition condition, Node value) {
        return switch (condition) {
            case RELATIVE -> relative(value);
            case DELTA -> amount(metric, value, true);
            case LIMIT -> amount(metric, value, false);
            case MIN_REQUESTS -> value.nonNegativeWholeNumber();
        };
    }

    private static double relative(Node node) {
        Matcher m = match(node, "a percentage such as 10%");
        if (!m.group(2).isEmpty() && !m.group(2).equals("%")) {
            throw node.fail("relative must be a percentage such as 10%, not '" + node.scalarText() + "'");
        }
        return nonNegative(node, Double.parseDouble(m.group(1)));
    }

    /** An amount in the metric's unit: ms for latency, percent/pp for error rate, req/s for throughput. */
    private static double amount(Metric metric, Node node, boolean isDelta) {
        Unit unit = metric.unit();
        String example = switch (unit) {
            case MILLISECONDS -> "20ms or 1.5s";
            case PERCENT -> isDelta ? "0.5pp" : "1%";
            case REQUESTS_PER_SECOND -> "50req/s";
        };
        Matcher m = match(node, "an amount such as " + example);
        double value = nonNegative(node, Double.parseDouble(m.group(1)));
        String suffix = m.group(2).toLowerCase(Locale.ROOT);
        double factor = switch (unit) {
            case MILLISECONDS -> switch (suffix) {
                case "", "ms" -> 1;
                case "s" -> 1000;
                case "us", "µs" -> 0.001;
                default -> -1;
            };
            case PERCENT -> switch (suffix) {
                case "", "pp", "%" -> 1;
                default -> -1;
            };
            case REQUESTS_PER_SECOND -> switch (suffix) {
                case "", "req/s", "rps", "/s" -> 1;
                default -> -1;
            };
        };
        if (factor < 0) {
            throw node.fail("'" + node.scalarText() + "' is not an amount for " + metric.key()
                    + " (use e.g. " + example + ")");
        }
        return value * factor;
    }

    private static Matcher match(Node node, String expected) {
        String text = node.scalarText();
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            throw node.fail("expected " + expected + " but found '" + text + "'");
        }
        return m;
    }

    private static double nonNegative(Node node, double value) {
        if (value < 0 || !Double.isFinite(value)) {
            throw node.fail("amounts are positive, measured in the metric's bad direction; found "
                    + node.scalarText());
        }
        return value;
    }

    private static Naming naming(Node node) {
        Naming defaults = Naming.defaults();
        boolean ids = node.has("templateIds") ? node.get("templateIds").bool() : defaults.templateIds();
        boolean query = node.has("dropQueryStrings") ? node.get("dropQueryStrings").bool() : defaults.dropQueryStrings();
        return new Naming(ids, query, cap(node, "maxEndpointsPerService", defaults.maxEndpointsPerService()),
                cap(node, "maxServices", defaults.maxServices()), cap(node, "maxEndpoints", defaults.maxEndpoints()));
    }

    private static int cap(Node naming, String key, int defaultValue) {
        if (!naming.has(key)) {
            return defaultValue;
        }
        Node n = naming.get(key);
        long v = n.nonNegativeWholeNumber();
        if (v < 1 || v > Naming.MAX_CAP) {
            throw n.fail("must be between 1 and " + Naming.MAX_CAP + " but was " + v);
        }
        return (int) v;
    }

    private static MappingRule mappingRule(Node node) {
        node.requireKeys(MAPPING_KEYS);
        Map<MappingRule.Field, Pattern> match = new EnumMap<>(MappingRule.Field.class);
        Node matchNode = node.optional("match");
        if (matchNode != null) {
            for (Map.Entry<String, Node> m : matchNode.fields()) {
                if (m.getKey().equals("tags")) {
                    throw m.getValue().fail("'tags' belongs beside 'match', not inside it: move 'tags:' out one"
                            + " level, into the mapping rule itself");
                }
                MappingRule.Field field = fieldOf(m.getKey()).orElseThrow(() -> m.getValue().fail(
                        "unknown request attribute (expected one of: name, url, method, threadGroup, group); "
                                + "a condition on a tag goes in the rule's 'tags:', beside 'match:'"));
                if (match.put(field, regex(m.getValue())) != null) {
                    throw m.getValue().fail("'" + field.key() + "' is given twice (label is another name for name)");
                }
            }
        }
        Map<String, Pattern> tags = new java.util.TreeMap<>();
        Node tagsNode = node.optional("tags");
        if (tagsNode != null) {
            for (Map.Entry<String, Node> t : tagsNode.fields()) {
                tags.put(t.getKey(), regex(t.getValue()));
            }
        }
        if (match.isEmpty() && tags.isEmpty()) {
            throw node.fail("needs 'match' (name, url, method, threadGroup, group) and/or 'tags'");
        }
        Optional<String> service = Optional.ofNullable(node.optional("service")).map(n -> {
            if (n.text().isBlank()) {
                throw n.fail("is blank");
            }
            return n.text();
        });
        Optional<String> endpoint = Optional.empty();
        Node endpointNode = node.optional("endpoint");
        if (endpointNode != null) {
            endpoint = Optional.of(endpointNode.isTextual() ? endpointNode.text()
                    : endpointNode.requireKeys(ENDPOINT_NAME_KEYS).get("template").text());
        }
        if (service.isEmpty() && endpoint.isEmpty()) {
            throw node.fail("must set 'service', 'endpoint', or both");
        }
        return new MappingRule(match, tags, service, endpoint);
    }

    private static Optional<MappingRule.Field> fieldOf(String key) {
        return key.equals("label") ? Optional.of(MappingRule.Field.NAME) : MappingRule.Field.fromKey(key);
    }

    private static Pattern regex(Node node) {
        try {
            return Pattern.compile(node.text());
        } catch (PatternSyntaxException e) {
            throw node.fail("invalid regular expression: " + e.getDescription());
        }
    }

    private static String knownMetrics() {
        return String.join(", ", Arrays.stream(Metric.values()).map(Metric::key).toList());
    }

    private static dev.loadverdict.model.config.IssueSettings issues(Node node) {
        List<String> labels = strings(node.optional("labels"));
        List<String> assignees = strings(node.optional("assignees"));
        Optional<String> title = Optional.ofNullable(node.optional("title")).map(Node::text);
        java.util.OptionalInt confirm = java.util.OptionalInt.empty();
        Node k = node.optional("confirmRuns");
        if (k != null) {
            long runs = k.wholeNumber();
            if (runs < 1 || runs > 100) {
                throw k.fail("confirmRuns must be a whole number from 1 to 100 but was " + k.scalarText());
            }
            confirm = java.util.OptionalInt.of((int) runs);
        }
        return new dev.loadverdict.model.config.IssueSettings(labels, assignees, title, confirm);
    }

    private static List<String> strings(Node list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            for (Node n : list.elements()) {
                if (n.text().isBlank()) {
                    throw n.fail("is blank");
                }
                out.add(n.text());
            }
        }
        return out;
    }
}
