package com.bumpgrade.commerce.domain.content;

import com.bumpgrade.commerce.domain.catalog.ProductId;

import java.util.List;

/** The exact phrases of the content readiness writes. */
public final class ContentConfirmationPolicy {
    private ContentConfirmationPolicy() {
    }

    public static String save(ProductId product, List<ContentModule> modules) {
        int lessons = modules.stream().mapToInt(module -> module.lessons().size()).sum();
        return "Save content structure of product " + product.value() + ": " + modules.size() + " modules, "
                + lessons + " lessons";
    }

    public static String markReady(ProductId product) {
        return "Mark product " + product.value() + " ready for delivery";
    }
}
