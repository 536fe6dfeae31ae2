package dev.petrel.amqp.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HashingAlgorithmTest {
    /** Exported by RabbitMQ 3.10.8 after {@code rabbitmqctl add_user alice s3cret}. */
    private static final String RABBITMQ_ALICE_S3CRET = "Ts6N2ezwXbkNZuf6kLJ60PT5hBx/ZATfgL4rySrmf6sSQABN";

    /** Same export, the default guest/guest. */
    private static final String RABBITMQ_GUEST_GUEST = "FjA1vq9ngJRdaqmqjgrUB6FD+oNSM1IpG9Iry1xHzcfqwt7f";

    @Test
    void aHashMadeByRabbitmqVerifies() {
        byte[] alice = Base64.getDecoder().decode(RABBITMQ_ALICE_S3CRET);
        assertThat(HashingAlgorithm.SHA256.matches(alice, "s3cret")).isTrue();
        assertThat(HashingAlgorithm.SHA256.matches(alice, "s3cret ")).isFalse();
        assertThat(HashingAlgorithm.SHA256.matches(alice, "S3cret")).isFalse();
        byte[] guest = Base64.getDecoder().decode(RABBITMQ_GUEST_GUEST);
        assertThat(HashingAlgorithm.SHA256.matches(guest, "guest")).isTrue();
    }

    @Test
    void md5AndSha512FollowTheSameSaltedLayout() {
        // salt 01 02 03 04, password "pässwörd", digests computed independently with Python's hashlib
        byte[] md5 = Base64.getDecoder().decode("AQIDBDjGPQbv9MJE+LLBfuYlBiU=");
        byte[] sha512 = Base64.getDecoder()
                .decode("AQIDBNsKKqE/zLqmj2um5nIC+jebR2ySQbuQzXrLMSmkg4mKDd/PAIfjnjdiMSRyz4CkQ6JvAlsEQlassV5DxRLXm0s=");
        assertThat(HashingAlgorithm.MD5.matches(md5, "pässwörd")).isTrue();
        assertThat(HashingAlgorithm.SHA512.matches(sha512, "pässwörd")).isTrue();
        assertThat(HashingAlgorithm.SHA256.matches(sha512, "pässwörd")).isFalse();
        assertThat(HashingAlgorithm.MD5.matches(md5, "passwörd")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(HashingAlgorithm.class)
    void namesRoundTrip(HashingAlgorithm alg) {
        assertThat(HashingAlgorithm.fromRabbitName(alg.rabbitName())).isSameAs(alg);
        assertThat(alg.rabbitName()).startsWith("rabbit_password_hashing_");
    }

    @Test
    void unknownNameIsRefused() {
        assertThatThrownBy(() -> HashingAlgorithm.fromRabbitName("rabbit_password_hashing_sha1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachHashHasAFreshSalt() {
        byte[] a = HashingAlgorithm.SHA256.hash("same");
        byte[] b = HashingAlgorithm.SHA256.hash("same");
        assertThat(a).hasSize(36).isNotEqualTo(b);
        assertThat(HashingAlgorithm.SHA256.matches(a, "same")).isTrue();
        assertThat(HashingAlgorithm.SHA256.matches(b, "same")).isTrue();
    }

    @Test
    void truncatedOrEmptyHashesMatchNothing() {
        byte[] full = HashingAlgorithm.SHA256.hash("");
        assertThat(HashingAlgorithm.SHA256.matches(full, "")).isTrue();
        assertThat(HashingAlgorithm.SHA256.matches(new byte[0], "")).isFalse();
        assertThat(HashingAlgorithm.SHA256.matches(Arrays.copyOf(full, 35), "")).isFalse();
        assertThat(HashingAlgorithm.SHA256.matches(null, "")).isFalse();
    }

    @Property(tries = 200)
    void roundTrips(@ForAll String password, @ForAll HashingAlgorithm alg) {
        byte[] hash = alg.hash(password);
        assertThat(alg.matches(hash, password)).isTrue();
        assertThat(alg.matches(hash, password + "x")).isFalse();
    }
}
