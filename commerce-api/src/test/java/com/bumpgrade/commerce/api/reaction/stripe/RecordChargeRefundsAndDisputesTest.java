package com.bumpgrade.commerce.api.reaction.stripe;

import com.bumpgrade.commerce.api.reaction.InMemoryStripeReferences;
import com.bumpgrade.commerce.api.reaction.RecordingCommands;
import com.bumpgrade.commerce.api.stripe.StripeReferenceVault.Kind;
import com.bumpgrade.commerce.domain.shared.DisputePhase;
import com.bumpgrade.commerce.domain.checkout.PaymentNotYetRecorded;
import com.bumpgrade.commerce.domain.checkout.RecordCheckoutDispute;
import com.bumpgrade.commerce.domain.checkout.RecordCheckoutRefund;
import com.bumpgrade.commerce.domain.checkout.StripeOutcome;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.webhook.EvidenceOutcome;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import org.junit.jupiter.api.Test;

import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.CHECKOUT;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.CREATED;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.DEMO;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.EVIDENCE;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.INTENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordChargeRefundsAndDisputesTest {
    private static final StripeOutcome APPLIED = new StripeOutcome(DEMO, StripeOutcome.Result.APPLIED, "recorded");

    private final InMemoryStripeReferences references = new InMemoryStripeReferences();
    private final StripeFakes.FakeStripeLookups stripe = new StripeFakes.FakeStripeLookups();
    private final RecordingCommands commands = new RecordingCommands();
    private final RecordChargeRefundsAndDisputes handler =
            new RecordChargeRefundsAndDisputes(references, stripe, StripeFakes.owners(), commands);

    private static Charge charge(String paymentIntent, Long refunded, boolean full) {
        Charge charge = new Charge();
        charge.setPaymentIntent(paymentIntent);
        charge.setAmountRefunded(refunded);
        charge.setCurrency("usd");
        charge.setRefunded(full);
        return charge;
    }

    private static Dispute dispute(String id, String paymentIntent) {
        Dispute dispute = new Dispute();
        dispute.setId(id);
        dispute.setPaymentIntent(paymentIntent);
        dispute.setStatus("needs_response");
        dispute.setAmount(900L);
        dispute.setCurrency("usd");
        return dispute;
    }

    @Test
    void aRefundOfALinkedPaymentIsRecordedOnItsCheckout() {
        references.put(INTENT, Kind.PAYMENT_INTENT, "pi_1");
        commands.answer(RecordCheckoutRefund.class, c -> APPLIED);

        StripeConclusion conclusion = handler.refunded(EVIDENCE, charge("pi_1", 300L, false), CREATED);

        assertThat(commands.sent()).containsExactly(new RecordCheckoutRefund(CHECKOUT, EVIDENCE, Money.of(300, "usd"),
                false, CREATED));
        assertThat(conclusion).isEqualTo(new StripeConclusion(EvidenceOutcome.PROCESSED, "recorded", DEMO, INTENT));
    }

    @Test
    void aRefundArrivingBeforeThePaymentFindsItsCheckoutInStripeMetadataAndFailsWithTheDomain() {
        stripe.paymentIntentCheckouts.put("pi_early", INTENT);
        commands.refuse(RecordCheckoutRefund.class, new PaymentNotYetRecorded(CHECKOUT, DEMO));

        assertThatThrownBy(() -> handler.refunded(EVIDENCE, charge("pi_early", 900L, true), CREATED))
                .isInstanceOf(PaymentNotYetRecorded.class);
        assertThat(commands.sent()).containsExactly(new RecordCheckoutRefund(CHECKOUT, EVIDENCE,
                Money.of(900, "usd"), true, CREATED));
    }

    @Test
    void aRefundOfASubscriptionsInvoicePaymentIsMatchedToTheIntentThatSoldTheSubscription() {
        references.put(INTENT, Kind.SUBSCRIPTION, "sub_1");
        stripe.invoicePaymentSubscriptions.put("pi_invoice", "sub_1");
        commands.answer(RecordCheckoutRefund.class, c -> APPLIED);

        StripeConclusion conclusion = handler.refunded(EVIDENCE, charge("pi_invoice", 1500L, true), CREATED);

        assertThat(commands.sent()).containsExactly(new RecordCheckoutRefund(CHECKOUT, EVIDENCE,
                Money.of(1500, "usd"), true, CREATED));
        assertThat(conclusion.outcome()).isEqualTo(EvidenceOutcome.PROCESSED);
    }

    @Test
    void aSubscriptionPaymentIsMatchedByTheSubscriptionsMetadataBeforeItsSessionLinkedIt() {
        stripe.invoicePaymentSubscriptions.put("pi_invoice", "sub_2");
        stripe.subscriptions.put("sub_2", new com.bumpgrade.commerce.api.stripe.StripeLookups.SubscriptionState(
                "active", CREATED, java.util.Map.of("bumpgrade_checkout_intent_id", INTENT)));
        commands.answer(RecordCheckoutDispute.class, c -> APPLIED);

        handler.disputed(EVIDENCE, dispute("dp_1", "pi_invoice"), "charge.dispute.created", CREATED);

        assertThat(commands.sent()).hasSize(1);
    }

    @Test
    void aPaymentThatIsNotBumpgradesIsUnmatched() {
        stripe.paymentIntentCheckouts.put("pi_forged", "not-a-checkout-id");

        assertThat(handler.refunded(EVIDENCE, charge("pi_other", 300L, false), CREATED))
                .isEqualTo(StripeConclusion.of(EvidenceOutcome.UNMATCHED, "unknown_payment"));
        assertThat(handler.refunded(EVIDENCE, charge("pi_forged", 300L, false), CREATED).outcome())
                .isEqualTo(EvidenceOutcome.UNMATCHED);
        assertThat(handler.disputed(EVIDENCE, dispute("dp_1", null), "charge.dispute.created", CREATED).outcome())
                .isEqualTo(EvidenceOutcome.UNMATCHED);
        assertThat(commands.sent()).isEmpty();
    }

    @Test
    void aRefundWithoutAmountIsRejected() {
        references.put(INTENT, Kind.PAYMENT_INTENT, "pi_1");

        assertThat(handler.refunded(EVIDENCE, charge("pi_1", null, false), CREATED))
                .isEqualTo(new StripeConclusion(EvidenceOutcome.REJECTED, "amount_missing", DEMO, INTENT));
        assertThat(commands.sent()).isEmpty();
    }

    @Test
    void aDisputeIsRecordedUnderABumpgradeReferenceWhoseStripeIdStaysPrivate() {
        references.put(INTENT, Kind.PAYMENT_INTENT, "pi_1");
        commands.answer(RecordCheckoutDispute.class, c -> APPLIED);
        String ref = RecordChargeRefundsAndDisputes.disputeRef("dp_1");

        handler.disputed(EVIDENCE, dispute("dp_1", "pi_1"), "charge.dispute.created", CREATED);
        handler.disputed(EVIDENCE, dispute("dp_1", "pi_1"), "charge.dispute.closed", CREATED);

        Money amount = Money.of(900, "usd");
        assertThat(commands.sent()).containsExactly(
                new RecordCheckoutDispute(CHECKOUT, EVIDENCE, ref, DisputePhase.OPENED, "needs_response", amount,
                        CREATED),
                new RecordCheckoutDispute(CHECKOUT, EVIDENCE, ref, DisputePhase.CLOSED, "needs_response", amount,
                        CREATED));
        assertThat(ref).doesNotContain("dp_1");
        assertThat(references.find(ref, Kind.DISPUTE)).contains("dp_1");
    }
}
