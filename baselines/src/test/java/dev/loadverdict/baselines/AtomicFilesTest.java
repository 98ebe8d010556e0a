package dev.loadverdict.baselines;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsReplacedWholeAndNoTemporaryFileStays() throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "old");
        AtomicFiles.write(file, "run.json", "new");
        assertThat(Files.readString(file)).isEqualTo("new");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    /** {@code -o /dev/null} run as root once replaced /dev/null with a regular file: a pipe shows the same. */
    @Test
    @Timeout(20)
    void aPipeOrDeviceIsWrittenIntoNeverReplaced() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        AtomicFiles.write(fifo, "fifo", "through the pipe");
        boolean stillAPipe = Files.exists(fifo, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS);
        if (!stillAPipe) {
            read.cancel(true); // the reader waits on a pipe that no longer has a name: nothing will ever write to it
        }
        assertThat(stillAPipe).as("the pipe is still a pipe").isTrue();
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("through the pipe");
    }
}
