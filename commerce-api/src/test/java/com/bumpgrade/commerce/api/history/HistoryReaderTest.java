package com.bumpgrade.commerce.api.history;

import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeClosed;
import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutExpired;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutLine;
import com.bumpgrade.commerce.domain.checkout.CheckoutMode;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaymentRejected;
import com.bumpgrade.commerce.domain.checkout.CheckoutRefunded;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionFailed;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.checkout.ExpiryCause;
import com.bumpgrade.commerce.domain.checkout.SessionFailure;
import com.bumpgrade.commerce.domain.commission.CommissionEntryId;
import com.bumpgrade.commerce.domain.commission.CommissionEntryOpened;
import com.bumpgrade.commerce.domain.commission.CommissionHeld;
import com.bumpgrade.commerce.domain.commission.CommissionHoldReleased;
import com.bumpgrade.commerce.domain.commission.HoldReason;
import com.bumpgrade.commerce.domain.entitlement.Access;
import com.bumpgrade.commerce.domain.entitlement.BillingPortalOpened;
import com.bumpgrade.commerce.domain.entitlement.CustomerId;
import com.bumpgrade.commerce.domain.entitlement.EntitlementAccessChanged;
import com.bumpgrade.commerce.domain.entitlement.EntitlementGranted;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.PortalSessionId;
import com.bumpgrade.commerce.domain.entitlement.SubscriptionStateConfirmed;
import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.bumpgrade.commerce.projections.checkout.CheckoutIntentView;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fold alone, on an in-memory event store with fixed event times: every event type of the three kinds, the cut
 * at an instant, who caused each event, and the refusals. The API test drives the real flows; this one reaches
 * the events those flows rarely produce (session failures, rejections, disputes, owner holds, the clock).
 */
class HistoryReaderTest {
    private static final PublisherId DEMO = PublisherId.of("demo");
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final BillingContext AGENT = new BillingContext(ActorId.of("agent-007"), "agent",
            ClientAttribution.of("my-agent/1.0"), CorrelationId.of("corr-1"), IdempotencyKey.of("key-1"));
    private static final BillingContext OWNER = new BillingContext(ActorId.of("owner-demo"), "owner",
            ClientAttribution.of("console/2"), CorrelationId.of("corr-owner"), IdempotencyKey.of("key-2"));
    private static final WebhookEvidenceId PAID = WebhookEvidenceId.forStripeEvent("evt_paid");
    private static final WebhookEvidenceId DISPUTE = WebhookEvidenceId.forStripeEvent("evt_dispute");

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final HistoryReader reader = new HistoryReader(store);
    private final Map<String, Long> sequences = new HashMap<>();

    @AfterEach
    void systemClock() {
        GenericEventMessage.clock = Clock.systemUTC();
        store.shutDown();
    }

    /** Appends the event to the record's stream, stored at T0 plus the given minutes. */
    private void append(String id, int minute, Object event, Map<String, ?> metaData) {
        GenericEventMessage.clock = Clock.fixed(T0.plusSeconds(60L * minute), ZoneOffset.UTC);
        long sequence = sequences.merge(id, 1L, Long::sum) - 1;
        store.publish(new GenericDomainEventMessage<>("Aggregate", id, sequence, event, MetaData.from(metaData)));
    }

    private void append(String id, int minute, Object event) {
        append(id, minute, event, Map.of());
    }

    private static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    private static List<String> types(RecordHistory history) {
        return history.events().stream().map(RecordHistory.Event::type).toList();
    }

    private static long minor(Object amount) {
        return ((CheckoutIntentView.Amount) amount).amountMinor();
    }

