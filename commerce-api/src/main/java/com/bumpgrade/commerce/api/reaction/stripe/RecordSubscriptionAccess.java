package com.bumpgrade.commerce.api.reaction.stripe;

import com.bumpgrade.commerce.api.deadletter.DeferredTranslation;
import com.bumpgrade.commerce.api.entitlement.EntitlementProperties;
import com.bumpgrade.commerce.api.stripe.StripeLookups;
import com.bumpgrade.commerce.api.stripe.StripeReferenceVault.Kind;
import com.bumpgrade.commerce.api.stripe.StripeReferences;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.RecordSubscriptionState;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.AttributeStripeEvent;
import com.bumpgrade.commerce.domain.webhook.EvidenceOutcome;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * Billing events (subscriptions, invoices) only say that something changed: the subscription is re-read, and its
 * current state recorded on the entitlement the checkout granted. The checkout is the one the private reference
 * table links to the subscription (linked when its session completed), else the one named in metadata Bumpgrade
 * set on the subscription; either way the publisher is the intent's own, never the metadata's.
 */
@Component
class RecordSubscriptionAccess {
    private static final StripeConclusion UNKNOWN =
            StripeConclusion.of(EvidenceOutcome.UNMATCHED, "unknown_subscription");

    private final StripeReferences references;
    private final StripeLookups stripe;
    private final CheckoutIntentOwners owners;
    private final CommandGateway commands;
    private final EntitlementProperties entitlements;
    private final Clock clock;

    RecordSubscriptionAccess(StripeReferences references, StripeLookups stripe, CheckoutIntentOwners owners,
                             CommandGateway commands, EntitlementProperties entitlements, Clock clock) {
        this.references = references;
        this.stripe = stripe;
        this.owners = owners;
        this.commands = commands;
        this.entitlements = entitlements;
        this.clock = clock;
    }

    StripeConclusion subscriptionChanged(WebhookEvidenceId evidence, Subscription subscription) {
        return record(evidence, subscription.getId());
    }

    StripeConclusion invoiced(WebhookEvidenceId evidence, Invoice invoice) {
        boolean bySubscription = invoice.getParent() != null && invoice.getParent().getSubscriptionDetails() != null;
        return record(evidence, bySubscription ? invoice.getParent().getSubscriptionDetails().getSubscription() : null);
    }

    private StripeConclusion record(WebhookEvidenceId evidence, String subscriptionId) {
        if (subscriptionId == null) {
            return StripeConclusion.of(EvidenceOutcome.IGNORED, "no_subscription");
        }
        Optional<StripeLookups.SubscriptionState> state = stripe.subscription(subscriptionId);
        if (state.isEmpty()) {
            return UNKNOWN;
        }
        Optional<String> linked = references.findBumpgradeId(Kind.SUBSCRIPTION, subscriptionId)
                .filter(CheckoutIntentId::isWellFormed);
        String intentId = linked.orElse(state.get().metadata().get("bumpgrade_checkout_intent_id"));
        String offerId = state.get().metadata().get("bumpgrade_offer_id");
        PublisherId publisher = CheckoutIntentId.isWellFormed(intentId) ? owners.publisherOrNull(intentId) : null;
        if (publisher == null || offerId == null) {
            return UNKNOWN;
        }
        if (linked.isEmpty()) {
            references.put(intentId, Kind.SUBSCRIPTION, subscriptionId);
        }
        EntitlementId entitlement = EntitlementId.forPurchase(CheckoutIntentId.of(intentId), OfferId.of(offerId));
        boolean changed;
        try {
            changed = commands.sendAndWait(new RecordSubscriptionState(entitlement, evidence, state.get().status(),
                    clock.instant(), state.get().currentPeriodEnd(), entitlements.gracePeriod()));
        } catch (AggregateNotFoundException early) {
            // Before the checkout's payment was recorded there is no entitlement yet: name the owner, fail, retry.
            commands.sendAndWait(new AttributeStripeEvent(evidence, publisher, TranslateStripeEvent.CHECKOUT,
                    intentId, clock.instant()));
            throw new DeferredTranslation("entitlement_not_yet_granted");
        }
        return new StripeConclusion(changed ? EvidenceOutcome.PROCESSED : EvidenceOutcome.IGNORED,
                changed ? "access_" + state.get().status() : "access_unchanged", publisher, intentId);
    }
}
