package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.time.Instant;

/**
 * The entitlement took its one open revocation slot for this intent (the {@code ordinal}-th of the entitlement);
 * {@code proposed} for a money event's proposal, else an owner's record. Access is unchanged.
 */
public record RevocationIntentOpened(EntitlementId entitlementId, PublisherId publisherId,
                                     CheckoutIntentId checkoutIntentId, OfferId offerId,
                                     RevocationIntentId revocationIntentId, int ordinal, boolean proposed,
                                     String reason, BillingContext context, WebhookEvidenceId evidenceId,
                                     Instant at) {
}
