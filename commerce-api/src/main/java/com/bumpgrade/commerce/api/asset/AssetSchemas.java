package com.bumpgrade.commerce.api.asset;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The OpenAPI shapes of the asset routes' answers that are not read models. */
public final class AssetSchemas {
    private AssetSchemas() {
    }

    @Schema(name = "ProductAssetPreviewFields")
    public record PreviewFields(@Schema(requiredMode = REQUIRED) String productId,
                                @Schema(requiredMode = REQUIRED, description = "The file name as it will be shown "
                                        + "(sanitized)") String displayName,
                                @Schema(requiredMode = REQUIRED, description = "From Content-Length") long sizeBytes) {
    }
}
