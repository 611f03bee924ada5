package com.bumpgrade.commerce.api.envelope;

import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.domain.shared.BillingContext;

/**
 * Everything rule 2 asks of a billing-impacting write, resolved from the request: the caller, the billing context
 * (actor, client, correlation id, idempotency key), the optional If-Match version and the request fingerprint.
 */
public record BillingWrite(ApiCaller caller, BillingContext context, Long expectedVersion, String fingerprint) {

    /** Idempotency keys are scoped to the caller: two agents may use the same key without colliding. */
    String scope() {
        return caller.publisher().value() + "/" + caller.actor().value();
    }

    String key() {
        return context.idempotencyKey().value();
    }
}
