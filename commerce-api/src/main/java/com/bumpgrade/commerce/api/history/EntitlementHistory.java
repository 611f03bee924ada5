package com.bumpgrade.commerce.api.history;

import com.bumpgrade.commerce.domain.entitlement.BillingPortalOpened;
import com.bumpgrade.commerce.domain.entitlement.EntitlementAccessChanged;
import com.bumpgrade.commerce.domain.entitlement.EntitlementGranted;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.FulfillmentQueued;
import com.bumpgrade.commerce.domain.entitlement.SubscriptionStateConfirmed;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The history of an entitlement: its fields as the entitlement's GET names them (the subject is a bgc_ id). */
@Component
class EntitlementHistory implements HistoryKind {
    static final String SEGMENT = "entitlements";

    @Override
    public String segment() {
        return SEGMENT;
    }

    @Override
    public String record() {
        return "entitlement";
    }

    @Override
    public boolean isWellFormed(String id) {
        return EntitlementId.isWellFormed(id);
    }

    @Override
    public Optional<PublisherId> ownerOf(Object firstEvent) {
        return firstEvent instanceof EntitlementGranted granted ? Optional.of(granted.publisherId()) : Optional.empty();
    }

    @Override
    public HistoryStep step(Object event, Map<String, Object> before) {
        if (event instanceof EntitlementGranted e) {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("entitlementId", e.entitlementId().value());
            changes.put("checkoutIntentId", e.checkoutIntentId().value());
            changes.put("offerId", e.offerId().value());
            changes.put("subject", e.customerId().value());
            changes.put("access", e.access().publicName());
            changes.put("grantedAt", e.grantedAt());
            return HistoryStep.fromStripe("entitlement_granted", e.evidenceId(), changes);
        }
        if (event instanceof FulfillmentQueued e) {
            // queued with the grant, by the reaction to the verified payment
            return HistoryStep.fromStripe("fulfillment_queued", null, Map.of("fulfillment", e.fulfillmentStatus()));
        }
        if (event instanceof EntitlementAccessChanged e) {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("access", e.to().publicName());
            changes.put("subscriptionStatus", e.subscriptionStatus());
            changes.put("accessUntil", e.accessUntil());
            changes.put("graceUntil", e.graceUntil());
            // no evidence: the clock ran the grace period out
            return HistoryStep.either("entitlement_access_changed", null, e.evidenceId(), changes);
        }
        if (event instanceof SubscriptionStateConfirmed) {
            return HistoryStep.fromStripe("subscription_state_confirmed", null, Map.of());
        }
        if (event instanceof BillingPortalOpened e) {
            return HistoryStep.by("billing_portal_opened", e.context(),
                    Map.of("lastPortalSessionId", e.portalSessionId().value()));
        }
        return HistoryStep.untold(event);
    }
}
