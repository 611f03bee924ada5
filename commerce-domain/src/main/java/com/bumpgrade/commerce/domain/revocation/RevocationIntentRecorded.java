package com.bumpgrade.commerce.domain.revocation;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;

import java.time.Instant;

/** An owner recorded, confirmed, the intent to remove this access. Nothing is removed. */
public record RevocationIntentRecorded(RevocationIntentId revocationIntentId, PublisherId publisherId,
                                       EntitlementId entitlementId, CheckoutIntentId checkoutIntentId,
                                       OfferId offerId, String reason, BillingContext context, Instant at) {
}
