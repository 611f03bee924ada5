package com.bumpgrade.commerce.api.redaction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scan that runs after the suite (see {@link RedactionScanListener}) recognises what it looks for. */
class RedactionScanTest {

    @Test
    void theScanRecognisesWhatItLooksFor() {
        assertThat(RedactionScan.findings("sample", List.of("{\"id\":\"cs_test_a1B2c3D4e5\"}",
                "pi_3MtwBwLkdIwHu7ix28a3tqPa", "Bearer sk_test_51Abc123xyz", "whsec_abcdef123456",
                "evt_1NG8Du2eZvKYlo2CUI79vXWy", "req_LeakyRequest42"))).hasSize(6);
        assertThat(RedactionScan.findings("sample", List.of("session_failed", "checkout_intent",
                "chk_0123456789abcdef", "idempotency_key_reused", "launch-pass"))).isEmpty();
    }
}
