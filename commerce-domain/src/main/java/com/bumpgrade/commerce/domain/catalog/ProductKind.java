package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;

import java.util.Arrays;
import java.util.Locale;

/** What a product is; delivery (later) differs by kind. */
public enum ProductKind {
    PRODUCT, MEMBERSHIP, COURSE, DOWNLOAD, SERVICE;

    public String publicName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProductKind parse(String value) {
        return Arrays.stream(values()).filter(k -> k.publicName().equals(value)).findFirst()
                .orElseThrow(() -> new BillingRuleViolation("invalid_kind",
                        "kind must be product, membership, course, download or service."));
    }
}
