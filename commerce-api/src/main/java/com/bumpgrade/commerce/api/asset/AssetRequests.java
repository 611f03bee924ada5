package com.bumpgrade.commerce.api.asset;

import io.swagger.v3.oas.annotations.media.Schema;

/** The bodies of the asset routes besides the upload, whose body is the file. */
public final class AssetRequests {
    private AssetRequests() {
    }

    @Schema(name = "ProductAssetActionRequest")
    public record Action(
            @Schema(description = "The exact phrase of the preview; leave it out to get the preview")
            String confirmation) {
    }

    /**
     * What identifies an upload for its Idempotency-Key: the product and the two headers that say which file it
     * is. The bytes are not read for a replay, so the same key always answers its first upload.
     */
    record UploadFingerprint(String productId, String contentDisposition, String contentLength) {
    }
}
