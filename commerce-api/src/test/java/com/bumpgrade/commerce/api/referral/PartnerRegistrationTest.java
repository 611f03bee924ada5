package com.bumpgrade.commerce.api.referral;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.PartnerRecordId;
import com.bumpgrade.commerce.domain.referral.PartnerRegistered;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Partner registration: one event and one audit entry per partner; a publisher that has a token but no catalogue
 * row yet gets a clear refusal, never a 500.
 */
class PartnerRegistrationTest extends ServiceTest {

    private static Map<String, Object> body(String confirmation) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("partnerId", "partner-early",
                "displayName", "Early partner", "referralCode", "EARLY10", "commissionBasisPoints", 1000));
        if (confirmation != null) {
            body.put("confirmation", confirmation);
        }
        return body;
    }

    /**
     * Read-your-writes: the owner's partner listing right after the 201 shows the new partner as the 201 answered
     * it, and its referral code takes clicks at once.
     */
    @Test
    void theListingRightAfterARegistrationShowsThePartner() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String partnerId = "partner-" + suffix;
        String code = "RYW" + suffix;
        ApiClient.Response registered = api().post("/api/commerce/partners").token(Tokens.OWNER)
                .billing(ApiClient.uniqueKey("partner"), "corr-partner")
                .json(Map.of("partnerId", partnerId, "displayName", "Read-back partner", "referralCode", code,
                        "commissionBasisPoints", 1500,
                        "confirmation", "Register partner " + partnerId + " with code " + code + " at 1500 basis points"))
                .send();
        ApiClient.Response listed = api().get("/api/commerce/partners").token(Tokens.OWNER).send();
        ApiClient.Response click = api().post("/referrals/demo/" + code + "/clicks").send();

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode partner = registered.json().path("partner");
        assertThat(partner.path("partnerId").asText()).isEqualTo(partnerId);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("partners")).contains(partner);
        assertThat(click.status()).as(click.body()).isEqualTo(201);
    }

    /**
     * A registration is one {@code PartnerRegistered} on the partner's own stream, and its audit entry carries the
     * owner's actor, client and correlation id. A taken id or a taken code appends nothing and writes no row.
     */
    @Test
    void aRegistrationIsOneEventAndOneAuditEntryAndATakenIdOrCodeAppendsNothing() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String partnerId = "partner-" + suffix;
        String code = "AUD" + suffix;
        EventStream stream = EventStream.of(jdbc,
                PartnerRecordId.forPartner(PublisherId.of("demo"), PartnerId.of(partnerId)).value());

        ApiClient.Response registered = register(partnerId, code, "corr-partner-" + suffix);

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        stream.expectExactly(PartnerRegistered.class);
        JsonNode entry = await().atMost(Duration.ofSeconds(15)).until(() -> api()
                        .get("/api/commerce/audit-entries?subjectId=" + partnerId).token(Tokens.AUDITOR).send().json()
                        .path("entries"), entries -> entries.size() == 1).get(0);
        assertThat(List.of(entry.path("action").asText(), entry.path("result").asText(),
                entry.path("actor").asText(), entry.path("actorRole").asText(), entry.path("client").asText(),
                entry.path("correlationId").asText(), entry.path("subjectType").asText(),
                entry.path("detail").toString())).containsExactly("partner.register", "registered", "owner-demo",
                "owner", "api-test", "corr-partner-" + suffix, "partner",
                "{\"referralCode\":\"" + code + "\",\"commissionBasisPoints\":1500}");

        // the same id with another code, then another id with the same code: both taken, nothing appended
        ApiClient.Response sameId = register(partnerId, code + "X", "corr-again");
        String otherId = partnerId + "-b";
        EventStream other = EventStream.of(jdbc,
                PartnerRecordId.forPartner(PublisherId.of("demo"), PartnerId.of(otherId)).value());
        ApiClient.Response sameCode = register(otherId, code, "corr-again");
        for (ApiClient.Response taken : List.of(sameId, sameCode)) {
            assertThat(taken.status()).as(taken.body()).isEqualTo(409);
            assertThat(taken.errorCode()).isEqualTo("partner_exists");
        }
        stream.expectExactly(PartnerRegistered.class);
        other.expectExactly();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM partner WHERE partner_id = ?", Long.class, otherId))
                .isZero();
    }

    private ApiClient.Response register(String partnerId, String code, String correlationId) {
        return api().post("/api/commerce/partners").token(Tokens.OWNER)
                .billing(ApiClient.uniqueKey("partner"), correlationId)
                .json(Map.of("partnerId", partnerId, "displayName", "Audited partner", "referralCode", code,
                        "commissionBasisPoints", 1500,
                        "confirmation", "Register partner " + partnerId + " with code " + code + " at 1500 basis points"))
                .send();
    }

    @Test
    void aPublisherWithoutCatalogueRowIsRefusedClearly() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM publisher WHERE publisher_id = 'newcomer'",
                Long.class)).isZero();
        String phrase = "Register partner partner-early with code EARLY10 at 1000 basis points";
        for (Map<String, Object> body : new Map[]{body(null), body(phrase)}) {
            ApiClient.Response response = api().post("/api/commerce/partners").token(Tokens.NEWCOMER_OWNER)
                    .billing(ApiClient.uniqueKey("newcomer"), "corr-newcomer").json(body).send();
            assertThat(response.status()).as(response.body()).isEqualTo(409);
            assertThat(response.errorCode()).isEqualTo("publisher_has_no_catalog");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("partner_publisher_id_fkey");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM partner WHERE publisher_id = 'newcomer'", Long.class))
                .isZero();
        assertThat(api().get("/api/commerce/partners").token(Tokens.NEWCOMER_OWNER).send().body())
                .isEqualTo("{\"partners\":[]}");
    }
}
