package com.bumpgrade.commerce.api.checkout;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bumpgrade's own plans: which catalog publisher sells them, and whether a live Stripe key may be used for them.
 * Live plan billing is off unless {@code bumpgrade.plans.live-enabled=true}; publisher offers never go live.
 */
@ConfigurationProperties("bumpgrade.plans")
public record PlanProperties(String publisher, Boolean liveEnabled) {
    public PlanProperties {
        publisher = publisher == null || publisher.isBlank() ? "bumpgrade" : publisher;
        liveEnabled = liveEnabled != null && liveEnabled;
    }
}
