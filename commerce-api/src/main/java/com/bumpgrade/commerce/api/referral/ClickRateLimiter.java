package com.bumpgrade.commerce.api.referral;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed one-minute window per client address for the public click route. Addresses are hashed and kept in
 * memory only, for the current minute: nothing about the clicker is stored.
 */
@Component
public class ClickRateLimiter {
    private record Window(long minute, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final ReferralProperties properties;
    private final Clock clock;

    public ClickRateLimiter(ReferralProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public boolean allow(String address) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        Window window = windows.compute(hash(address), (key, current) ->
                current == null || current.minute() != minute ? new Window(minute, 1)
                        : new Window(minute, current.count() + 1));
        return window.count() <= properties.clicksPerMinute();
    }

    private static String hash(String address) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
