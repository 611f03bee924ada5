package com.bumpgrade.commerce.api.webhook;

/**
 * An event that cannot be translated yet (what it depends on is not recorded), named by a stable public code.
 * Thrown so the event is retried and, after the attempts, dead-lettered; the code is what the evidence shows.
 */
final class DeferredTranslation extends RuntimeException {
    private final String code;

    DeferredTranslation(String code) {
        super(code, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
