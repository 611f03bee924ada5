package com.bumpgrade.commerce.api.entitlement;

import com.bumpgrade.commerce.projections.entitlement.EntitlementView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The entitlement answers built as maps, as the OpenAPI document shows them (the contract test checks them). */
public final class EntitlementSchemas {
    private EntitlementSchemas() {
    }

    @Schema(name = "EntitlementList")
    public record Entitlements(@Schema(requiredMode = REQUIRED) List<EntitlementView> entitlements) {
    }

    @Schema(name = "PortalPreviewFields")
    public record PortalPreviewFields(@Schema(requiredMode = REQUIRED) String entitlementId) {
    }

    @Schema(name = "PortalSessionOpened")
    public record PortalOpened(
            @Schema(requiredMode = REQUIRED, allowableValues = "open") String status,
            @Schema(requiredMode = REQUIRED) String entitlementId,
            @Schema(requiredMode = REQUIRED, description = "The Bumpgrade link to give the buyer: single use, it "
                    + "redirects to the Stripe Customer Portal") String portalUrl,
            @Schema(requiredMode = REQUIRED) long expiresInSeconds) {
    }
}
