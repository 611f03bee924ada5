package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A trusted paid checkout grants access to one offer it bought; granting the same purchase again does nothing. */
public record GrantEntitlement(@TargetAggregateIdentifier EntitlementId entitlementId, PublisherId publisherId,
                               CheckoutIntentId checkoutIntentId, OfferId offerId, CustomerId customerId,
                               WebhookEvidenceId evidenceId, Instant grantedAt) {
}
