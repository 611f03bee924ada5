package com.bumpgrade.commerce.projections.catalog;

import java.util.List;

/** The publisher's published offers, in the order they were created. */
public record CatalogOffers(List<CatalogOfferView> offers) {
}
