package dev.petrel.amqp.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessControlTest {
    private static final String REFUSED_PLAIN =
            "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.";

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void defaultsAreAFreshRabbitmqs() throws Exception {
        AccessControl access = AccessControl.withDefaults();
        assertThat(access.vhosts()).containsExactly("/");
        assertThat(access.loopbackUsers()).containsExactly("guest");
        User guest = access.authenticate("guest", "guest", ip("127.0.0.1"));
        assertThat(guest.tags()).containsExactly("administrator");
        assertThat(guest.algorithm()).isEqualTo(HashingAlgorithm.SHA256);
        assertThat(access.permission("guest", "/")).isEqualTo(new Permission(".*", ".*", ".*"));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameVagueReply() {
        AccessControl access = AccessControl.withDefaults();
        assertThatThrownBy(() -> access.authenticate("guest", "wrong", ip("127.0.0.1")))
                .isInstanceOfSatisfying(AuthFailure.class, f -> {
                    assertThat(f.getMessage()).isEqualTo(REFUSED_PLAIN);
                    assertThat(f.replyCode()).isEqualTo(403);
                    assertThat(f.detail()).isEqualTo("PLAIN login refused: user 'guest' - invalid credentials");
                });
        assertThatThrownBy(() -> access.authenticate("nobody", "guest", ip("127.0.0.1")))
                .hasMessage(REFUSED_PLAIN);
    }

    @Test
    void theReplyNamesTheMechanismUsed() {
        AccessControl access = AccessControl.withDefaults();
        assertThatThrownBy(() -> access.authenticate("AMQPLAIN", "guest", "bad", ip("::1")))
                .hasMessage("ACCESS_REFUSED - Login was refused using authentication mechanism AMQPLAIN."
                        + " For details see the broker logfile.");
    }

    @Test
    void loopbackOnlyGuestIsRefusedFromElsewhere() throws Exception {
        AccessControl access = AccessControl.withDefaults();
        assertThat(access.authenticate("guest", "guest", ip("::1")).name()).isEqualTo("guest");
        assertThat(access.authenticate("guest", "guest", ip("127.1.2.3")).name())
                .isEqualTo("guest");
        assertThatThrownBy(() -> access.authenticate("guest", "guest", ip("192.168.1.7")))
                .isInstanceOfSatisfying(AuthFailure.class, f -> {
                    assertThat(f.getMessage()).isEqualTo(REFUSED_PLAIN);
                    assertThat(f.detail())
                            .isEqualTo("PLAIN login refused: user 'guest' can only connect via localhost");
                });
        assertThatThrownBy(() -> access.authenticate("guest", "guest", null)).isInstanceOf(AuthFailure.class);

        access.setLoopbackUsers(Set.of());
        assertThat(access.authenticate("guest", "guest", ip("192.168.1.7")).name())
                .isEqualTo("guest");
    }

    @Test
    void otherUsersMayConnectFromAnywhere() throws Exception {
        AccessControl access = AccessControl.withDefaults();
        access.addUser("app", "pw", "monitoring", "policymaker");
        User app = access.authenticate("app", "pw", ip("10.0.0.1"));
        assertThat(app.tags()).containsExactly("monitoring", "policymaker");
    }

    @Test
    void addingAnExistingUserReplacesItsPasswordButKeepsItsPermissions() throws Exception {
        AccessControl access = AccessControl.withDefaults();
        access.addUser("guest", "n3w", "administrator");
        assertThatThrownBy(() -> access.authenticate("guest", "guest", ip("127.0.0.1")))
                .isInstanceOf(AuthFailure.class);
        assertThat(access.authenticate("guest", "n3w", ip("127.0.0.1")).name()).isEqualTo("guest");
        assertThat(access.permission("guest", "/")).isNotNull();
    }

    @Test
    void aUserWithoutPasswordCannotLogIn() {
        AccessControl access = new AccessControl();
        access.addUserWithHash("svc", new byte[0], HashingAlgorithm.SHA256);
        assertThatThrownBy(() -> access.authenticate("svc", "", ip("127.0.0.1")))
                .isInstanceOf(AuthFailure.class);
    }

    @Test
    void vhostAccessNeedsAnExistingVhostAndAPermissionThere() throws Exception {
        AccessControl access = AccessControl.withDefaults();
        access.addUser("alice", "s3cret");
        access.addVhost("dev");
        access.setPermissions("alice", "dev", "^alice-.*", ".*", "^$");

        access.checkVhostAccess("alice", "dev");
        assertThatThrownBy(() -> access.checkVhostAccess("alice", "/")).isInstanceOfSatisfying(AuthFailure.class, f -> {
            assertThat(f.getMessage()).isEqualTo("NOT_ALLOWED - access to vhost '/' refused for user 'alice'");
            assertThat(f.replyCode()).isEqualTo(530);
        });
        assertThatThrownBy(() -> access.checkVhostAccess("alice", "nope"))
                .hasMessage("NOT_ALLOWED - vhost nope not found");
        assertThat(access.vhostExists("nope")).isFalse();
        assertThat(access.permission("alice", "nope")).isNull();
    }

    @Test
    void permissionsNeedAKnownUserAndVhost() {
        AccessControl access = AccessControl.withDefaults();
        assertThatThrownBy(() -> access.setPermissions("nobody", "/", ".*", ".*", ".*"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nobody");
        assertThatThrownBy(() -> access.setPermissions("guest", "nope", ".*", ".*", ".*"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void deletingAVhostOrUserTakesItsPermissionsAlong() {
        AccessControl access = AccessControl.withDefaults();
        access.addVhost("dev");
        access.setPermissions("guest", "dev", ".*", ".*", ".*");
        access.deleteVhost("dev");
        access.addVhost("dev");
        assertThat(access.permission("guest", "dev")).isNull();

        access.deleteUser("guest");
        access.addUser("guest", "guest");
        assertThat(access.permission("guest", "/")).isNull();
        assertThat(access.users()).containsExactly("guest");
    }

    @Test
    void clearPermissionsLeavesOtherVhostsAlone() {
        AccessControl access = AccessControl.withDefaults();
        access.addVhost("dev");
        access.setPermissions("guest", "dev", "", "", "");
        access.clearPermissions("guest", "/");
        assertThat(access.permission("guest", "/")).isNull();
        assertThat(access.permission("guest", "dev")).isEqualTo(new Permission("", "", ""));
    }

    @Test
    void resourceRefusalTextIsRabbitmqs() {
        assertThat(AccessControl.accessRefused("queue", "bob", "dev", "alice"))
                .isEqualTo("ACCESS_REFUSED - access to queue 'bob' in vhost 'dev' refused for user 'alice'");
    }
}
