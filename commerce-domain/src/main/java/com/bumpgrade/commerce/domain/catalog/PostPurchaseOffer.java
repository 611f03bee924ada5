package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

/** An offer as the catalogue shows it, named for a main offer's post-purchase path: checked by the path's rule. */
public record PostPurchaseOffer(PublisherId publisherId, OfferId offerId, String title, OfferRole role,
                                OfferStatus status, CatalogPrice price) {
}
