package dev.loadverdict.extractor;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class HeadTest {

    @Test
    void aParseOfTheHeadIsWorkedOutOnceWhoeverAsks() {
        AtomicInteger runs = new AtomicInteger();
        Head.Parse<Integer> length = Head.Parse.of(h -> {
            runs.incrementAndGet();
            return h.firstLine().length();
        });
        Head head = new Head(Path.of("run.csv"), "a,b,c\n1,2,3\n");

        assertThat(head.parsed(length)).as("detection").isEqualTo(5);
        assertThat(head.parsed(length)).as("reading").isEqualTo(5);
        assertThat(runs).hasValue(1);
        assertThat(new Head(Path.of("other.csv"), "a\n").parsed(length)).as("another file").isEqualTo(1);
        assertThat(runs).hasValue(2);
    }

    @Test
    void aLineCutOffByTheHeadsEndIsNotALine() {
        String cut = "h\n" + "x".repeat(Head.MAX_CHARS);
        Head head = new Head(Path.of("big.csv"), cut.substring(0, Head.MAX_CHARS));
        assertThat(head.whole()).isFalse();
        assertThat(head.lines()).containsExactly("h");
        assertThat(new Head(Path.of("small.csv"), "h\nx").lines()).containsExactly("h", "x");
    }
}
