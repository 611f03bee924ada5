package com.bumpgrade.commerce.domain.referral;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which stored referral click may be attached to a checkout. */
class AttributionPolicyTest {

    /** A fixed clock value: every timestamp in these tests is derived from it. */
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);
    private static final Instant WINDOW_EDGE = NOW.minus(WINDOW);

    private static final PublisherId PUBLISHER = PublisherId.of("pub_acme");
    private static final PublisherId OTHER_PUBLISHER = PublisherId.of("pub_other");
    private static final String CHECKOUT = "chk_00000000000000000000000000000001";
    private static final String OTHER_CHECKOUT = "chk_00000000000000000000000000000002";

    private static AttributionPolicy.StoredClick click(PublisherId publisher, Instant clickedAt, String consumedBy) {
        return new AttributionPolicy.StoredClick(publisher, clickedAt, consumedBy);
    }

    private static void attach(AttributionPolicy.StoredClick click) {
        AttributionPolicy.requireAttachable(click, PUBLISHER, NOW, WINDOW, CHECKOUT);
    }

    private static BillingRuleViolation refusal(ThrowingCallable call) {
        BillingRuleViolation violation = catchThrowableOfType(BillingRuleViolation.class, call);
        assertThat(violation).as("a BillingRuleViolation").isNotNull();
        return violation;
    }

    @Test
    void freshUnusedClickOfThePublisherIsAttachable() {
        assertThatCode(() -> attach(click(PUBLISHER, NOW.minus(Duration.ofHours(1)), null)))
                .doesNotThrowAnyException();
    }

    @Test
    void clickMadeJustNowIsAttachable() {
        assertThatCode(() -> attach(click(PUBLISHER, NOW, null))).doesNotThrowAnyException();
    }

    @Test
    void unknownClickIsRefused() {
        assertThat(refusal(() -> attach(null)).code()).isEqualTo("unknown_referral_click");
    }

    @Test
    void anotherPublishersClickIsRefusedAsUnknown() {
        assertThat(refusal(() -> attach(click(OTHER_PUBLISHER, NOW.minus(Duration.ofHours(1)), null))).code())
                .isEqualTo("unknown_referral_click");
    }

    @Test
    void anotherPublishersClickAnswersExactlyLikeAnUnknownOne() {
        BillingRuleViolation unknown = refusal(() -> attach(null));
        BillingRuleViolation foreign = refusal(() -> attach(click(OTHER_PUBLISHER, NOW, null)));

        assertThat(foreign.code()).isEqualTo(unknown.code());
        assertThat(foreign.getMessage()).isEqualTo(unknown.getMessage());
    }

    @Test
    void anotherPublishersExpiredClickIsStillRefusedAsUnknown() {
        assertThat(refusal(() -> attach(click(OTHER_PUBLISHER, WINDOW_EDGE.minusSeconds(1), null))).code())
                .isEqualTo("unknown_referral_click");
    }

    @Test
    void anotherPublishersUsedClickIsStillRefusedAsUnknown() {
        assertThat(refusal(() -> attach(click(OTHER_PUBLISHER, NOW, OTHER_CHECKOUT))).code())
                .isEqualTo("unknown_referral_click");
    }

    @Test
    void clickOlderThanTheWindowHasExpired() {
        BillingRuleViolation violation = refusal(() -> attach(click(PUBLISHER, WINDOW_EDGE.minusSeconds(1), null)));

        assertThat(violation.code()).isEqualTo("referral_click_expired");
        assertThat(violation.getMessage()).contains("30 days");
    }

    @Test
    void clickOneNanosecondOlderThanTheWindowHasExpired() {
        assertThat(refusal(() -> attach(click(PUBLISHER, WINDOW_EDGE.minusNanos(1), null))).code())
                .isEqualTo("referral_click_expired");
    }

    @Test
    void clickExactlyAtTheWindowEdgeIsStillAttachable() {
        assertThatCode(() -> attach(click(PUBLISHER, WINDOW_EDGE, null))).doesNotThrowAnyException();
    }

    @Test
    void clickJustInsideTheWindowIsAttachable() {
        assertThatCode(() -> attach(click(PUBLISHER, WINDOW_EDGE.plusSeconds(1), null))).doesNotThrowAnyException();
    }

    @Test
    void clickUsedByAnotherCheckoutIsRefused() {
        assertThat(refusal(() -> attach(click(PUBLISHER, NOW.minus(Duration.ofHours(1)), OTHER_CHECKOUT))).code())
                .isEqualTo("referral_click_used");
    }

    @Test
    void clickUsedByTheSameCheckoutIsAttachableAgain() {
        assertThatCode(() -> attach(click(PUBLISHER, NOW.minus(Duration.ofHours(1)), CHECKOUT)))
                .doesNotThrowAnyException();
    }

    @Test
    void clickUsedByTheSameCheckoutStillExpires() {
        assertThat(refusal(() -> attach(click(PUBLISHER, WINDOW_EDGE.minusSeconds(1), CHECKOUT))).code())
                .isEqualTo("referral_click_expired");
    }

    @Test
    void expiryIsReportedBeforeUse() {
        assertThat(refusal(() -> attach(click(PUBLISHER, WINDOW_EDGE.minusSeconds(1), OTHER_CHECKOUT))).code())
                .isEqualTo("referral_click_expired");
    }

    @Test
    void theWindowIsTheOneGiven() {
        AttributionPolicy.StoredClick tenDaysOld = click(PUBLISHER, NOW.minus(Duration.ofDays(10)), null);

        assertThatCode(() -> AttributionPolicy.requireAttachable(tenDaysOld, PUBLISHER, NOW, Duration.ofDays(10),
                CHECKOUT)).doesNotThrowAnyException();
        BillingRuleViolation violation = refusal(() -> AttributionPolicy.requireAttachable(tenDaysOld, PUBLISHER,
                NOW, Duration.ofDays(7), CHECKOUT));
        assertThat(violation.code()).isEqualTo("referral_click_expired");
        assertThat(violation.getMessage()).contains("7 days");
    }
}
