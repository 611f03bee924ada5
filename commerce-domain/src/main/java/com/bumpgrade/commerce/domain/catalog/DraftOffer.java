package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Owner: create an offer of a product, or edit it while it is a draft. */
public record DraftOffer(@TargetAggregateIdentifier CatalogKey offerKey, PublisherId publisherId, OfferId offerId,
                         ProductId productId, String title, OfferRole role, CatalogPrice price,
                         BillingContext context, Instant at) {
}