    @Test
    void aCheckoutThroughFailuresRejectionDisputeAndPartialRefund() {
        String id = "chk_0123456789abcdef0123456789abcdef";
        CheckoutIntentId intent = CheckoutIntentId.of(id);
        Money nine = Money.of(900, "USD");
        append(id, 0, new CheckoutStarted(intent, DEMO, OfferId.of("launch-pass"), CheckoutMode.PAYMENT,
                List.of(new CheckoutLine(OfferId.of("launch-pass"), "Bumpgrade launch pass", 1, nine, false)), nine,
                "fingerprint", AGENT, T0));
        append(id, 1, new CheckoutSessionFailed(intent, DEMO, 1, SessionFailure.TIMEOUT, AGENT, at(1)));
        append(id, 2, new CheckoutSessionOpened(intent, DEMO, 2, at(1000), AGENT, at(2)));
        append(id, 3, new CheckoutPaymentRejected(intent, DEMO, WebhookEvidenceId.forStripeEvent("evt_bad"),
                List.of("amount_mismatch"), Money.of(100, "USD"), at(3)), Map.of("bumpgrade.correlationId", "whk_x"));
        append(id, 4, new CheckoutPaid(intent, DEMO, PAID, nine, at(4)));
        append(id, 5, new CheckoutDisputeOpened(intent, DEMO, DISPUTE, "dsp_1", "needs_response", nine, at(5)));
        append(id, 6, new CheckoutDisputeClosed(intent, DEMO, DISPUTE, "dsp_1", "won", nine, at(6)));
        append(id, 7, new CheckoutRefunded(intent, DEMO, PAID, Money.of(300, "USD"), Money.of(300, "USD"), false,
                at(7)));

        RecordHistory whole = reader.read(new CheckoutIntentHistory(), id, DEMO, null).orElseThrow();
        assertThat(types(whole)).containsExactly("checkout_started", "checkout_session_failed",
                "checkout_session_opened", "checkout_payment_rejected", "checkout_paid", "checkout_dispute_opened",
                "checkout_dispute_closed", "checkout_partially_refunded");
        assertThat(whole.version()).isEqualTo(7);
        assertThat(whole.state()).containsEntry("status", "paid").containsEntry("openDisputes", 0)
                .containsEntry("disputeStatus", "won").containsEntry("lastFailure", "timeout")
                .containsEntry("sessionAttempts", 2);
        assertThat(minor(whole.state().get("refunded"))).isEqualTo(300);
        // each webhook's evidence once, in order
        assertThat(whole.state().get("evidenceIds")).isEqualTo(List.of(
                WebhookEvidenceId.forStripeEvent("evt_bad").value(), PAID.value(), DISPUTE.value()));

        RecordHistory.Event failed = whole.events().get(1);
        assertThat(List.of(failed.actor(), failed.client(), failed.correlationId()))
                .containsExactly("agent-007", "my-agent/1.0", "corr-1");
        RecordHistory.Event rejected = whole.events().get(3);
        assertThat(List.of(rejected.actor(), rejected.client(), rejected.correlationId()))
                .containsExactly("stripe", "stripe-webhook", "whk_x"); // the metadata's correlation id
        RecordHistory.Event paid = whole.events().get(4);
        assertThat(paid.correlationId()).isEqualTo(PAID.value()); // no metadata: the evidence id
        assertThat(paid.evidenceIds()).containsExactly(PAID.value());

        RecordHistory disputed = reader.read(new CheckoutIntentHistory(), id, DEMO, at(5)).orElseThrow();
        assertThat(disputed.state()).containsEntry("openDisputes", 1).containsEntry("disputeStatus",
                "needs_response");
        assertThat(disputed.version()).isEqualTo(5);
        assertThat(disputed.at()).isEqualTo(at(5));
        assertThat(reader.read(new CheckoutIntentHistory(), id, DEMO, at(3).minusMillis(1)).orElseThrow().state())
                .containsEntry("status", "open").doesNotContainKey("lastRejection");
        assertThat(reader.read(new CheckoutIntentHistory(), id, DEMO, T0.minusMillis(1))).isEmpty();
        assertThat(reader.read(new CheckoutIntentHistory(), id, DEMO, T0)).isPresent();

        assertThat(reader.read(new CheckoutIntentHistory(), id, PublisherId.of("rival"), null)).isEmpty();
        assertThat(reader.read(new CheckoutIntentHistory(), id, null, null)).isEmpty();
        assertThat(reader.read(new CheckoutIntentHistory(), "chk_ffffffffffffffffffffffffffffffff", DEMO, null))
                .isEmpty();
        assertThat(reader.read(new CheckoutIntentHistory(), "garbage", DEMO, null)).isEmpty();
    }

    @Test
    void anExpiredCheckoutAndAnEventNoKindDescribesYet() {
        String id = "chk_00000000000000000000000000000001";
        CheckoutIntentId intent = CheckoutIntentId.of(id);
        Money nine = Money.of(900, "USD");
        append(id, 0, new CheckoutStarted(intent, DEMO, OfferId.of("launch-pass"), CheckoutMode.PAYMENT,
                List.of(new CheckoutLine(OfferId.of("launch-pass"), "Pass", 1, nine, false)), nine, "f", AGENT, T0));
        append(id, 1, new CheckoutExpired(intent, DEMO, ExpiryCause.AGENT_REQUEST, AGENT, at(1)));
        append(id, 2, new SomethingAddedLater("sk_test_secret"), Map.of("bumpgrade.actor", "agent-007"));

        RecordHistory history = reader.read(new CheckoutIntentHistory(), id, DEMO, null).orElseThrow();
        assertThat(types(history)).containsExactly("checkout_started", "checkout_expired", "something_added_later");
        assertThat(history.state()).containsEntry("status", "expired").containsEntry("expiryCause", "agent_request");
        RecordHistory.Event later = history.events().get(2);
        assertThat(later.changes()).isEmpty();
        assertThat(later.actor()).isEqualTo("agent-007");
        assertThat(history.toString()).doesNotContain("sk_test_secret");
    }

