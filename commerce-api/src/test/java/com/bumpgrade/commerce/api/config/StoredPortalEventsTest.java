package com.bumpgrade.commerce.api.config;

import com.bumpgrade.commerce.domain.entitlement.BillingPortalOpened;
import com.bumpgrade.commerce.domain.entitlement.PortalSessionId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored before the portal session id was split from the link reference still load (D38). */
class StoredPortalEventsTest {
    private static final String CONTEXT = "\"context\":{\"actor\":\"agent-007\",\"role\":\"agent\",\"client\":\"c\","
            + "\"correlationId\":\"corr\",\"idempotencyKey\":\"k\"},\"openedAt\":\"2026-11-30T10:00:00Z\"}";

    @Test
    void anEventRecordedWithPortalRefLoadsAsItsSessionId() throws Exception {
        String old = "{\"entitlementId\":\"ent_" + "a".repeat(32) + "\",\"publisherId\":\"demo\","
                + "\"portalRef\":\"prt_" + "b".repeat(32) + "\"," + CONTEXT;
        BillingPortalOpened event = AxonStorageConfiguration.storageObjectMapper()
                .readValue(old, BillingPortalOpened.class);
        assertThat(event.portalSessionId()).isEqualTo(PortalSessionId.of("prt_" + "b".repeat(32)));
    }

    @Test
    void aNewEventNamesTheSessionOnly() throws Exception {
        String json = "{\"entitlementId\":\"ent_" + "a".repeat(32) + "\",\"publisherId\":\"demo\","
                + "\"portalSessionId\":\"pss_" + "c".repeat(32) + "\"," + CONTEXT;
        BillingPortalOpened event = AxonStorageConfiguration.storageObjectMapper()
                .readValue(json, BillingPortalOpened.class);
        String written = AxonStorageConfiguration.storageObjectMapper().writeValueAsString(event);
        assertThat(written).contains("\"portalSessionId\":\"pss_" + "c".repeat(32) + "\"").doesNotContain("portalRef");
    }
}
