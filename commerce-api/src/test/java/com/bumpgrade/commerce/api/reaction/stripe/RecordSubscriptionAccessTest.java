package com.bumpgrade.commerce.api.reaction.stripe;

import com.bumpgrade.commerce.api.deadletter.DeferredTranslation;
import com.bumpgrade.commerce.api.entitlement.EntitlementProperties;
import com.bumpgrade.commerce.api.reaction.InMemoryStripeReferences;
import com.bumpgrade.commerce.api.reaction.RecordingCommands;
import com.bumpgrade.commerce.api.stripe.StripeLookups.SubscriptionState;
import com.bumpgrade.commerce.api.stripe.StripeReferenceVault.Kind;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.RecordSubscriptionState;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.webhook.AttributeStripeEvent;
import com.bumpgrade.commerce.domain.webhook.EvidenceOutcome;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.CHECKOUT;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.CLOCK;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.DEMO;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.EVIDENCE;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.INTENT;
import static com.bumpgrade.commerce.api.reaction.stripe.StripeFakes.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordSubscriptionAccessTest {
    private static final Duration GRACE = Duration.ofDays(7);
    private static final Instant PERIOD_END = Instant.parse("2027-01-01T00:00:00Z");
    private static final EntitlementId ENTITLEMENT = EntitlementId.forPurchase(CHECKOUT, OfferId.of("pro-plan"));

    private final InMemoryStripeReferences references = new InMemoryStripeReferences();
    private final StripeFakes.FakeStripeLookups stripe = new StripeFakes.FakeStripeLookups();
    private final RecordingCommands commands = new RecordingCommands();
    private final RecordSubscriptionAccess handler = new RecordSubscriptionAccess(references, stripe,
            StripeFakes.owners(), commands, new EntitlementProperties(GRACE, Duration.ofMinutes(1),
            Duration.ofMinutes(5)), CLOCK);

    private static Subscription subscription(String id) {
        Subscription subscription = new Subscription();
        subscription.setId(id);
        return subscription;
    }

    private void givenStripeHas(String id, String status, Map<String, String> metadata) {
        stripe.subscriptions.put(id, new SubscriptionState(status, PERIOD_END, metadata));
    }

    private static RecordSubscriptionState record(String status) {
        return new RecordSubscriptionState(ENTITLEMENT, EVIDENCE, status, NOW, PERIOD_END, GRACE);
    }

    @Test
    void aChangedSubscriptionOfALinkedCheckoutRecordsStripesCurrentStateOnTheEntitlement() {
        references.put(INTENT, Kind.SUBSCRIPTION, "sub_1");
        givenStripeHas("sub_1", "past_due", Map.of("bumpgrade_offer_id", "pro-plan"));
        commands.answer(RecordSubscriptionState.class, c -> true);

        StripeConclusion conclusion = handler.subscriptionChanged(EVIDENCE, subscription("sub_1"));

        assertThat(commands.sent()).containsExactly(record("past_due"));
        assertThat(conclusion).isEqualTo(new StripeConclusion(EvidenceOutcome.PROCESSED, "access_past_due", DEMO,
                INTENT));
    }

    @Test
    void anUnchangedStateIsIgnored() {
        references.put(INTENT, Kind.SUBSCRIPTION, "sub_1");
        givenStripeHas("sub_1", "active", Map.of("bumpgrade_offer_id", "pro-plan"));
        commands.answer(RecordSubscriptionState.class, c -> false);

        assertThat(handler.subscriptionChanged(EVIDENCE, subscription("sub_1")))
                .isEqualTo(new StripeConclusion(EvidenceOutcome.IGNORED, "access_unchanged", DEMO, INTENT));
        assertThat(commands.sent()).containsExactly(record("active"));
    }

    @Test
    void aSubscriptionNamedOnlyInBumpgradesMetadataIsLinkedForNextTime() {
        givenStripeHas("sub_2", "active", Map.of("bumpgrade_offer_id", "pro-plan",
                "bumpgrade_checkout_intent_id", INTENT));
        commands.answer(RecordSubscriptionState.class, c -> true);
        Invoice invoice = new Invoice();
        Invoice.Parent parent = new Invoice.Parent();
        Invoice.Parent.SubscriptionDetails details = new Invoice.Parent.SubscriptionDetails();
        details.setSubscription("sub_2");
        parent.setSubscriptionDetails(details);
        invoice.setParent(parent);

        handler.invoiced(EVIDENCE, invoice);

        assertThat(commands.sent()).containsExactly(record("active"));
        assertThat(references.findBumpgradeId(Kind.SUBSCRIPTION, "sub_2")).contains(INTENT);
    }

    @Test
    void beforeTheEntitlementIsGrantedTheEventIsAttributedToItsOwnerAndDeferred() {
        references.put(INTENT, Kind.SUBSCRIPTION, "sub_1");
        givenStripeHas("sub_1", "active", Map.of("bumpgrade_offer_id", "pro-plan"));
        commands.refuse(RecordSubscriptionState.class, new AggregateNotFoundException(ENTITLEMENT.value(), "none"));

        assertThatThrownBy(() -> handler.subscriptionChanged(EVIDENCE, subscription("sub_1")))
                .isInstanceOfSatisfying(DeferredTranslation.class,
                        deferred -> assertThat(deferred.code()).isEqualTo("entitlement_not_yet_granted"));
        assertThat(commands.sent()).containsExactly(record("active"),
                new AttributeStripeEvent(EVIDENCE, DEMO, "checkout_intent", INTENT, NOW));
    }

    @Test
    void unknownSubscriptionsAndMetadataNamingAnotherPublishersOrNoCheckoutAreUnmatched() {
        givenStripeHas("sub_foreign", "active", Map.of("bumpgrade_offer_id", "pro-plan",
                "bumpgrade_checkout_intent_id", "chk_" + "9".repeat(32)));
        givenStripeHas("sub_no_offer", "active", Map.of("bumpgrade_checkout_intent_id", INTENT));

        StripeConclusion unknown = StripeConclusion.of(EvidenceOutcome.UNMATCHED, "unknown_subscription");
        assertThat(handler.subscriptionChanged(EVIDENCE, subscription("sub_missing"))).isEqualTo(unknown);
        assertThat(handler.subscriptionChanged(EVIDENCE, subscription("sub_foreign"))).isEqualTo(unknown);
        assertThat(handler.subscriptionChanged(EVIDENCE, subscription("sub_no_offer"))).isEqualTo(unknown);
        assertThat(handler.invoiced(EVIDENCE, new Invoice()))
                .isEqualTo(StripeConclusion.of(EvidenceOutcome.IGNORED, "no_subscription"));
        assertThat(commands.sent()).isEmpty();
        assertThat(references.all()).isEmpty();
    }
}
