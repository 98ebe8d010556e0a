package dev.loadverdict.extractor.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bytes read ahead are the source's, in order, whatever the read sizes; its error comes where it came; close stops. */
class ReadAheadTest {

    @Test
    void givesTheSourcesBytesInOrderWhateverTheReadSizes() throws IOException {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, ReadAhead.CHUNK - 1, ReadAhead.CHUNK, ReadAhead.CHUNK + 1, 9 * ReadAhead.CHUNK + 17}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            try (InputStream in = new ReadAhead(new ByteArrayInputStream(bytes), "test")) {
                byte[] buffer = new byte[1 + random.nextInt(100_000)];
                for (int n; (n = random.nextBoolean() ? in.read(buffer, 0, 1 + random.nextInt(buffer.length)) : single(in, buffer)) >= 0; ) {
                    copy.write(buffer, 0, n);
                }
                assertThat(in.read()).isEqualTo(-1);
            }
            assertThat(copy.toByteArray()).as("%d bytes", size).isEqualTo(bytes);
        }
    }

    private static int single(InputStream in, byte[] into) throws IOException {
        int b = in.read();
        if (b < 0) {
            return -1;
        }
        into[0] = (byte) b;
        return 1;
    }

    @Test
    void theSourcesErrorComesAfterTheBytesBeforeIt() throws IOException {
        byte[] before = new byte[3 * ReadAhead.CHUNK + 5];
        new Random(3).nextBytes(before);
        InputStream failing = new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                if (at == before.length) {
                    throw new IOException("Unexpected end of ZLIB input stream");
                }
                return before[at++] & 0xff;
            }
        };
        try (InputStream in = new ReadAhead(failing, "test")) {
            assertThat(in.readNBytes(before.length)).isEqualTo(before);
            assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("Unexpected end of ZLIB input stream");
        }
    }

    @Test
    void closingStopsTheThreadAndClosesTheSource() throws Exception {
        boolean[] closed = {false};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ReadAhead in = new ReadAhead(endless, "endless");
        assertThat(in.read()).isEqualTo('x');
        in.close();
        for (int i = 0; i < 200 && !closed[0]; i++) {
            Thread.sleep(10);
        }
        assertThat(closed[0]).as("the source closed by the stopped thread").isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("loadverdict-read-ahead endless"));
    }
}
