package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

/** The offer's price was mapped to a Stripe Product and Price; only Bumpgrade ids travel here. */
public record OfferStripeMapped(CatalogKey offerKey, PublisherId publisherId, OfferId offerId, String priceId,
                                BillingContext context, Instant at) {
}
