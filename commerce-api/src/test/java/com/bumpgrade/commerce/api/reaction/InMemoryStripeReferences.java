package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.api.stripe.StripeReferenceVault.Kind;
import com.bumpgrade.commerce.api.stripe.StripeReferences;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The private reference table in a map, for reaction tests. */
public final class InMemoryStripeReferences implements StripeReferences {
    private final Map<String, String> values = new LinkedHashMap<>();

    private static String key(String bumpgradeId, Kind kind) {
        return kind + "|" + bumpgradeId;
    }

    @Override
    public void put(String bumpgradeId, Kind kind, String stripeValue) {
        values.put(key(bumpgradeId, kind), stripeValue);
    }

    @Override
    public Optional<String> find(String bumpgradeId, Kind kind) {
        return Optional.ofNullable(values.get(key(bumpgradeId, kind)));
    }

    @Override
    public Optional<String> findBumpgradeId(Kind kind, String stripeValue) {
        return values.entrySet().stream()
                .filter(e -> e.getKey().startsWith(kind + "|") && e.getValue().equals(stripeValue))
                .map(e -> e.getKey().substring(kind.toString().length() + 1)).findFirst();
    }

    public Map<String, String> all() {
        return Map.copyOf(values);
    }
}
