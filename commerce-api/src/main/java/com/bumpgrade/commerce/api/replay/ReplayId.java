package com.bumpgrade.commerce.api.replay;

import java.util.HexFormat;
import java.security.SecureRandom;

/** An audit replay's id: {@code rpl_} and 32 random hex digits. */
record ReplayId(String value) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static ReplayId random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new ReplayId("rpl_" + HexFormat.of().formatHex(bytes));
    }

    /** The schema of its shadow tables: only hex digits follow the prefix, so it is safe in SQL. */
    String schema() {
        return "replay_" + value.substring("rpl_".length());
    }
}
