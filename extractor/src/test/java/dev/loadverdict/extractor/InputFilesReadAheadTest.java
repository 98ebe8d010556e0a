package dev.loadverdict.extractor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A gzip file read ahead on a second thread gives the bytes it gives without, a leading BOM skipped the same way. */
class InputFilesReadAheadTest {

    @Test
    void gzipReadAheadGivesTheSameBytes(@TempDir Path dir) throws IOException {
        byte[] text = new byte[5 << 20];
        Random random = new Random(11);
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) (random.nextInt(10) == 0 ? '\n' : 'a' + random.nextInt(26));
        }
        text[0] = (byte) 0xEF;
        text[1] = (byte) 0xBB;
        text[2] = (byte) 0xBF;
        Path gz = dir.resolve("text.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text);
        }
        byte[] direct;
        byte[] ahead;
        try (InputStream in = InputFiles.openBytes(gz, "text.gz", Long.MAX_VALUE)) {
            direct = in.readAllBytes();
        }
        try (InputStream in = InputFiles.openBytes(gz, "text.gz", 0)) {
            ahead = in.readAllBytes();
        }
        assertThat(direct).hasSize(text.length - 3);
        assertThat(ahead).isEqualTo(direct);
    }
}
