import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small GitHub Actions runner for the end-to-end journey test: runs one job of a workflow file the way GitHub runs
 * it on ubuntu-latest, as far as loadverdict's workflow needs: {@code run:} steps in {@code bash --noprofile --norc -eo
 * pipefail}, {@code if:} and {@code continue-on-error}, {@code ${{ }}} expressions (contexts github, env, inputs, steps,
 * runner; operators == != && || ! and success()/failure()/always()), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, workflow
 * commands (annotations) on stdout, and the loadverdict composite action: its action.yml's inputs with their defaults,
 * its own {@code run:} steps with their env and {@code if:}, and its outputs; GITHUB_ENV and GITHUB_PATH, for the
 * job's later steps. Marketplace actions are not run: actions/checkout is done by the harness before the job (the
 * workspace is the checkout), actions/cache and actions/upload-artifact are skipped and say so; actions/setup-java is
 * stood in for by a JDK of this machine (/usr/lib/jvm) of the version asked for, set up as setup-java does: JAVA_HOME,
 * JAVA_HOME_{version}_X64 and its bin first on PATH for the job's later steps, and the output path.
 *
 * <pre>
 * java -cp loadverdict.jar Runner.java --workflow FILE --job ID --workspace DIR --action-root DIR --out DIR
 *     --event NAME --event-path FILE --ref REF --sha SHA --repository OWNER/NAME --token T
 *     [--env K=V]... [--job-env K=V]... [--skip-step NAME]...
 * </pre>
 * Writes DIR/summary.md (the job summary), DIR/annotations.txt (::error and ::warning lines), DIR/outputs.json (each
 * step's outputs by id) and DIR/log.txt; exits 0 when the job succeeded, 1 when it failed.
 */
public final class Runner {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final Map<String, String> extraEnv = new LinkedHashMap<>();
    private final Map<String, String> jobEnvOverrides = new LinkedHashMap<>();
    private final Set<String> skipped = new HashSet<>();
    private final ObjectMapper json = new ObjectMapper();
    // GitHub refuses a workflow or action.yml with a key twice in one mapping ("'X' is already defined"); so does this.
    private final ObjectMapper yaml =
            new ObjectMapper(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private final ObjectNode stepOutputs = json.createObjectNode();
    /** What steps wrote to GITHUB_ENV, for the job's later steps. */
    private final Map<String, String> exported = new LinkedHashMap<>();
    /** What steps wrote to GITHUB_PATH, in order: a later entry comes first on PATH. */
    private final List<String> pathAdded = new ArrayList<>();
    private Path out;
    private Path log;
    private boolean jobFailed;

    public static void main(String[] args) throws Exception {
        Runner r = new Runner();
        for (int i = 0; i < args.length; i += 2) {
            String key = args[i];
            String value = args[i + 1];
            switch (key) {
                case "--env" -> r.extraEnv.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                case "--job-env" -> r.jobEnvOverrides.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                case "--skip-step" -> r.skipped.add(value);
                default -> r.options.put(key.substring(2), value);
            }
        }
        System.exit(r.run() ? 0 : 1);
    }

    private String opt(String name) {
        String v = options.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }

    private boolean run() throws IOException, InterruptedException {
        out = Path.of(opt("out"));
        Files.createDirectories(out);
        log = out.resolve("log.txt");
        Files.writeString(out.resolve("summary.md"), "");
        Files.writeString(out.resolve("annotations.txt"), "");
        Files.writeString(log, "");
        JsonNode workflow = yaml.readTree(Path.of(opt("workflow")).toFile());
        JsonNode job = workflow.path("jobs").path(opt("job"));
        if (job.isMissingNode()) {
            throw new IllegalArgumentException("no job " + opt("job") + " in " + opt("workflow"));
        }
        Map<String, String> env = new LinkedHashMap<>();
        workflow.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        job.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        env.putAll(jobEnvOverrides);
        Context ctx = new Context(github(), env, json.createObjectNode(), stepOutputs);
        for (JsonNode step : job.path("steps")) {
            runWorkflowStep(step, ctx);
        }
        Files.writeString(out.resolve("outputs.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(stepOutputs));
        say("job " + (jobFailed ? "FAILED" : "succeeded"));
        return !jobFailed;
    }

    private ObjectNode github() throws IOException {
        ObjectNode g = json.createObjectNode();
        g.put("event_name", opt("event"));
        g.set("event", json.readTree(Path.of(opt("event-path")).toFile()));
        g.put("ref", opt("ref"));
        g.put("sha", opt("sha"));
        g.put("repository", opt("repository"));
        g.put("token", opt("token"));
        g.put("workspace", opt("workspace"));
        g.put("server_url", "https://github.com");
        g.put("run_id", options.getOrDefault("run-id", "1"));
        return g;
    }

    /** What expressions see. */
    private record Context(ObjectNode github, Map<String, String> env, ObjectNode inputs, ObjectNode steps) {
    }

    private void runWorkflowStep(JsonNode step, Context ctx) throws IOException, InterruptedException {
        String name = step.path("name").asText(step.path("uses").asText(step.path("run").asText("").lines().findFirst().orElse("")));
        if (skipped.contains(name)) {
            say("== " + name + ": skipped by the harness");
            return;
        }
        if (!truthy(eval(step.path("if").asText("success()"), ctx, jobFailed))) {
            say("== " + name + ": skipped (if: " + step.path("if").asText() + ")");
            return;
        }
        boolean ok;
        String uses = step.path("uses").asText("");
        Map<String, String> outputs = new LinkedHashMap<>();
        if (step.has("run")) {
            ok = runScript(name, step.path("run").asText(), stepEnv(step, ctx), Path.of(opt("workspace")), outputs);
        } else if (uses.contains(".github/actions/loadverdict")) {
            ok = runLoadverdict(name, uses, step, ctx, outputs);
        } else if (uses.startsWith("actions/setup-java@")) {
            ok = setupJava(name, step, ctx, outputs);
        } else {
            say("== " + name + ": " + uses + " is not run by the harness"
                    + (uses.startsWith("actions/checkout") ? " (the workspace is the checkout)" : ""));
            ok = true;
        }
        // by its id; the loadverdict step also as "loadverdict" when it has none (the harness reads its outputs)
        String id = step.path("id").asText(uses.contains(".github/actions/loadverdict") ? "loadverdict" : "");
        if (!id.isEmpty()) {
            ObjectNode o = stepOutputs.putObject(id);
            o.put("outcome", ok ? "success" : "failure");
            ObjectNode values = o.putObject("outputs");
            outputs.forEach(values::put);
        }
        if (!ok) {
            if (truthy(eval(step.path("continue-on-error").asText("false"), ctx, jobFailed))) {
                say("== " + name + ": failed, continue-on-error");
            } else {
                jobFailed = true;
                say("== " + name + ": FAILED");
            }
        }
    }

    /** A step's environment: the workflow's and job's env, then what earlier steps wrote to GITHUB_ENV, then its own. */
    private Map<String, String> stepEnv(JsonNode step, Context ctx) {
        Map<String, String> env = new LinkedHashMap<>(ctx.env());
        env.putAll(exported);
        step.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), interpolate(e.getValue().asText(), ctx)));
        return env;
    }

    /** The loadverdict composite action: its inputs, its run: steps in order, its outputs. */
    private boolean runLoadverdict(String name, String uses, JsonNode step, Context ctx, Map<String, String> outputs)
            throws IOException, InterruptedException {
        Path root = Path.of(opt("action-root"));
        Path actionDir = root.resolve(".github/actions/loadverdict");
        JsonNode action = yaml.readTree(actionDir.resolve("action.yml").toFile());
        ObjectNode github = ctx.github().deepCopy();
        Matcher remote = Pattern.compile("([^/]+/[^/]+)/.*@(.+)").matcher(uses);
        github.put("action_repository", remote.matches() ? remote.group(1) : "");
        github.put("action_ref", remote.matches() ? remote.group(2) : "");
        github.put("action_path", actionDir.toString());
        ObjectNode inputs = json.createObjectNode();
        Context outer = new Context(github, ctx.env(), json.createObjectNode(), ctx.steps());
        action.path("inputs").fields().forEachRemaining(e -> {
            JsonNode given = step.path("with").path(e.getKey());
            inputs.put(e.getKey(), given.isMissingNode() ? interpolate(e.getValue().path("default").asText(""), outer)
                    : interpolate(given.asText(), ctx));
        });
        ObjectNode innerSteps = json.createObjectNode();
        Context inner = new Context(github, ctx.env(), inputs, innerSteps);
        say("== " + name + " (composite: " + actionDir + ")");
        boolean ok = true;
        for (JsonNode s : action.path("runs").path("steps")) {
            String sName = s.path("id").asText(s.path("uses").asText("step"));
            if (!ok || !truthy(eval(s.path("if").asText("success()"), inner, !ok))) {
                continue;
            }
            if (s.path("uses").asText().startsWith("actions/setup-java@")) {
                Map<String, String> o = new LinkedHashMap<>();
                ok = setupJava(name + " / " + sName, s, inner, o);
                ObjectNode values = innerSteps.putObject(s.path("id").asText(sName)).putObject("outputs");
                o.forEach(values::put);
                continue;
            }
            if (!s.has("run")) {
                say("   " + sName + ": " + s.path("uses").asText() + " is not run by the harness");
                continue;
            }
            // the job's env and GITHUB_ENV, the env of the step that uses the action, then the action's step's own
            Map<String, String> env = stepEnv(step, ctx);
            s.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), interpolate(e.getValue().asText(), inner)));
            env.put("GITHUB_ACTION_PATH", actionDir.toString());
            Map<String, String> o = new LinkedHashMap<>();
            ok = runScript(name + " / " + sName, interpolate(s.path("run").asText(), inner), env, Path.of(opt("workspace")), o);
            ObjectNode record = innerSteps.putObject(s.path("id").asText(sName));
            ObjectNode values = record.putObject("outputs");
            o.forEach(values::put);
        }
        action.path("outputs").fields().forEachRemaining(e -> outputs.put(e.getKey(), interpolate(e.getValue().path("value").asText(), inner)));
        return ok;
    }

    private boolean runScript(String name, String script, Map<String, String> stepEnv, Path workspace,
                              Map<String, String> outputs) throws IOException, InterruptedException {
        say("== " + name);
        Path temp = Path.of(opt("temp"));
        Files.createDirectories(temp);
        Path file = Files.createTempFile(temp, "step-", ".sh");
        Files.writeString(file, script);
        Path output = Files.createTempFile(temp, "output-", "");
        Path stdout = Files.createTempFile(temp, "stdout-", "");
        Path envFile = Files.createTempFile(temp, "env-", "");
        Path pathFile = Files.createTempFile(temp, "path-", "");
        ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString())
                .directory(workspace.toFile()).redirectErrorStream(true).redirectOutput(stdout.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("INPUT_") || k.startsWith("LOADVERDICT_") || k.startsWith("RUNNER_"));
        env.putAll(extraEnv);
        env.putAll(stepEnv);
        if (!pathAdded.isEmpty()) {
            List<String> path = new ArrayList<>(pathAdded);
            java.util.Collections.reverse(path);
            env.put("PATH", String.join(":", path) + ":" + env.get("PATH"));
        }
        env.put("GITHUB_ENV", envFile.toString());
        env.put("GITHUB_PATH", pathFile.toString());
        env.put("CI", "true");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_EVENT_NAME", opt("event"));
        env.put("GITHUB_EVENT_PATH", opt("event-path"));
        env.put("GITHUB_REF", opt("ref"));
        env.put("GITHUB_REF_NAME", opt("ref").replaceFirst("^refs/(heads|tags)/", ""));
        env.put("GITHUB_SHA", opt("sha"));
        env.put("GITHUB_REPOSITORY", opt("repository"));
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_RUN_ID", options.getOrDefault("run-id", "1"));
        env.put("GITHUB_OUTPUT", output.toString());
        env.put("GITHUB_STEP_SUMMARY", out.resolve("summary.md").toString());
        env.put("RUNNER_TEMP", temp.toString());
        Process p = pb.start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            say("   timed out");
            return false;
        }
        String printed = Files.readString(stdout, StandardCharsets.UTF_8);
        Files.writeString(log, printed, java.nio.file.StandardOpenOption.APPEND);
        System.out.print(printed);
        printed.lines().filter(l -> l.startsWith("::error") || l.startsWith("::warning") || l.startsWith("::notice"))
                .forEach(l -> append(out.resolve("annotations.txt"), l + "\n"));
        readOutputs(Files.readString(output, StandardCharsets.UTF_8), outputs);
        readOutputs(Files.readString(envFile, StandardCharsets.UTF_8), exported);
        Files.readAllLines(pathFile, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(pathAdded::add);
        say("   exit " + p.exitValue());
        return p.exitValue() == 0;
    }

    /**
     * actions/setup-java, stood in for: a JDK of this machine whose release file declares the version asked for (a
     * feature release, such as 25), set up for the job's later steps as setup-java does; fails when there is none.
     */
    private boolean setupJava(String name, JsonNode step, Context ctx, Map<String, String> outputs) throws IOException {
        String version = interpolate(step.path("with").path("java-version").asText(""), ctx);
        say("== " + name + ": actions/setup-java " + version + ", stood in for by a JDK of this machine");
        Path found = null;
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (var homes = Files.list(jvms)) {
                for (Path home : homes.sorted().toList()) {
                    Path release = home.resolve("release");
                    if (found == null && Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(release)
                            && Files.readAllLines(release).stream().anyMatch(l -> l.equals("JAVA_VERSION=\"" + version + "\"")
                            || l.startsWith("JAVA_VERSION=\"" + version + "."))) {
                        found = home.toRealPath();
                    }
                }
            }
        }
        if (found == null) {
            say("   no JDK " + version + " in " + jvms);
            return false;
        }
        exported.put("JAVA_HOME", found.toString());
        exported.put("JAVA_HOME_" + version + "_X64", found.toString());
        pathAdded.add(found.resolve("bin").toString());
        outputs.put("path", found.toString());
        outputs.put("version", version);
        say("   JAVA_HOME=" + found);
        return true;
    }

    /** GITHUB_OUTPUT (and GITHUB_ENV): name=value lines and name<<DELIMITER blocks. */
    private static void readOutputs(String text, Map<String, String> outputs) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int heredoc = line.indexOf("<<");
            int eq = line.indexOf('=');
            if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
                String delimiter = line.substring(heredoc + 2);
                StringBuilder value = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).equals(delimiter); i++) {
                    value.append(value.length() == 0 ? "" : "\n").append(lines.get(i));
                }
                outputs.put(line.substring(0, heredoc), value.toString());
            } else if (eq > 0) {
                outputs.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
    }

    // --- expressions ----------------------------------------------------------------------------------------------

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);

    private String interpolate(String text, Context ctx) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(string(eval(m.group(1), ctx, jobFailed))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private Object eval(String expression, Context ctx, boolean failed) {
        String e = expression.strip();
        if (e.startsWith("${{") && e.endsWith("}}")) {
            e = e.substring(3, e.length() - 2);
        }
        return new Parser(tokens(e), ctx, failed).expression();
    }

    private static List<String> tokens(String e) {
        List<String> tokens = new ArrayList<>();
        Matcher m = Pattern.compile("\\s*('(?:[^']|'')*'|==|!=|&&|\\|\\||[()!]|[A-Za-z_][A-Za-z0-9_.\\-]*\\(\\)|[A-Za-z0-9_.\\-]+)").matcher(e);
        int at = 0;
        while (at < e.length() && m.find(at) && m.start() == at) {
            tokens.add(m.group(1));
            at = m.end();
        }
        if (!e.substring(at).isBlank()) {
            throw new IllegalArgumentException("cannot parse expression: " + e);
        }
        return tokens;
    }

    private final class Parser {
        private final List<String> tokens;
        private final Context ctx;
        private final boolean failed;
        private int i;

        Parser(List<String> tokens, Context ctx, boolean failed) {
            this.tokens = tokens;
            this.ctx = ctx;
            this.failed = failed;
        }

        Object expression() {
            Object left = and();
            while (peek("||")) {
                i++;
                Object right = and();
                left = truthy(left) ? left : right;
            }
            return left;
        }

        private Object and() {
            Object left = comparison();
            while (peek("&&")) {
                i++;
                Object right = comparison();
                left = truthy(left) ? right : left;
            }
            return left;
        }

        private Object comparison() {
            Object left = unary();
            if (peek("==") || peek("!=")) {
                boolean equal = tokens.get(i++).equals("==");
                Object right = unary();
                return equal == string(left).equalsIgnoreCase(string(right));
            }
            return left;
        }

        private Object unary() {
            if (peek("!")) {
                i++;
                return !truthy(unary());
            }
            if (peek("(")) {
                i++;
                Object v = expression();
                i++; // ')'
                return v;
            }
            String t = tokens.get(i++);
            if (t.startsWith("'")) {
                return t.substring(1, t.length() - 1).replace("''", "'");
            }
            switch (t) {
                case "true": return true;
                case "false": return false;
                case "null": return "";
                case "success()": return !failed;
                case "failure()": return failed;
                case "always()": return true;
                case "cancelled()": return false;
                default: return lookup(t);
            }
        }

        private boolean peek(String t) {
            return i < tokens.size() && tokens.get(i).equals(t);
        }

        private Object lookup(String path) {
            String[] parts = path.split("\\.");
            JsonNode node = switch (parts[0]) {
                case "github" -> ctx.github();
                case "inputs" -> ctx.inputs();
                case "steps" -> ctx.steps();
                case "env" -> json.valueToTree(ctx.env());
                case "runner" -> json.createObjectNode().put("temp", opt("temp")).put("os", "Linux");
                default -> {
                    if (parts[0].matches("-?[0-9.]+")) {
                        yield json.getNodeFactory().textNode(parts[0]);
                    }
                    throw new IllegalArgumentException("unknown context " + parts[0]);
                }
            };
            for (int k = 1; k < parts.length && node != null; k++) {
                node = node.path(parts[k]);
            }
            return node == null || node.isMissingNode() || node.isNull() ? "" : node.isValueNode() ? node.asText() : node;
        }
    }

    private static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = string(v);
        return !s.isEmpty() && !s.equals("false") && !s.equals("0");
    }

    private static String string(Object v) {
        if (v instanceof JsonNode n) {
            return n.isValueNode() ? n.asText() : n.toString();
        }
        return v == null ? "" : v.toString();
    }

    private void say(String line) {
        System.out.println(line);
        append(log, line + "\n");
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
