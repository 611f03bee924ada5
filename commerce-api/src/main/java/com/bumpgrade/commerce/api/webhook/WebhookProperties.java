package com.bumpgrade.commerce.api.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** How webhook translation retries events that arrive before what they depend on. */
@ConfigurationProperties("bumpgrade.webhooks")
public record WebhookProperties(Integer maxAttempts, Duration retryInterval, Duration signatureTolerance) {
    public WebhookProperties {
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        retryInterval = retryInterval == null ? Duration.ofSeconds(10) : retryInterval;
        signatureTolerance = signatureTolerance == null ? Duration.ofSeconds(300) : signatureTolerance;
    }
}
