package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Bumpgrade's own, public id of a checkout intent ("chk_" + 32 hex digits). */
public record CheckoutIntentId(@JsonValue String value) {
    public CheckoutIntentId {
        if (value == null || !value.matches("chk_[0-9a-f]{32}")) {
            throw new IllegalArgumentException("checkout intent id must look like chk_ followed by 32 hex digits");
        }
    }

    @JsonCreator
    public static CheckoutIntentId of(String value) {
        return new CheckoutIntentId(value);
    }

    /**
     * The id is derived from who asked and their idempotency key, so a retried request targets the same
     * aggregate even if the idempotency record were lost.
     */
    public static CheckoutIntentId derive(PublisherId publisher, ActorId actor, IdempotencyKey key) {
        String seed = "checkout|" + publisher.value() + "|" + actor.value() + "|" + key.value();
        UUID uuid = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
        return new CheckoutIntentId("chk_" + uuid.toString().replace("-", ""));
    }

    public static boolean isWellFormed(String value) {
        return value != null && value.matches("chk_[0-9a-f]{32}");
    }

    @Override
    public String toString() {
        return value;
    }
}
