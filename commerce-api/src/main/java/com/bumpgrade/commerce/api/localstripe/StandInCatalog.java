package com.bumpgrade.commerce.api.localstripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The stand-in's Products and Prices, as publishing an offer creates them: a repeated Idempotency-Key gets the
 * first answer again, as Stripe answers it.
 */
final class StandInCatalog {
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, ObjectNode> prices = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> idempotent = new ConcurrentHashMap<>();
    private final Function<String, ObjectNode> fixture;

    StandInCatalog(Function<String, ObjectNode> fixture) {
        this.fixture = fixture;
    }

    /** The answer to {@code POST /v1/products} or {@code /v1/prices}; empty for any other route. */
    Optional<ObjectNode> answer(String method, String path, Map<String, String> form, String idempotencyKey) {
        if (!method.equals("POST") || !(path.equals("/v1/products") || path.equals("/v1/prices"))) {
            return Optional.empty();
        }
        String key = path + "|" + (idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey);
        return Optional.of(idempotent.computeIfAbsent(key, k -> path.equals("/v1/products") ? product(form)
                : price(form)));
    }

    /** A Price created here, by its Stripe id. */
    Optional<ObjectNode> price(String priceId) {
        return Optional.ofNullable(priceId == null ? null : prices.get(priceId));
    }

    Map<String, ObjectNode> prices() {
        return Collections.unmodifiableMap(prices);
    }

    private ObjectNode product(Map<String, String> form) {
        ObjectNode product = fixture.apply("product");
        product.put("id", "prod_" + hex(14));
        product.put("name", form.get("name"));
        product.put("livemode", false);
        product.put("created", Instant.now().getEpochSecond());
        product.set("metadata", metadata(form));
        return product;
    }

    private ObjectNode price(Map<String, String> form) {
        ObjectNode price = fixture.apply("price");
        String id = "price_" + hex(24);
        price.put("id", id);
        price.put("product", form.get("product"));
        price.put("currency", form.get("currency"));
        price.put("unit_amount", Long.parseLong(form.get("unit_amount")));
        price.put("unit_amount_decimal", form.get("unit_amount"));
        price.put("livemode", false);
        price.put("created", Instant.now().getEpochSecond());
        price.set("metadata", metadata(form));
        if (form.containsKey("recurring[interval]")) {
            price.put("type", "recurring");
            ObjectNode recurring = price.putObject("recurring");
            recurring.put("interval", form.get("recurring[interval]"));
            recurring.put("interval_count", Long.parseLong(form.getOrDefault("recurring[interval_count]", "1")));
            recurring.put("usage_type", "licensed");
        } else {
            price.put("type", "one_time");
            price.putNull("recurring");
        }
        prices.put(id, price);
        return price;
    }

    private ObjectNode metadata(Map<String, String> form) {
        ObjectNode metadata = mapper.createObjectNode();
        form.forEach((key, value) -> {
            if (key.startsWith("metadata[")) {
                metadata.put(key.substring("metadata[".length(), key.length() - 1), value);
            }
        });
        return metadata;
    }

    private static String hex(int length) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, length);
    }
}
