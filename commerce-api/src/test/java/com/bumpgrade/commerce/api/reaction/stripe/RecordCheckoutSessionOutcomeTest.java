package com.bumpgrade.commerce.api.reaction.stripe;

import com.bumpgrade.commerce.api.reaction.InMemoryStripeReferences;
import com.bumpgrade.commerce.api.reaction.RecordingCommands;
import com.bumpgrade.commerce.api.stripe.StripeLookups;
import com.bumpgrade.commerce.api.stripe.StripeReferenceVault.Kind;
import com.bumpgrade.commerce.domain.checkout.CheckoutMode;
import com.bumpgrade.commerce.domain.checkout.ConfirmCheckoutPayment;
import com.bumpgrade.commerce.domain.checkout.RecordCheckoutPaymentFailed;
import com.bumpgrade.commerce.domain.checkout.RecordCheckoutSessionExpired;
import com.bumpgrade.commerce.domain.checkout.StripeOutcome;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.webhook.EvidenceOutcome;
import com.stripe.model.checkout.Session;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.CHECKOUT;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.CREATED;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.DEMO;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.EVIDENCE;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.INTENT;
import static org.assertj.core.api.Assertions.assertThat;

class RecordCheckoutSessionOutcomeTest {
    private static final String COMPLETED = "checkout.session.completed";

    private final InMemoryStripeReferences references = new InMemoryStripeReferences();
    private final RecordingCommands commands = new RecordingCommands();
    private final StripeFakes.FakeStripeLookups stripe = new StripeFakes.FakeStripeLookups();
    private final RecordCheckoutSessionOutcome handler =
            new RecordCheckoutSessionOutcome(references, StripeFakes.owners(), stripe, commands);

    private Session bumpgradeSession() {
        references.put(INTENT, Kind.CHECKOUT_SESSION, "cs_test_1");
        return session("cs_test_1");
    }

    private static Session session(String id) {
        Session session = new Session();
        session.setId(id);
        session.setPaymentStatus("paid");
        session.setAmountTotal(900L);
        session.setCurrency("usd");
        session.setMode("payment");
        session.setLivemode(false);
        return session;
    }

    @Test
    void aPaidSessionLinksItsStripeObjectsAndConfirmsThePayment() {
        Session session = bumpgradeSession();
        session.setPaymentIntent("pi_1");
        session.setCustomer("cus_1");
        session.setSubscription("sub_1");
        session.setMode("subscription");
        commands.answer(ConfirmCheckoutPayment.class, c -> new StripeOutcome(DEMO, StripeOutcome.Result.APPLIED,
                "payment_confirmed"));

        StripeConclusion conclusion = handler.paid(EVIDENCE, session, COMPLETED, CREATED);

        assertThat(commands.sent()).containsExactly(new ConfirmCheckoutPayment(CHECKOUT, EVIDENCE,
                Money.of(900, "usd"), CheckoutMode.SUBSCRIPTION, false, CREATED));
        assertThat(conclusion).isEqualTo(new StripeConclusion(EvidenceOutcome.PROCESSED, "payment_confirmed", DEMO,
                INTENT));
        assertThat(references.find(INTENT, Kind.PAYMENT_INTENT)).contains("pi_1");
        assertThat(references.find(INTENT, Kind.CUSTOMER)).contains("cus_1");
        assertThat(references.find(INTENT, Kind.SUBSCRIPTION)).contains("sub_1");
    }

    @Test
    void aPaymentTheIntentAlreadyHasIsIgnored() {
        commands.answer(ConfirmCheckoutPayment.class, c -> new StripeOutcome(DEMO, StripeOutcome.Result.ALREADY,
                "already_paid"));

        StripeConclusion conclusion = handler.paid(EVIDENCE, bumpgradeSession(), COMPLETED, CREATED);

        assertThat(commands.sent()).hasSize(1);
        assertThat(conclusion.outcome()).isEqualTo(EvidenceOutcome.IGNORED);
    }

    @Test
    void aSessionBumpgradeDidNotCreateIsUnmatchedAndSendsNothing() {
        StripeConclusion conclusion = handler.paid(EVIDENCE, session("cs_someone_else"), COMPLETED, CREATED);

        assertThat(commands.sent()).isEmpty();
        assertThat(conclusion).isEqualTo(StripeConclusion.of(EvidenceOutcome.UNMATCHED, "unknown_checkout_session"));
        assertThat(handler.expired(EVIDENCE, session(null), CREATED).reason()).isEqualTo("unknown_checkout_session");
    }

    @Test
    void aCompletedSessionWithADelayedPaymentWaitsForTheAsyncOutcome() {
        Session session = bumpgradeSession();
        session.setPaymentStatus("unpaid");

        StripeConclusion conclusion = handler.paid(EVIDENCE, session, COMPLETED, CREATED);

        assertThat(commands.sent()).isEmpty();
        assertThat(conclusion).isEqualTo(new StripeConclusion(EvidenceOutcome.IGNORED, "payment_pending", DEMO,
                INTENT));
    }

