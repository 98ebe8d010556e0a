package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.internal.DelimitedReader;
import dev.loadverdict.extractor.internal.RequestLabels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelCacheTest {

    @Test
    void repeatedRowsShareTheirLabels() {
        LabelCache cache = new LabelCache();
        DelimitedReader rows = DelimitedReader.of("GET /a,http://h/a,users 1-1\nGET /a,http://h/a,users 1-2\n", ',');
        rows.next();
        RequestLabels first = cache.get(rows, 0, 1, 2);
        rows.next();
        assertThat(cache.get(rows, 0, 1, 2)).isSameAs(first);
        assertThat(first.name()).isEqualTo("GET /a");
        assertThat(first.threadGroup()).isEqualTo("users");
    }

    @Test
    void hugeDistinctLabelsAreDecodedButNotKeptBeyondTheCachesBytes() {
        LabelCache cache = new LabelCache();
        String filler = "x".repeat(100_000);
        StringBuilder jtl = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            jtl.append(i).append(filler).append(",http://h/,users 1-1\n");
        }
        DelimitedReader rows = DelimitedReader.of(jtl.toString(), ',');
        int read = 0;
        while (rows.next()) {
            RequestLabels labels = cache.get(rows, 0, 1, 2);
            assertThat(labels.name()).isEqualTo(read + filler);
            read++;
        }
        assertThat(read).isEqualTo(200);
        assertThat(cache.bytes()).isPositive().isLessThanOrEqualTo(LabelCache.MAX_BYTES);
    }
}
