package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

/** One offer of the publisher in any status; another publisher's offer is not found. */
public record WhatIsCatalogOffer(PublisherId publisherId, OfferId offerId) {
}
