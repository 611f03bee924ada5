package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.catalog.PostPurchaseStep;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Agent or owner: record what the buyer did with a post-purchase offer of a paid checkout. {@code path} is the main
 * offer's path as the catalogue has it now; the intent keeps the path of its first decision (D88). Evidence only:
 * nothing is charged or granted. {@code confirmation} is needed for an acceptance only. Stale-state checked.
 */
public record RecordPostPurchaseDecision(@TargetAggregateIdentifier CheckoutIntentId checkoutIntentId,
                                         PublisherId publisherId, Long expectedVersion, List<PostPurchaseStep> path,
                                         OfferId offerId, PostPurchaseDecision decision, String confirmation,
                                         BillingContext context, Instant at) {
}
