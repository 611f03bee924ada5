package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.PublisherId;

/** The publisher's published offers. */
public record WhichCatalogOffers(PublisherId publisherId) {
}
