package com.bumpgrade.commerce.domain.revocation;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.RevocationIntentOpened;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Create the intent whose slot the entitlement opened: sent by the owner's route and again by a reaction to
 * {@link RevocationIntentOpened}, so an interruption between the two never leaves a slot without its intent.
 */
public record StartRevocationIntent(@TargetAggregateIdentifier RevocationIntentId revocationIntentId,
                                    PublisherId publisherId, EntitlementId entitlementId,
                                    CheckoutIntentId checkoutIntentId, OfferId offerId, boolean proposed,
                                    String reason, BillingContext context, WebhookEvidenceId evidenceId, Instant at) {

    public static StartRevocationIntent from(RevocationIntentOpened opened) {
        return new StartRevocationIntent(opened.revocationIntentId(), opened.publisherId(), opened.entitlementId(),
                opened.checkoutIntentId(), opened.offerId(), opened.proposed(), opened.reason(), opened.context(),
                opened.evidenceId(), opened.at());
    }
}
