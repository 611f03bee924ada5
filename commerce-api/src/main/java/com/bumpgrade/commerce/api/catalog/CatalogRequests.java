package com.bumpgrade.commerce.api.catalog;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The bodies of the catalogue routes. */
public final class CatalogRequests {
    private CatalogRequests() {
    }

    @Schema(name = "CatalogProductRequest", description = "Creates the product, or edits its title and kind")
    public record Product(
            @Schema(requiredMode = REQUIRED, example = "launch-course") String productId,
            @Schema(requiredMode = REQUIRED, maxLength = 200, example = "Launch course") String title,
            @Schema(requiredMode = REQUIRED, allowableValues = {"product", "membership", "course", "download",
                    "service"}) String kind,
            @Schema(description = "The exact phrase of the preview; leave it out to get the preview")
            String confirmation) {
    }

    @Schema(name = "CatalogOfferRequest", description = "Creates a draft offer, or edits it while it is a draft")
    public record Offer(
            @Schema(requiredMode = REQUIRED, example = "launch-course") String offerId,
            @Schema(requiredMode = REQUIRED, example = "launch-course") String productId,
            @Schema(requiredMode = REQUIRED, maxLength = 200, example = "Launch course") String title,
            @Schema(requiredMode = REQUIRED, allowableValues = {"main", "order_bump", "upsell", "downsell"})
            String role,
            @Schema(requiredMode = REQUIRED) Price price,
            @Schema(description = "The exact phrase of the preview; leave it out to get the preview")
            String confirmation) {
    }

    @Schema(name = "CatalogPriceRequest", description = "One-time without interval; recurring with one")
    public record Price(
            @Schema(requiredMode = REQUIRED, example = "4900") Long amountMinor,
            @Schema(requiredMode = REQUIRED, example = "USD") String currency,
            @Schema(allowableValues = {"day", "week", "month", "year"}) String interval,
            @Schema(description = "Default 1; at most one year between bills", example = "3") Integer intervalCount) {
    }

    @Schema(name = "CatalogOfferActionRequest")
    public record Action(
            @Schema(description = "The exact phrase of the preview; leave it out to get the preview")
            String confirmation) {
    }

    @Schema(name = "CatalogOrderBumpsRequest", description = "The main offer's whole list of order bumps, in order")
    public record OrderBumps(
            @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED, description = "At most 5 distinct order-bump "
                    + "offers of the publisher, in the order shown; empty removes them all"), maxItems = 5,
                    schema = @Schema(example = "launch-templates")) List<String> orderBumpOfferIds,
            @Schema(description = "The exact phrase of the preview; leave it out to get the preview")
            String confirmation) {
    }
}
