package com.bumpgrade.commerce.domain.entitlement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Stripe Billing subscription status, and where the clock stands against the grace period, to access. */
class SubscriptionAccessPolicyTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    /** A grace period that ends one second from now: still within it. */
    private static final Instant GRACE_ENDS_LATER = NOW.plusSeconds(1);
    /** A grace period that ends exactly now: over. */
    private static final Instant GRACE_ENDS_NOW = NOW;
    /** A grace period that ended a day ago. */
    private static final Instant GRACE_ENDED = NOW.minus(Duration.ofDays(1));

    @ParameterizedTest(name = "{0}: within grace {1}, at its end {2}, after it {3}, no grace {4}")
    @CsvSource({
            // status,          within grace, at grace end, after grace, no grace
            "active,             ACTIVE,       ACTIVE,       ACTIVE,      ACTIVE",
            "trialing,           ACTIVE,       ACTIVE,       ACTIVE,      ACTIVE",
            "incomplete,         PENDING,      PENDING,      PENDING,     PENDING",
            "past_due,           GRACE,        SUSPENDED,    SUSPENDED,   SUSPENDED",
            "unpaid,             SUSPENDED,    SUSPENDED,    SUSPENDED,   SUSPENDED",
            "paused,             SUSPENDED,    SUSPENDED,    SUSPENDED,   SUSPENDED",
            "canceled,           ENDED,        ENDED,        ENDED,       ENDED",
            "incomplete_expired, ENDED,        ENDED,        ENDED,       ENDED",
            "some_future_status, SUSPENDED,    SUSPENDED,    SUSPENDED,   SUSPENDED"})
    void statusAndGraceToAccess(String status, Access withinGrace, Access atGraceEnd, Access afterGrace,
                                Access noGrace) {
        assertThat(SubscriptionAccessPolicy.accessFor(status, GRACE_ENDS_LATER, NOW)).isEqualTo(withinGrace);
        assertThat(SubscriptionAccessPolicy.accessFor(status, GRACE_ENDS_NOW, NOW)).isEqualTo(atGraceEnd);
        assertThat(SubscriptionAccessPolicy.accessFor(status, GRACE_ENDED, NOW)).isEqualTo(afterGrace);
        assertThat(SubscriptionAccessPolicy.accessFor(status, null, NOW)).isEqualTo(noGrace);
    }

    @Test
    void pastDueKeepsAccessUntilTheLastInstantOfGrace() {
        Instant graceUntil = NOW.plus(Duration.ofDays(3));

        assertThat(SubscriptionAccessPolicy.accessFor("past_due", graceUntil, graceUntil.minusNanos(1)))
                .isEqualTo(Access.GRACE);
        assertThat(SubscriptionAccessPolicy.accessFor("past_due", graceUntil, graceUntil))
                .isEqualTo(Access.SUSPENDED);
        assertThat(SubscriptionAccessPolicy.accessFor("past_due", graceUntil, graceUntil.plusNanos(1)))
                .isEqualTo(Access.SUSPENDED);
    }

    @ParameterizedTest(name = "\"{0}\" is not understood: suspended")
    @NullAndEmptySource
    @ValueSource(strings = {"ACTIVE", "Active", " active", "active ", "Trialing", "PAST_DUE", "past-due",
            "cancelled", "ended", "pending", "grace"})
    void statusNotUnderstoodNeverGrantsAccess(String status) {
        assertThat(SubscriptionAccessPolicy.accessFor(status, GRACE_ENDS_LATER, NOW)).isEqualTo(Access.SUSPENDED);
        assertThat(SubscriptionAccessPolicy.accessFor(status, null, NOW)).isEqualTo(Access.SUSPENDED);
    }

    @Test
    void publicNamesAreLowerCase() {
        assertThat(Access.ACTIVE.publicName()).isEqualTo("active");
        assertThat(Access.PENDING.publicName()).isEqualTo("pending");
        assertThat(Access.GRACE.publicName()).isEqualTo("grace");
        assertThat(Access.SUSPENDED.publicName()).isEqualTo("suspended");
        assertThat(Access.ENDED.publicName()).isEqualTo("ended");
    }
}
