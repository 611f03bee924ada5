package com.bumpgrade.commerce.domain.content;

import java.util.List;

/** The computed readiness of a product's content: {@code ready}, or {@code not_ready} with every reason. */
public record ContentReadiness(String status, List<Reason> reasons) {
    public static final String READY = "ready";
    public static final String NOT_READY = "not_ready";

    public ContentReadiness {
        reasons = List.copyOf(reasons);
    }

    public boolean ready() {
        return READY.equals(status);
    }

    /** One reason: its code, and where it applies (module and lesson order, the asset), where it applies. */
    public record Reason(String code, Integer module, Integer lesson, String assetId) {
    }
}
