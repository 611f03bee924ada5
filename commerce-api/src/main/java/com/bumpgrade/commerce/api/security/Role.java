package com.bumpgrade.commerce.api.security;

import java.util.Locale;

/** What a bearer token may do. */
public enum Role {
    AGENT, OWNER, AUDITOR;

    public static Role parse(String value) {
        return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public String publicName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
