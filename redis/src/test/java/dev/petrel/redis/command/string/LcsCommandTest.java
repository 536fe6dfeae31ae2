package dev.petrel.redis.command.string;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness.Err;
import java.util.List;
import org.junit.jupiter.api.Test;

class LcsCommandTest extends StringFixture {
    @Test
    void subsequenceAndLength() {
        c.call("MSET", "a", "ohmytext", "b", "mynewtext");
        assertThat(c.call("LCS", "a", "b")).isEqualTo("mytext");
        assertThat(c.call("LCS", "a", "b", "LEN")).isEqualTo(6L);
        assertThat(c.call("LCS", "a", "nokey")).isEqualTo("");
    }

    @Test
    void indexesLastMatchFirst() {
        c.call("MSET", "a", "ohmytext", "b", "mynewtext");
        assertThat(c.call("LCS", "a", "b", "IDX"))
                .isEqualTo(List.of(
                        "matches",
                        List.of(List.of(List.of(4L, 7L), List.of(5L, 8L)), List.of(List.of(2L, 3L), List.of(0L, 1L))),
                        "len",
                        6L));
        assertThat(c.call("LCS", "a", "b", "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN"))
                .isEqualTo(List.of("matches", List.of(List.of(List.of(4L, 7L), List.of(5L, 8L), 4L)), "len", 6L));
    }

    @Test
    void errors() {
        c.call("SET", "a", "x");
        assertThat(c.call("LCS", "a", "b", "LEN", "IDX"))
                .isEqualTo(new Err("ERR If you want both the length and indexes, please just use IDX."));
        assertThat(c.call("LCS", "a", "b", "MINMATCHLEN")).isEqualTo(SYNTAX);
        assertThat(c.call("LCS", "a", "b", "MINMATCHLEN", "x")).isEqualTo(NOT_INTEGER);
        assertThat(c.call("LCS", "a", "b", "FOO")).isEqualTo(SYNTAX);
        otherType("h");
        assertThat(c.call("LCS", "a", "h", "FOO"))
                .isEqualTo(new Err("ERR The specified keys must contain string values"));
    }

    @Test
    void theTableIsBoundedByProtoMaxBulkLen() {
        c.call("SETRANGE", "a", "12000", "x");
        c.call("SETRANGE", "b", "12000", "y");
        assertThat(c.call("LCS", "a", "b", "LEN"))
                .isEqualTo(new Err("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len"));
    }
}
