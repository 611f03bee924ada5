package com.bumpgrade.commerce.domain.shared;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaleStatePolicyTest {

    private static void assertStale(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(BillingRuleViolation.class)
                .extracting(e -> ((BillingRuleViolation) e).code())
                .isEqualTo("stale_version");
    }

    @Test
    void currentVersionPasses() {
        assertThatCode(() -> StaleStatePolicy.requireCurrent(3L, 3L)).doesNotThrowAnyException();
        assertThatCode(() -> StaleStatePolicy.requireCurrent(0L, 0L)).doesNotThrowAnyException();
    }

    @Test
    void equalVersionsPassEvenAsDistinctLongInstances() {
        // beyond the Long cache: identity comparison would fail here
        assertThatCode(() -> StaleStatePolicy.requireCurrent(Long.valueOf(1_000L), Long.valueOf(1_000L)))
                .doesNotThrowAnyException();
    }

    @Test
    void olderVersionIsStale() {
        assertStale(() -> StaleStatePolicy.requireCurrent(2L, 3L));
    }

    @Test
    void futureVersionIsStale() {
        assertStale(() -> StaleStatePolicy.requireCurrent(4L, 3L));
    }

    @Test
    void missingExpectedVersionIsStale() {
        assertStale(() -> StaleStatePolicy.requireCurrent(null, 3L));
    }

    @Test
    void messageNamesBothVersions() {
        assertThatThrownBy(() -> StaleStatePolicy.requireCurrent(2L, 3L))
                .hasMessage("The record is at version 3, not 2; read it again.");
    }
}
