package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;
import java.util.List;

/** The main offer's post-purchase path is now these steps, in order (empty: none). */
public record PostPurchasePathSet(CatalogKey offerKey, PublisherId publisherId, OfferId offerId,
                                  List<PostPurchaseStep> steps, BillingContext context, Instant at) {
}
