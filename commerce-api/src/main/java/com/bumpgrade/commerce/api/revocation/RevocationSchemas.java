package com.bumpgrade.commerce.api.revocation;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The revocation answers built as maps, as the OpenAPI document shows them (the contract test checks them). */
public final class RevocationSchemas {
    private RevocationSchemas() {
    }

    @Schema(name = "RevocationRecordPreviewFields")
    public record RecordPreviewFields(@Schema(requiredMode = REQUIRED) String entitlementId) {
    }

    @Schema(name = "RevocationActionPreviewFields")
    public record ActionPreviewFields(@Schema(requiredMode = REQUIRED) String revocationIntentId,
                                      @Schema(requiredMode = REQUIRED) String entitlementId) {
    }

    @Schema(name = "RevocationIntentAnswer", description = "The intent after the write; access is unchanged")
    public record Answer(
            @Schema(requiredMode = REQUIRED, allowableValues = {"recorded", "dismissed", "cancelled"}) String status,
            @Schema(requiredMode = REQUIRED, example = "rvk_0cc175b9c0f1b6a831c399e269772661")
            String revocationIntentId,
            @Schema(requiredMode = REQUIRED) String entitlementId) {
    }
}
