package com.bumpgrade.commerce.api.support;

/** The tokens declared in application-test.yml. */
public final class Tokens {
    public static final String AGENT = "test-agent-token-demo";
    public static final String OWNER = "test-owner-token-demo";
    public static final String AUDITOR = "test-auditor-token-demo";
    public static final String RIVAL_AGENT = "test-agent-token-rival";
    public static final String RIVAL_OWNER = "test-owner-token-rival";

    private Tokens() {
    }
}
