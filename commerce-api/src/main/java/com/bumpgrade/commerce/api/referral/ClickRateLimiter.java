package com.bumpgrade.commerce.api.referral;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-address click limit of the public click route, {@code clicksPerMinute} per client address, refilled
 * in full each minute. The buckets live in PostgreSQL (Bucket4j, D37), so every instance draws from the same
 * budget: N instances still allow the limit once, not N times. One budget per address across all publishers,
 * so varying the publisher or code in the path mints no new budget. Buckets are keyed by an HMAC of the address
 * under the database's salt: no address is stored.
 */
public class ClickRateLimiter {
    private final ProxyManager<String> buckets;
    private final BucketConfiguration configuration;
    private final SecretKeySpec salt;

    public ClickRateLimiter(ProxyManager<String> buckets, ReferralProperties properties, String salt) {
        this.buckets = buckets;
        int limit = properties.clicksPerMinute();
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillIntervally(limit, Duration.ofMinutes(1)).build())
                .build();
        this.salt = new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public boolean allow(String address) {
        return buckets.builder().build(key(address), () -> configuration).tryConsume(1);
    }

    private String key(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(salt);
            return HexFormat.of().formatHex(mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
        }
    }
}
