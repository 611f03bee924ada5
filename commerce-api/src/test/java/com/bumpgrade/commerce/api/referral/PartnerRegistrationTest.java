package com.bumpgrade.commerce.api.referral;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

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