    @Test
    void anAsyncSuccessOfAnUnpaidSessionStillConfirms() {
        Session session = bumpgradeSession();
        session.setPaymentStatus("unpaid");
        commands.answer(ConfirmCheckoutPayment.class, c -> new StripeOutcome(DEMO, StripeOutcome.Result.APPLIED,
                "payment_confirmed"));

        handler.paid(EVIDENCE, session, "checkout.session.async_payment_succeeded", CREATED);

        assertThat(commands.sent()).hasSize(1).first().isInstanceOf(ConfirmCheckoutPayment.class);
    }

    @Test
    void aPaidSessionWithoutAmountIsRejected() {
        Session session = bumpgradeSession();
        session.setAmountTotal(null);

        StripeConclusion conclusion = handler.paid(EVIDENCE, session, COMPLETED, CREATED);

        assertThat(commands.sent()).isEmpty();
        assertThat(conclusion).isEqualTo(new StripeConclusion(EvidenceOutcome.REJECTED, "amount_missing", DEMO,
                INTENT));
    }

    @Test
    void failedAndExpiredSessionsAreRecordedOnTheirIntent() {
        Session session = bumpgradeSession();
        commands.answer(RecordCheckoutPaymentFailed.class, c -> new StripeOutcome(DEMO, StripeOutcome.Result.APPLIED,
                "payment_failed"));
        commands.answer(RecordCheckoutSessionExpired.class, c -> new StripeOutcome(DEMO, StripeOutcome.Result.STALE,
                "already_final"));

        StripeConclusion failed = handler.failed(EVIDENCE, session, CREATED);
        StripeConclusion expired = handler.expired(EVIDENCE, session, CREATED);

        assertThat(commands.sent()).containsExactly(new RecordCheckoutPaymentFailed(CHECKOUT, EVIDENCE, CREATED),
                new RecordCheckoutSessionExpired(CHECKOUT, EVIDENCE, CREATED));
        assertThat(failed).isEqualTo(new StripeConclusion(EvidenceOutcome.PROCESSED, "payment_failed", DEMO, INTENT));
        assertThat(expired.outcome()).isEqualTo(EvidenceOutcome.IGNORED);
    }

    /** A buyer-choice session: it offered one optional item, the Stripe Price Bumpgrade mapped for the templates. */
    private Session offeringTheTemplates() {
        Session session = bumpgradeSession();
        Session.OptionalItem item = new Session.OptionalItem();
        item.setPrice("price_templates");
        item.setQuantity(1L);
        session.setOptionalItems(List.of(item));
        references.put("pri_templates", Kind.PRICE, "price_templates");
        commands.answer(ConfirmCheckoutPayment.class, c -> new StripeOutcome(DEMO, StripeOutcome.Result.APPLIED,
                "paid"));
        return session;
    }

    @Test
    void theBumpsABuyerTookAreReadFromTheSessionsLineItems() {
        Session session = offeringTheTemplates();
        session.setAmountTotal(1400L);
        stripe.sessionLineItems.put("cs_test_1", List.of(new StripeLookups.LineItem("price_inline", null, 1),
                new StripeLookups.LineItem("price_templates", "launch-templates", 1)));

        handler.paid(EVIDENCE, session, COMPLETED, CREATED);

        assertThat(commands.sent()).containsExactly(new ConfirmCheckoutPayment(CHECKOUT, EVIDENCE,
                Money.of(1400, "usd"), CheckoutMode.PAYMENT, false, CREATED, List.of(OfferId.of("launch-templates"))));
    }

    @Test
    void aBuyerWhoTookNoBumpBoughtNone() {
        Session session = offeringTheTemplates();
        stripe.sessionLineItems.put("cs_test_1", List.of(new StripeLookups.LineItem("price_inline", null, 1)));

        handler.paid(EVIDENCE, session, COMPLETED, CREATED);

        assertThat(commands.sent()).containsExactly(new ConfirmCheckoutPayment(CHECKOUT, EVIDENCE,
                Money.of(900, "usd"), CheckoutMode.PAYMENT, false, CREATED, List.of()));
    }

    @Test
    void aLineWhosePriceBumpgradeNeverMappedOrWhoseMetadataIsNoOfferIsNotABump() {
        Session session = offeringTheTemplates();
        stripe.sessionLineItems.put("cs_test_1", List.of(
                new StripeLookups.LineItem("price_someone_elses", "launch-templates", 1),
                new StripeLookups.LineItem("price_templates", "not an offer id!", 1)));

        handler.paid(EVIDENCE, session, COMPLETED, CREATED);

        assertThat(commands.sent()).containsExactly(new ConfirmCheckoutPayment(CHECKOUT, EVIDENCE,
                Money.of(900, "usd"), CheckoutMode.PAYMENT, false, CREATED, List.of()));
    }

    @Test
    void aSessionWithoutOptionalItemsIsNotReadBack() {
        Session session = bumpgradeSession();
        commands.answer(ConfirmCheckoutPayment.class, c -> new StripeOutcome(DEMO, StripeOutcome.Result.APPLIED,
                "paid"));

        handler.paid(EVIDENCE, session, COMPLETED, CREATED);

        assertThat(stripe.lineItemReads).isZero();
        assertThat(((ConfirmCheckoutPayment) commands.sent().get(0)).boughtOrderBumps()).isNull();
    }
}
