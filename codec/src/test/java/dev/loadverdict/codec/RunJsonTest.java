package dev.loadverdict.codec;

import dev.loadverdict.model.InputException;
import dev.loadverdict.testsupport.Golden;
import dev.loadverdict.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunJsonTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/run-every-field.json");

    @ParameterizedTest(name = "locale {0}")
    @ValueSource(strings = {"und", "de-DE", "ar-EG"})
    void everyFieldIsSealedByTheGoldenFile(String tag) throws IOException {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(tag));
            Golden.assertMatches(GOLDEN, RunJson.write(SampleRuns.everyField()));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void roundTripsToAnEqualRun() {
        Run run = SampleRuns.everyField();
        Run back = RunJson.read("run.json", new StringReader(RunJson.write(run)));
        assertThat(back).isEqualTo(run);
        assertThat(RunJson.write(back)).isEqualTo(RunJson.write(run));
    }

    @Test
    void stagesRoundTripInsideTheirRun() {
        Run stage = SampleRuns.everyField();
        Run whole = new Run(SampleRuns.withoutStageName(stage.metadata()), stage.total(), stage.services(),
                List.of(stage));
        String json = RunJson.write(whole);
        assertThat(json).contains("\"stages\": [");
        Run back = RunJson.read("run.json", new StringReader(json));
        assertThat(back.stages()).hasSize(1);
        assertThat(back.stage("steady")).isPresent();
        assertThat(RunJson.write(back)).isEqualTo(json);
    }

    @Test
    void aStageWithoutItsNameIsRefusedWithItsPlace() {
        Run stage = SampleRuns.everyField();
        Run whole = new Run(SampleRuns.withoutStageName(stage.metadata()), stage.total(), stage.services(),
                List.of(stage));
        String json = RunJson.write(whole).replace("\"stage\": \"steady\",", "");
        assertThatThrownBy(() -> RunJson.read("run.json", new StringReader(json)))
                .isInstanceOf(InputException.class).hasMessageContaining("a stage without a stage name");
    }

    @Test
    void schemaComesFirstAndKeysKeepTheirOrder() {
        String json = RunJson.write(SampleRuns.everyField());
        assertThat(json).startsWith("{\n  \"schema\": \"loadverdict.run/1\",\n  \"metadata\": {");
        assertThat(json.indexOf("\"requests\"")).isLessThan(json.indexOf("\"failures\""));
        assertThat(json).endsWith("}\n").doesNotContain("\r").doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void textValuesAreWrittenExactlyAsTheyAre() {
        String json = RunJson.write(SampleRuns.everyField()).replace("HTTPError('500 Server Error')",
                "Number of samples in transaction : 4, number of failing samples : 0");
        Run run = RunJson.read("run.json", new StringReader(json));
        assertThat(RunJson.write(run)).contains("Number of samples in transaction : 4, number of failing samples : 0");
    }

    @Test
    void newerSchemaIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> RunJson.read("run.json", new StringReader("{\"schema\": \"loadverdict.run/9\"}")))
                .isInstanceOf(InputException.class)
                .hasMessage("run.json:1: schema: loadverdict.run/9 was written by a newer loadverdict; this one reads up to loadverdict.run/1");
    }

    @Test
    void aBaselineIsNotARun() {
        assertThatThrownBy(() -> RunJson.read("b.json", new StringReader("{\"schema\": \"loadverdict.baseline/1\"}")))
                .isInstanceOf(InputException.class).hasMessageContaining("expected a loadverdict.run document");
    }

    @Test
    void wrongTypeNamesLineAndPath() {
        String json = RunJson.write(SampleRuns.everyField()).replace("\"requests\": 250,", "\"requests\": \"many\",");
        int line = (int) json.lines().takeWhile(l -> !l.contains("\"many\"")).count() + 1;
        assertThatThrownBy(() -> RunJson.read("run.json", new StringReader(json)))
                .isInstanceOf(InputException.class)
                .hasMessage("run.json:" + line + ": total.requests: expected a whole number but found \"many\"");
    }

    @Test
    void truncatedJsonIsABadInputNotACrash() {
        String json = RunJson.write(SampleRuns.everyField());
        assertThatThrownBy(() -> RunJson.read("run.json", new StringReader(json.substring(0, json.length() / 2))))
                .isInstanceOf(InputException.class).hasMessageContaining("run.json:").hasMessageContaining("not valid JSON");
    }

    @Test
    void invariantViolationsAreReportedWithTheirPlace() {
        String json = RunJson.write(SampleRuns.everyField()).replaceFirst("\"failures\": 4,", "\"failures\": 400,");
        assertThatThrownBy(() -> RunJson.read("run.json", new StringReader(json)))
                .isInstanceOf(InputException.class).hasMessageContaining("failures (400) exceed requests (250)");
    }

    @Test
    void emptyDocumentIsNamed() {
        assertThatThrownBy(() -> RunJson.read("run.json", new StringReader("")))
                .isInstanceOf(InputException.class).hasMessage("run.json: is empty");
    }
}
