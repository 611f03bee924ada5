package com.bumpgrade.commerce.api.stripe;

import com.bumpgrade.commerce.domain.shared.StripeKeyMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Stripe settings, bound from STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_API_BASE (and the
 * stripe.* properties). {@link #toString()} never prints a secret.
 */
@ConfigurationProperties("stripe")
public record StripeProperties(String secretKey, String webhookSecret, String apiBase, Duration connectTimeout,
                               Duration readTimeout, Integer maxNetworkRetries) {
    public StripeProperties {
        apiBase = apiBase == null || apiBase.isBlank() ? "https://api.stripe.com" : apiBase.trim();
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
        maxNetworkRetries = maxNetworkRetries == null ? 2 : maxNetworkRetries;
        secretKey = secretKey == null ? null : secretKey.trim();
    }

    public StripeKeyMode keyMode() {
        return StripeKeyMode.of(secretKey);
    }

    @Override
    public String toString() {
        return "StripeProperties[keyMode=" + keyMode() + ", apiBase=" + apiBase + ", webhookSecretSet="
                + (webhookSecret != null && !webhookSecret.isBlank()) + "]";
    }
}
