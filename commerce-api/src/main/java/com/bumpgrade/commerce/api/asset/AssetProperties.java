package com.bumpgrade.commerce.api.asset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Where private product assets are stored ({@code PRODUCT_ASSETS}): a directory, relative to the working
 * directory unless absolute (default {@code .data/assets}), or {@code s3://bucket[/prefix]} for an S3-compatible
 * store shared by several instances (D83). {@code maxSize} bounds one asset (default 2 GiB, 413 above);
 * {@code idleTimeout} ends an upload whose client sends nothing for that long (its bytes are discarded).
 */
@ConfigurationProperties("bumpgrade.assets")
public record AssetProperties(String location, DataSize maxSize, Duration idleTimeout, S3 s3) {
    public AssetProperties {
        location = location == null || location.isBlank() ? ".data/assets" : location.strip();
        maxSize = maxSize == null ? DataSize.ofGigabytes(2) : maxSize;
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
        s3 = s3 == null ? new S3(null, null, null, null, true) : s3;
    }

    /**
     * The S3-compatible store: {@code endpoint} for a store other than AWS's (path-style addressing by default,
     * as most of them need); credentials from here, else from the AWS SDK's default chain.
     */
    public record S3(String endpoint, String region, String accessKeyId, String secretAccessKey, Boolean pathStyle) {
        public S3 {
            region = region == null || region.isBlank() ? "us-east-1" : region;
            pathStyle = pathStyle == null || pathStyle;
        }
    }

    boolean isS3() {
        return location.startsWith("s3://");
    }
}
