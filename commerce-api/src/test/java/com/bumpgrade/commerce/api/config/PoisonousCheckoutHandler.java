package com.bumpgrade.commerce.api.config;

import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Test-only handler in the checkout-view group that fails for checkouts whose correlation id starts with
 * "poison-", until it is cured: a stand-in for a projection bug, to prove failures are dead-lettered, not lost.
 */
@Component
@ProcessingGroup(ProcessingGroups.READ_MODELS)
public class PoisonousCheckoutHandler {
    static volatile boolean cured;

    /** Poisons (false) or cures (true) checkouts whose correlation id starts with "poison-", for any test. */
    public static void cured(boolean cure) {
        cured = cure;
    }

    @EventHandler
    void on(CheckoutStarted event) {
        if (!cured && event.context().correlationId().value().startsWith("poison-")) {
            throw new IllegalStateException("poisoned projection");
        }
    }
}
