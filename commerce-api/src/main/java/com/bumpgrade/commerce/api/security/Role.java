package com.bumpgrade.commerce.api.security;

import java.util.Locale;

/**
 * What a bearer token may do. {@code OPERATOR} is the platform operator: it belongs to no publisher and sees only
 * what belongs to none: webhook evidence and translation dead letters attributed to no publisher, and the
 * dead-letter listing of every processing group.
 */
public enum Role {
    AGENT, OWNER, AUDITOR, OPERATOR;

    /** Every role but the operator acts for exactly one publisher. */
    public boolean belongsToPublisher() {
        return this != OPERATOR;
    }

    public static Role parse(String value) {
        return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public String publicName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
