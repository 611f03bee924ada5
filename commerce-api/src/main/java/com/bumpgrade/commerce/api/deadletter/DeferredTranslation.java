package com.bumpgrade.commerce.api.deadletter;

/**
 * An event that cannot be translated yet (what it depends on is not recorded), named by a stable public code.
 * Thrown so the event is retried and, after the attempts, dead-lettered; the code is what the evidence shows.
 */
public final class DeferredTranslation extends RuntimeException {
    private final String code;

    public DeferredTranslation(String code) {
        super(code, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
