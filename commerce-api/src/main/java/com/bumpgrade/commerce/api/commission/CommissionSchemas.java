package com.bumpgrade.commerce.api.commission;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The commission answers built as maps, as the OpenAPI document shows them (the contract test checks them). */
public final class CommissionSchemas {
    private CommissionSchemas() {
    }

    @Schema(name = "CommissionPreviewFields")
    public record PreviewFields(@Schema(requiredMode = REQUIRED) String entryId) {
    }

    @Schema(name = "CommissionActionAccepted")
    public record Accepted(
            @Schema(requiredMode = REQUIRED, allowableValues = "accepted") String status,
            @Schema(requiredMode = REQUIRED, allowableValues = {"review", "hold", "release", "reverse"}) String action,
            @Schema(requiredMode = REQUIRED) String entryId) {
    }
}
