package com.bumpgrade.commerce.api.content;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The preview fields of the content readiness writes. */
public final class ContentSchemas {
    private ContentSchemas() {
    }

    @Schema(name = "ContentStructurePreviewFields")
    public record StructurePreviewFields(@Schema(requiredMode = REQUIRED) String productId,
                                         @Schema(requiredMode = REQUIRED) int modules,
                                         @Schema(requiredMode = REQUIRED) int lessons) {
    }

    @Schema(name = "ContentMarkPreviewFields")
    public record MarkPreviewFields(@Schema(requiredMode = REQUIRED) String productId,
                                    @Schema(requiredMode = REQUIRED, allowableValues = "ready") String readiness) {
    }
}
