package dev.petrel.amqp.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PermissionTest {
    @Test
    void dotStarAllowsEverything() {
        Permission all = new Permission(".*", ".*", ".*");
        assertThat(all.canConfigure("q")).isTrue();
        assertThat(all.canWrite("amq.default")).isTrue();
        assertThat(all.canRead("")).isTrue();
    }

    @Test
    void emptyExpressionMatchesNothingNotEvenTheEmptyName() {
        Permission none = new Permission("", "", "");
        assertThat(none.canConfigure("q")).isFalse();
        assertThat(none.canWrite("")).isFalse();
        assertThat(none.canRead("amq.default")).isFalse();
    }

    @Test
    void caretDollarMatchesOnlyTheEmptyName() {
        Permission p = new Permission("^$", "^$", "^$");
        assertThat(p.canConfigure("q")).isFalse();
        assertThat(p.canWrite("amq.default")).isFalse();
        assertThat(p.canRead("")).isTrue();
    }

    @Test
    void anUnanchoredExpressionMatchesAnywhereInTheName() {
        Permission p = new Permission("alice", "^alice-", "^(amq\\.gen.*|amq\\.default)$");
        assertThat(p.canConfigure("alice")).isTrue();
        assertThat(p.canConfigure("queue-of-alice-x")).isTrue();
        assertThat(p.canConfigure("bob")).isFalse();
        assertThat(p.canWrite("alice-q")).isTrue();
        assertThat(p.canWrite("x-alice-q")).isFalse();
        assertThat(p.canRead("amq.gen-abc")).isTrue();
        assertThat(p.canRead("amq.default")).isTrue();
        assertThat(p.canRead("amq.defaultx")).isFalse();
        assertThat(p.canRead("amq.direct")).isFalse();
    }

    @Test
    void theDefaultExchangeIsCheckedAsAmqDefault() {
        assertThat(Permission.exchangeResource("")).isEqualTo("amq.default");
        assertThat(Permission.exchangeResource("logs")).isEqualTo("logs");
        Permission p = new Permission("", "^amq\\.default$", "");
        assertThat(p.canWrite(Permission.exchangeResource(""))).isTrue();
    }

    @Test
    void anInvalidExpressionIsRefused() {
        assertThatThrownBy(() -> new Permission("(", ".*", ".*"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(");
    }

    @Test
    void equalityIsByTheThreeExpressions() {
        assertThat(new Permission("a", "b", "c"))
                .isEqualTo(new Permission("a", "b", "c"))
                .hasSameHashCodeAs(new Permission("a", "b", "c"))
                .isNotEqualTo(new Permission("a", "b", ""));
    }
}
