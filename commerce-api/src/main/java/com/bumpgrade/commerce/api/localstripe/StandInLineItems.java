package com.bumpgrade.commerce.api.localstripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A Checkout Session's line items and optional items, as Stripe keeps them: the session shows {@code optional_items}
 * ({@code price}, {@code quantity}, {@code adjustable_quantity}); {@code GET /v1/checkout/sessions/{id}/line_items}
 * lists the items sold (each an {@code item} with its full {@code price}), optional items the buyer took included.
 */
final class StandInLineItems {
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, List<ObjectNode>> items = new ConcurrentHashMap<>();
    private final Function<String, ObjectNode> fixture;
    private final StandInCatalog catalog;

    StandInLineItems(Function<String, ObjectNode> fixture, StandInCatalog catalog) {
        this.fixture = fixture;
        this.catalog = catalog;
    }

    /** The session's line items from the create form; returns its {@code optional_items} as Stripe shows them. */
    ArrayNode record(String sessionId, Map<String, String> form) {
        List<ObjectNode> sold = new CopyOnWriteArrayList<>();
        for (int i = 0; form.containsKey("line_items[" + i + "][quantity]"); i++) {
            String prefix = "line_items[" + i + "]";
            ObjectNode price = catalog.price(form.get(prefix + "[price]")).map(ObjectNode::deepCopy)
                    .orElseGet(() -> inlinePrice(form, prefix + "[price_data]"));
            sold.add(item(price, Long.parseLong(form.get(prefix + "[quantity]")),
                    form.get(prefix + "[price_data][product_data][name]")));
        }
        items.put(sessionId, sold);
        ArrayNode optional = mapper.createArrayNode();
        for (int i = 0; form.containsKey("optional_items[" + i + "][price]"); i++) {
            optional.addObject().putNull("adjustable_quantity")
                    .put("price", form.get("optional_items[" + i + "][price]"))
                    .put("quantity", Long.parseLong(form.getOrDefault("optional_items[" + i + "][quantity]", "1")));
        }
        return optional;
    }

    /**
     * The buyer ticks one optional item on Stripe's page: it becomes a line item. Returns its amount, empty when the
     * session offers no such item (or it was taken already).
     */
    Optional<Long> take(ObjectNode session, String priceId) {
        List<ObjectNode> sold = items.get(session.path("id").asText());
        boolean offered = false;
        for (var optional : session.path("optional_items")) {
            offered |= priceId.equals(optional.path("price").asText());
        }
        boolean taken = sold.stream().anyMatch(item -> priceId.equals(item.path("price").path("id").asText()));
        Optional<ObjectNode> price = catalog.price(priceId);
        if (!offered || taken || price.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode item = item(price.get().deepCopy(), 1, null);
        sold.add(item);
        return Optional.of(item.path("amount_total").asLong());
    }

    /** The list Stripe answers; empty for an unknown session (the caller answers 404 for that). */
    Optional<ObjectNode> list(String sessionId) {
        List<ObjectNode> sold = items.get(sessionId);
        if (sold == null) {
            return Optional.empty();
        }
        ObjectNode list = mapper.createObjectNode().put("object", "list").put("has_more", false)
                .put("url", "/v1/checkout/sessions/" + sessionId + "/line_items");
        ArrayNode data = list.putArray("data");
        sold.forEach(item -> data.add(item.deepCopy()));
        return Optional.of(list);
    }

    /** A price described inline becomes a Price of its own at Stripe, with a Product of its own, no metadata. */
    private ObjectNode inlinePrice(Map<String, String> form, String prefix) {
        ObjectNode price = fixture.apply("price");
        price.put("id", "price_" + hex(24));
        price.put("product", "prod_" + hex(14));
        price.put("currency", form.get(prefix + "[currency]"));
        long unit = Long.parseLong(form.getOrDefault(prefix + "[unit_amount]", "0"));
        price.put("unit_amount", unit);
        price.put("unit_amount_decimal", String.valueOf(unit));
        price.put("livemode", false);
        price.putObject("metadata");
        if (form.containsKey(prefix + "[recurring][interval]")) {
            price.put("type", "recurring");
            price.putObject("recurring").put("interval", form.get(prefix + "[recurring][interval]"))
                    .put("interval_count", Long.parseLong(form.getOrDefault(prefix + "[recurring][interval_count]",
                            "1"))).put("usage_type", "licensed");
        } else {
            price.put("type", "one_time");
            price.putNull("recurring");
        }
        return price;
    }

    private ObjectNode item(ObjectNode price, long quantity, String description) {
        long amount = price.path("unit_amount").asLong() * quantity;
        ObjectNode item = mapper.createObjectNode();
        item.put("id", "li_" + hex(24));
        item.put("object", "item");
        item.putNull("adjustable_quantity");
        item.put("amount_discount", 0);
        item.put("amount_subtotal", amount);
        item.put("amount_tax", 0);
        item.put("amount_total", amount);
        item.put("currency", price.path("currency").asText());
        item.put("description", description == null ? "Bumpgrade item" : description);
        item.putObject("metadata");
        item.set("price", price);
        item.put("quantity", quantity);
        return item;
    }

    private static String hex(int length) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, length);
    }
}
