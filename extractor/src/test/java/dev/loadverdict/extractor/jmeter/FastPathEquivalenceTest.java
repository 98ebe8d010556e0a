package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.internal.DelimitedReader;
import dev.loadverdict.extractor.InputFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte-level JTL tokenizer reads every real JTL CSV (the fixtures, and the corpus when present) into
 * exactly the records Apache Commons CSV, the library path, reads from it.
 */
class FastPathEquivalenceTest {

    static Stream<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Path.of("src/test/resources/fixtures/jmeter"), Path.of("../../shared/corpus/jmeter"))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".jtl"))
                            .filter(p -> CsvLayout.of(InputFiles.head(p, p.toString())).isPresent())
                            .sorted().forEach(files::add);
                }
            }
        }
        assertThat(files).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void sameRecordsAsCommonsCsv(Path file) throws IOException {
        char delimiter = CsvLayout.of(InputFiles.head(file, file.toString())).orElseThrow().delimiter();
        List<List<String>> fast = new ArrayList<>();
        try (InputStream in = InputFiles.openBytes(file, file.toString());
             DelimitedReader row = new DelimitedReader(in, file.toString(), delimiter, CsvLayout.KIND)) {
            while (row.next()) {
                if (row.isBlank()) {
                    continue;
                }
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    fields.add(row.text(i));
                }
                fast.add(fields);
            }
        }
        List<List<String>> library = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (Reader reader = InputFiles.openText(file, file.toString());
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                library.add(record.toList());
            }
        }
        assertThat(fast).isEqualTo(library);
    }
}
