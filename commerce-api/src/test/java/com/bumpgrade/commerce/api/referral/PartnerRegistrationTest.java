package com.bumpgrade.commerce.api.referral;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A publisher that has a token but no catalogue row yet gets a clear refusal, never a 500. */
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
