package com.bumpgrade.commerce.api.catalog;

import com.bumpgrade.commerce.api.web.ErrorBody;
import com.bumpgrade.commerce.projections.catalog.CatalogOfferView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The OpenAPI shapes of the catalogue's answers that are not read models. */
public final class CatalogSchemas {
    private CatalogSchemas() {
    }

    @Schema(name = "CatalogProduct")
    public record Product(@Schema(requiredMode = REQUIRED) String productId,
                          @Schema(requiredMode = REQUIRED) String title,
                          @Schema(requiredMode = REQUIRED, allowableValues = {"product", "membership", "course",
                                  "download", "service"}) String kind) {
    }

    @Schema(name = "CatalogProductPreviewFields")
    public record ProductPreviewFields(@Schema(requiredMode = REQUIRED) String productId,
                                       @Schema(requiredMode = REQUIRED) String title,
                                       @Schema(requiredMode = REQUIRED) String kind) {
    }

    @Schema(name = "CatalogOfferPreviewFields")
    public record PreviewFields(@Schema(requiredMode = REQUIRED) String offerId,
                                @Schema(requiredMode = REQUIRED) String title,
                                @Schema(requiredMode = REQUIRED) CatalogOfferView.Price price) {
    }

    @Schema(name = "CatalogOfferAccepted", description = "Recorded; stripeSync says whether the price has a Stripe "
            + "Price (its id is never shown)")
    public record Accepted(@Schema(requiredMode = REQUIRED, allowableValues = {"published", "archived"}) String status,
                           @Schema(requiredMode = REQUIRED) String offerId,
                           @Schema(requiredMode = REQUIRED) String priceId,
                           @Schema(requiredMode = REQUIRED, allowableValues = {"pending", "mapped"})
                           String stripeSync) {
    }

    @Schema(name = "CatalogStripeSyncFailed", description = "Stripe failed: nothing was mapped, the answer is not "
            + "stored")
    public record SyncFailed(@Schema(requiredMode = REQUIRED) ErrorBody.Detail error,
                             @Schema(requiredMode = REQUIRED) String offerId,
                             @Schema(requiredMode = REQUIRED, allowableValues = "pending") String stripeSync) {
    }

    @Schema(name = "CatalogOrderBumpsPreviewFields")
    public record OrderBumpsPreviewFields(@Schema(requiredMode = REQUIRED) String offerId,
                                          @Schema(requiredMode = REQUIRED) String title,
                                          @Schema(requiredMode = REQUIRED) List<String> orderBumpOfferIds) {
    }

    @Schema(name = "CatalogOrderBumpsSet", description = "Recorded: checkouts of the main offer sell only these bumps")
    public record OrderBumpsSet(@Schema(requiredMode = REQUIRED, allowableValues = "set") String status,
                                @Schema(requiredMode = REQUIRED) String offerId,
                                @Schema(requiredMode = REQUIRED) List<String> orderBumpOfferIds) {
    }
}
