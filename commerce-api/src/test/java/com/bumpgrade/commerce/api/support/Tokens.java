package com.bumpgrade.commerce.api.support;

/** The tokens declared in application-test.yml. */
public final class Tokens {
    public static final String AGENT = "test-agent-token-demo";
    /** A second agent of the demo publisher, one that started none of the checkouts the tests buy with AGENT. */
    public static final String OTHER_AGENT = "test-agent-token-demo-2";
    public static final String OWNER = "test-owner-token-demo";
    public static final String AUDITOR = "test-auditor-token-demo";
    public static final String RIVAL_AGENT = "test-agent-token-rival";
    public static final String RIVAL_OWNER = "test-owner-token-rival";
    public static final String RIVAL_AUDITOR = "test-auditor-token-rival";
    /** The platform operator: belongs to no publisher. */
    public static final String OPERATOR = "test-operator-token";
    /** Owner of publisher {@code newcomer}, which has a token but no catalogue row. */
    public static final String NEWCOMER_OWNER = "test-owner-token-newcomer";

    private Tokens() {
    }
}
