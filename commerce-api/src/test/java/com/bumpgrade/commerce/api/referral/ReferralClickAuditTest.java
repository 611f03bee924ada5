package com.bumpgrade.commerce.api.referral;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.domain.referral.ReferralClickRecorded;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A referral click is one {@code ReferralClickRecorded} on the click's own stream and one audit entry of an
 * anonymous visitor: the request's client and correlation id when it sent them, else {@code referral-link} and
 * the click id. A link that leads nowhere records nothing.
 */
class ReferralClickAuditTest extends ServiceTest {

    @Test
    void aClickIsOneEventAndOneAuditEntryOfAnAnonymousVisitor() {
        String correlation = ApiClient.uniqueKey("corr-click");
        ApiClient.Response tagged = api().post("/referrals/demo/ADA30/clicks").header("X-Correlation-Id", correlation)
                .header("X-Bumpgrade-Client", "partner-site/1.0").send();
        ApiClient.Response bare = api().post("/referrals/demo/ADA30/clicks").send();

        assertThat(tagged.status()).as(tagged.body()).isEqualTo(201);
        assertThat(bare.status()).as(bare.body()).isEqualTo(201);
        String taggedClick = tagged.json().path("clickId").asText();
        String bareClick = bare.json().path("clickId").asText();
        EventStream.of(jdbc, taggedClick).expectExactly(ReferralClickRecorded.class);
        EventStream.of(jdbc, bareClick).expectExactly(ReferralClickRecorded.class);

        assertThat(entry(taggedClick)).containsExactly("referral.click", "recorded", "visitor", "public",
                "partner-site/1.0", correlation, "referral_click", "{\"partnerId\":\"partner-ada\"}");
        assertThat(entry(bareClick)).containsExactly("referral.click", "recorded", "visitor", "public",
                "referral-link", bareClick, "referral_click", "{\"partnerId\":\"partner-ada\"}");
    }

    @Test
    void anUnknownCodeOrPublisherRecordsNothing() {
        long before = clickEvents();
        assertThat(api().post("/referrals/demo/NOSUCHCODE/clicks").send().status()).isEqualTo(404);
        assertThat(api().post("/referrals/nosuchpublisher/ADA30/clicks").send().status()).isEqualTo(404);
        assertThat(clickEvents()).isEqualTo(before);
    }

    private long clickEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                ReferralClickRecorded.class.getName());
    }

    private List<String> entry(String clickId) {
        JsonNode entry = await().atMost(Duration.ofSeconds(15)).until(() -> api()
                        .get("/api/commerce/audit-entries?subjectId=" + clickId).token(Tokens.OWNER).send().json()
                        .path("entries"), entries -> entries.size() == 1).get(0);
        return List.of(entry.path("action").asText(), entry.path("result").asText(), entry.path("actor").asText(),
                entry.path("actorRole").asText(), entry.path("client").asText(), entry.path("correlationId").asText(),
                entry.path("subjectType").asText(), entry.path("detail").toString());
    }
}
