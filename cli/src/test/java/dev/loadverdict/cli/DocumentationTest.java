package dev.loadverdict.cli;

import dev.loadverdict.codec.ConfigParser;
import dev.loadverdict.model.config.LoadverdictConfig;
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
        LoadverdictConfig config = ConfigParser.parse("README.md", new StringReader(yaml.group(1)));
        assertThat(config.service("api_gateway")).isPresent();
        assertThat(config.mapping()).hasSize(1);
    }

    /** {@code ```yaml} blocks of the README are loadverdict.yml; GitHub workflow snippets are fenced {@code ```yml}. */
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
                .contains("./loadverdict compare --baseline examples/baselines/shop.json examples/runs/locust-regressed/");
    }

    @Test
    void theExampleConfigIsValid() throws IOException {
        LoadverdictConfig config = ConfigParser.parse("examples/loadverdict.yml",
                new StringReader(Files.readString(Cli.ROOT.resolve("examples/loadverdict.yml"))));
        assertThat(config.service("default")).isPresent();
    }
}
