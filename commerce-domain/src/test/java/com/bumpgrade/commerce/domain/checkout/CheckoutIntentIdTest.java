package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CheckoutIntentIdTest {

    private static final PublisherId PUBLISHER = PublisherId.of("pub_acme");
    private static final ActorId ACTOR = ActorId.of("agent-7");
    private static final IdempotencyKey KEY = IdempotencyKey.of("idem-0001");

    @Test
    void derivationIsDeterministic() {
        assertThat(CheckoutIntentId.derive(PUBLISHER, ACTOR, KEY))
                .isEqualTo(CheckoutIntentId.derive(PublisherId.of("pub_acme"), ActorId.of("agent-7"),
                        IdempotencyKey.of("idem-0001")));
    }

    @Test
    void derivedIdIsWellFormed() {
        CheckoutIntentId id = CheckoutIntentId.derive(PUBLISHER, ACTOR, KEY);

        assertThat(id.value()).matches("chk_[0-9a-f]{32}");
        assertThat(CheckoutIntentId.isWellFormed(id.value())).isTrue();
        assertThat(CheckoutIntentId.of(id.value())).isEqualTo(id);
        assertThat(id).hasToString(id.value());
    }

    @Test
    void derivedIdDiffersPerPublisher() {
        assertThat(CheckoutIntentId.derive(PublisherId.of("pub_other"), ACTOR, KEY))
                .isNotEqualTo(CheckoutIntentId.derive(PUBLISHER, ACTOR, KEY));
    }

    @Test
    void derivedIdDiffersPerActor() {
        assertThat(CheckoutIntentId.derive(PUBLISHER, ActorId.of("agent-8"), KEY))
                .isNotEqualTo(CheckoutIntentId.derive(PUBLISHER, ACTOR, KEY));
    }

    @Test
    void derivedIdDiffersPerIdempotencyKey() {
        assertThat(CheckoutIntentId.derive(PUBLISHER, ACTOR, IdempotencyKey.of("idem-0002")))
                .isNotEqualTo(CheckoutIntentId.derive(PUBLISHER, ACTOR, KEY));
    }

    @Test
    void partsAreNotInterchangeable() {
        CheckoutIntentId id = CheckoutIntentId.derive(PublisherId.of("a"), ActorId.of("b"), IdempotencyKey.of("c"));

        assertThat(CheckoutIntentId.derive(PublisherId.of("b"), ActorId.of("a"), IdempotencyKey.of("c"))).isNotEqualTo(id);
        assertThat(CheckoutIntentId.derive(PublisherId.of("a"), ActorId.of("c"), IdempotencyKey.of("b"))).isNotEqualTo(id);
    }

    @Test
    void wellFormedIdsAreAccepted() {
        assertThat(CheckoutIntentId.of("chk_0123456789abcdef0123456789abcdef").value())
                .isEqualTo("chk_0123456789abcdef0123456789abcdef");
        assertThat(CheckoutIntentId.isWellFormed("chk_0123456789abcdef0123456789abcdef")).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "chk_0123456789abcdef0123456789abcde",    // 31 digits
            "chk_0123456789abcdef0123456789abcdef0",  // 33 digits
            "chk_0123456789ABCDEF0123456789ABCDEF",   // upper-case hex
            "chk_0123456789abcdef0123456789abcdeg",   // not hex
            "CHK_0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdef",
            "chk-0123456789abcdef0123456789abcdef",
            " chk_0123456789abcdef0123456789abcdef",
            "chk_0123456789abcdef0123456789abcdef\n",
            "cs_test_a1b2c3"})
    void malformedIdsAreRefused(String value) {
        assertThat(CheckoutIntentId.isWellFormed(value)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> CheckoutIntentId.of(value));
    }
}
