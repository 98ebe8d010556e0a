package dev.perfgate.cli;

import dev.perfgate.codec.ConfigParser;
import dev.perfgate.model.config.PerfgateConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the README shows must work as shown. */
class DocumentationTest {

    @Test
    void theReadmeConfigExampleIsValid() throws IOException {
        String readme = Files.readString(Cli.ROOT.resolve("README.md"));
        Matcher yaml = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(yaml.find()).as("a yaml block in README.md").isTrue();
        PerfgateConfig config = ConfigParser.parse("README.md", new StringReader(yaml.group(1)));
        assertThat(config.service("api_gateway")).isPresent();
        assertThat(config.mapping()).hasSize(1);
    }

    /** {@code ```yaml} blocks of the README are perfgate.yml; GitHub workflow snippets are fenced {@code ```yml}. */
    @Test
    void everyYamlBlockOfTheReadmeIsAValidConfig() throws IOException {
        String readme = Files.readString(Cli.ROOT.resolve("README.md"));
        Matcher yaml = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(readme);
        int blocks = 0;
        while (yaml.find()) {
            ConfigParser.parse("README.md", new StringReader(yaml.group(1)));
            blocks++;
        }
        assertThat(blocks).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theReadmeNamesTheTestCommandAndTheExampleCommand() throws IOException {
        String readme = Files.readString(Cli.ROOT.resolve("README.md"));
        assertThat(readme).contains("./mvnw -B verify")
                .contains("./perfgate compare --baseline examples/baselines/shop.json examples/runs/locust-regressed/");
    }

    @Test
    void theExampleConfigIsValid() throws IOException {
        PerfgateConfig config = ConfigParser.parse("examples/perfgate.yml",
                new StringReader(Files.readString(Cli.ROOT.resolve("examples/perfgate.yml"))));
        assertThat(config.service("default")).isPresent();
    }
}
