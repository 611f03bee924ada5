package com.bumpgrade.commerce.domain.shared;

import java.util.regex.Pattern;

/** Validation shared by the typed identifiers: ids travel in URLs, logs and audit rows, so they stay plain. */
final class Identifiers {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private Identifiers() {
    }

    static String require(String kind, String value) {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }
}
