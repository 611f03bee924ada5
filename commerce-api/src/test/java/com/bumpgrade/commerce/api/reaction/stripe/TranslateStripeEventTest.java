package com.bumpgrade.commerce.api.reaction.stripe;

import com.bumpgrade.commerce.api.entitlement.EntitlementProperties;
import com.bumpgrade.commerce.api.reaction.InMemoryStripeReferences;
import com.bumpgrade.commerce.api.reaction.RecordingCommands;
import com.bumpgrade.commerce.api.stripe.StripeReferenceVault.Kind;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.domain.checkout.PaymentNotYetRecorded;
import com.bumpgrade.commerce.domain.checkout.RecordCheckoutRefund;
import com.bumpgrade.commerce.domain.checkout.StripeOutcome;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.webhook.AttributeStripeEvent;
import com.bumpgrade.commerce.domain.webhook.ConcludeStripeEvent;
import com.bumpgrade.commerce.domain.webhook.EvidenceOutcome;
import com.bumpgrade.commerce.domain.webhook.StripeEventReceived;
import com.bumpgrade.commerce.domain.webhook.Verification;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.CHECKOUT;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.CLOCK;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.CREATED;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.DEMO;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.EVIDENCE;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.INTENT;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The router with its real handlers, on fakes: the event's type picks the handler, the evidence is concluded. */
class TranslateStripeEventTest {
    private final Map<WebhookEvidenceId, String> payloads = new HashMap<>();
    private final InMemoryStripeReferences references = new InMemoryStripeReferences();
    private final StripeFakes.FakeStripeLookups stripe = new StripeFakes.FakeStripeLookups();
    private final RecordingCommands commands = new RecordingCommands();
    private final TranslateStripeEvent router = new TranslateStripeEvent(
            id -> Optional.ofNullable(payloads.get(id)),
            new RecordCheckoutSessionOutcome(references, StripeFakes.owners(), stripe, commands),
            new RecordChargeRefundsAndDisputes(references, stripe, StripeFakes.owners(), commands),
            new RecordSubscriptionAccess(references, stripe, StripeFakes.owners(), commands,
                    new EntitlementProperties(Duration.ofDays(7), Duration.ofMinutes(1), Duration.ofMinutes(5)),
                    CLOCK),
            commands, CLOCK);

    private static StripeEventReceived received(String type, Verification verification) {
        return new StripeEventReceived(EVIDENCE, type, false, "2026-04-22.dahlia", CREATED, NOW, "sha", verification);
    }

    private StripeEventReceived delivered(String type, ObjectNode object) {
        payloads.put(EVIDENCE, StripeEvents.event(StripeEvents.newEventId(), type, object));
        return received(type, Verification.VERIFIED);
    }

    private static ConcludeStripeEvent concluded(EvidenceOutcome outcome, String reason) {
        return new ConcludeStripeEvent(EVIDENCE, outcome, reason, null, null, null, NOW);
    }

    @Test
    void anUnverifiedEventIsConcludedIgnoredWithoutReadingItsPayload() {
        router.on(received("charge.refunded", Verification.UNVERIFIED));

        assertThat(commands.sent()).containsExactly(concluded(EvidenceOutcome.IGNORED, "unverified"));
    }

    @Test
    void aTypeNoHandlerTakesIsConcludedIgnored() {
        router.on(delivered("customer.created", JsonNodeFactory.instance.objectNode().put("object", "customer")));

        assertThat(commands.sent()).containsExactly(concluded(EvidenceOutcome.IGNORED, "unhandled_type"));
    }

    @Test
    void aRefundGoesToTheChargeHandlerAndTheEvidenceNamesTheCheckoutAndItsOwner() {
        references.put(INTENT, Kind.PAYMENT_INTENT, "pi_1");
        commands.answer(RecordCheckoutRefund.class, c -> new StripeOutcome(DEMO, StripeOutcome.Result.APPLIED,
                "refund_recorded"));

        router.on(delivered("charge.refunded", StripeEvents.charge("pi_1", 900, 900, true)));

        assertThat(commands.sent()).containsExactly(
                new RecordCheckoutRefund(CHECKOUT, EVIDENCE, Money.of(900, "usd"), true, CREATED),
                new ConcludeStripeEvent(EVIDENCE, EvidenceOutcome.PROCESSED, "refund_recorded", DEMO,
                        "checkout_intent", INTENT, NOW));
    }

    @Test
    void anUnmatchedSessionIsConcludedUnmatched() {
        ObjectNode session = StripeEvents.fixture("checkout.session").put("id", "cs_not_ours");

        router.on(delivered("checkout.session.completed", session));

        assertThat(commands.sent()).containsExactly(concluded(EvidenceOutcome.UNMATCHED,
                "unknown_checkout_session"));
    }

    @Test
    void aRefundBeforeItsPaymentNamesTheOwnerThenFailsSoItIsRetried() {
        stripe.paymentIntentCheckouts.put("pi_early", INTENT);
        PaymentNotYetRecorded early = new PaymentNotYetRecorded(CHECKOUT, DEMO);
        commands.refuse(RecordCheckoutRefund.class, early);

        assertThatThrownBy(() -> router.on(delivered("charge.refunded", StripeEvents.charge("pi_early", 900, 900,
                true)))).isSameAs(early);

        assertThat(commands.sent()).containsExactly(
                new RecordCheckoutRefund(CHECKOUT, EVIDENCE, Money.of(900, "usd"), true, CREATED),
                new AttributeStripeEvent(EVIDENCE, DEMO, "checkout_intent", INTENT, NOW));
    }

    @Test
    void aVerifiedEventWithoutItsPrivateDeliveryFailsAndConcludesNothing() {
        assertThatThrownBy(() -> router.on(received("charge.refunded", Verification.VERIFIED)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(commands.sent()).isEmpty();
    }
}
