package com.bumpgrade.commerce.domain.shared;

/**
 * Rule 1 of the brief: a billing write is confirmed only by the exact phrase the server derived. One rule for
 * every confirmed write, checked by the API before it acts and again by the aggregate that records the action.
 */
public final class Confirmation {
    private Confirmation() {
    }

    /** Exact match; only surrounding white space is forgiven, since agents often add a newline. */
    public static boolean confirms(String required, String given) {
        return given != null && required.equals(given.strip());
    }
}
