package com.bumpgrade.commerce.api.stripe;

import com.stripe.StripeClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The one stripe-java client, built from {@link StripeProperties}: explicit retries and timeouts, and the API base
 * from STRIPE_API_BASE (tests point it at a local fake). Absent without a secret key.
 */
@Component
public class StripeClientHolder {
    private final StripeClient client;

    public StripeClientHolder(StripeProperties properties) {
        this.client = properties.secretKey() == null || properties.secretKey().isBlank() ? null
                : StripeClient.builder()
                .setApiKey(properties.secretKey())
                .setApiBase(properties.apiBase())
                .setMaxNetworkRetries(properties.maxNetworkRetries())
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setReadTimeout((int) properties.readTimeout().toMillis())
                .build();
    }

    public Optional<StripeClient> client() {
        return Optional.ofNullable(client);
    }
}
