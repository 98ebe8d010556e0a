package dev.loadverdict.extractor.internal;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte caches' hash (four lanes of eight bytes, then words, then bytes) and look-ups by exact bytes. */
class BytesCacheTest {

    @Test
    void theHashDependsOnTheBytesAloneNotWhereTheyLie() {
        Random random = new Random(7);
        for (int length = 0; length <= 100; length++) {
            byte[] key = new byte[length];
            random.nextBytes(key);
            int expected = BytesCache.hash(key, 0, length);
            for (int offset = 1; offset < 20; offset++) {
                byte[] shifted = new byte[offset + length + offset];
                random.nextBytes(shifted);
                System.arraycopy(key, 0, shifted, offset, length);
                assertThat(BytesCache.hash(shifted, offset, offset + length)).as("length %d at %d", length, offset)
                        .isEqualTo(expected);
            }
        }
    }

    /** Every byte counts, in whichever lane, word or tail it lies; and the length counts. */
    @Test
    void changingAnyOneByteOrTheLengthChangesTheHash() {
        Random random = new Random(11);
        for (int length = 0; length <= 100; length++) {
            byte[] key = new byte[length + 1];
            random.nextBytes(key);
            int original = BytesCache.hash(key, 0, length);
            assertThat(BytesCache.hash(key, 0, length + 1)).as("length %d + 1", length).isNotEqualTo(original);
            for (int i = 0; i < length; i++) {
                byte before = key[i];
                key[i] ^= (byte) (1 << random.nextInt(8));
                assertThat(BytesCache.hash(key, 0, length)).as("length %d, byte %d", length, i).isNotEqualTo(original);
                key[i] = before;
            }
        }
    }

    /** k6's tags objects differ from one another in a few bytes anywhere; their hashes spread over the slots. */
    @Test
    void tagsThatDifferInOneValueHashApart() {
        Set<Integer> hashes = new HashSet<>();
        for (int id = 0; id < 4096; id++) {
            byte[] tags = ("{\"expected_response\":\"true\",\"group\":\"\",\"method\":\"GET\",\"name\":\"/users/" + id
                    + "\",\"proto\":\"HTTP/1.1\",\"scenario\":\"default\",\"status\":\"200\",\"url\":\"/users\"}")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            hashes.add(BytesCache.hash(tags, 0, tags.length) & ((1 << 13) - 1));
        }
        // 4,096 keys in 8,192 slots: random hashing fills about 3,226 distinct slots
        assertThat(hashes.size()).isGreaterThan(3_000);
    }

    @Test
    void looksUpByExactBytes() {
        BytesCache<String> cache = new BytesCache<>();
        byte[] a = "xx/api/users/1yy".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        cache.put(a, 2, 14, BytesCache.hash(a, 2, 14), "users 1");
        byte[] b = "/api/users/1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(cache.get(b, 0, b.length, BytesCache.hash(b, 0, b.length))).isEqualTo("users 1");
        byte[] c = "/api/users/2".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(cache.get(c, 0, c.length, BytesCache.hash(c, 0, c.length))).isNull();
    }
}