    record SomethingAddedLater(String secret) {
    }

    @Test
    void aCommissionHeldByTheOwnerAndADisputeReleasedOneHoldAtATime() {
        ReferralClickId click = ReferralClickId.of("clk_0123456789abcdef0123456789abcdef");
        CommissionEntryId entry = CommissionEntryId.forClick(click);
        String id = entry.value();
        append(id, 0, new CommissionEntryOpened(entry, DEMO, PartnerId.of("partner-ada"),
                CheckoutIntentId.of("chk_0123456789abcdef0123456789abcdef"),
                click, Money.of(900, "USD"), 3000,
                Money.of(270, "USD"), PAID, T0));
        append(id, 1, new CommissionHeld(entry, DEMO, HoldReason.OWNER, "checking", null, OWNER, null, at(1)));
        append(id, 2, new CommissionHeld(entry, DEMO, HoldReason.DISPUTE, "dispute_opened", "dsp_1", null, DISPUTE,
                at(2)));
        append(id, 3, new CommissionHoldReleased(entry, DEMO, List.of(HoldReason.OWNER), null, OWNER, null, at(3)));
        append(id, 4, new CommissionHoldReleased(entry, DEMO, List.of(HoldReason.DISPUTE), "dsp_1", null, DISPUTE,
                at(4)));

        CommissionEntryHistory kind = new CommissionEntryHistory();
        RecordHistory whole = reader.read(kind, id, DEMO, null).orElseThrow();
        assertThat(types(whole)).containsExactly("commission_entry_opened", "commission_held", "commission_held",
                "commission_hold_released", "commission_hold_released");
        assertThat(whole.state()).containsEntry("status", "pending_review").containsEntry("holds", List.of());
        assertThat(whole.events().get(1).actor()).isEqualTo("owner-demo");
        assertThat(whole.events().get(1).correlationId()).isEqualTo("corr-owner");
        assertThat(whole.events().get(2).actor()).isEqualTo("stripe");
        assertThat(whole.toString()).doesNotContain("checking"); // the owner's own words stay out
        RecordHistory bothHeld = reader.read(kind, id, DEMO, at(2)).orElseThrow();
        assertThat(bothHeld.state()).containsEntry("status", "on_hold")
                .containsEntry("holds", List.of("owner", "dispute"));
        assertThat(reader.read(kind, id, DEMO, at(3)).orElseThrow().state()).containsEntry("status", "on_hold")
                .containsEntry("holds", List.of("dispute"));
    }

    @Test
    void anEntitlementIntoGraceThenSuspendedByTheClock() {
        EntitlementId entitlement = EntitlementId.of("ent_0123456789abcdef0123456789abcdef");
        String id = entitlement.value();
        CheckoutIntentId checkout = CheckoutIntentId.of("chk_0123456789abcdef0123456789abcdef");
        append(id, 0, new EntitlementGranted(entitlement, DEMO, checkout, OfferId.of("demo-membership"),
                CustomerId.forGuestCheckout(checkout), Access.ACTIVE, PAID, T0));
        append(id, 1, new BillingPortalOpened(entitlement, DEMO,
                PortalSessionId.forRequest(entitlement, ActorId.of("agent-007"), IdempotencyKey.of("k")), AGENT,
                at(1)));
        append(id, 2, new EntitlementAccessChanged(entitlement, DEMO, Access.ACTIVE, Access.GRACE, "past_due",
                at(1000), at(5), at(2), DISPUTE, at(2)));
        append(id, 3, new SubscriptionStateConfirmed(entitlement, at(3)));
        append(id, 5, new EntitlementAccessChanged(entitlement, DEMO, Access.GRACE, Access.SUSPENDED, "past_due",
                at(1000), null, at(5), null, at(5)));

        EntitlementHistory kind = new EntitlementHistory();
        RecordHistory whole = reader.read(kind, id, DEMO, null).orElseThrow();
        assertThat(types(whole)).containsExactly("entitlement_granted", "billing_portal_opened",
                "entitlement_access_changed", "subscription_state_confirmed", "entitlement_access_changed");
        RecordHistory.Event clock = whole.events().get(4);
        assertThat(List.of(clock.actor(), clock.client())).containsExactly("clock", "scheduler");
        assertThat(clock.evidenceIds()).isEmpty();
        assertThat(whole.state()).containsEntry("access", "suspended").containsEntry("graceUntil", null);
        assertThat(whole.events().get(1).actor()).isEqualTo("agent-007");
        assertThat(whole.events().get(1).changes().get("lastPortalSessionId").toString()).startsWith("pss_");
        assertThat(reader.read(kind, id, DEMO, at(4)).orElseThrow().state()).containsEntry("access", "grace")
                .containsEntry("graceUntil", at(5));
        assertThat(reader.read(new CheckoutIntentHistory(), id, DEMO, null)).as("another kind's route").isEmpty();
    }
}
