package com.bumpgrade.commerce.api.catalog;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** D77: without a sandbox key a publish is recorded and calls nothing; the Stripe sync stays a preview. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "stripe.secret-key=")
class CatalogWithoutSandboxKeyTest extends ServiceTest {

    private ApiClient.Response confirmed(String path, String version, Map<String, Object> body) {
        String key = ApiClient.uniqueKey("nokey-cat");
        ApiClient.Call preview = api().post(path).token(Tokens.OWNER).billing(key, "corr-nokey");
        if (version != null) {
            preview.header("If-Match", version);
        }
        String phrase = preview.json(body).send().json().path("requiredConfirmation").asText();
        Map<String, Object> withPhrase = new LinkedHashMap<>(body);
        withPhrase.put("confirmation", phrase);
        ApiClient.Call confirm = api().post(path).token(Tokens.OWNER).billing(key, "corr-nokey");
        if (version != null) {
            confirm.header("If-Match", version);
        }
        return confirm.json(withPhrase).send();
    }

    @Test
    void aPublishIsRecordedAndTheSyncWaitsForAKey() {
        String id = "nokey-" + Long.toString(System.nanoTime(), 36);
        int calls = STRIPE.calls().size();
        assertThat(confirmed("/api/commerce/catalog/products", null, Map.of("productId", id, "title", "No key",
                "kind", "service")).status()).isEqualTo(200);
        ApiClient.Response draft = confirmed("/api/commerce/catalog/offers", null, Map.of("offerId", id,
                "productId", id, "title", "No key", "role", "main",
                "price", Map.of("amountMinor", 700, "currency", "EUR")));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        String version = "\"" + draft.json().path("version").asLong() + "\"";

        ApiClient.Response published = confirmed("/api/commerce/catalog/offers/" + id + "/publish", version,
                Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("stripeSync").asText()).isEqualTo("pending");

        String now = api().get("/api/commerce/catalog/offers/" + id).token(Tokens.OWNER).send().header("ETag");
        ApiClient.Response sync = confirmed("/api/commerce/catalog/offers/" + id + "/stripe-sync", now, Map.of());
        assertThat(sync.status()).isEqualTo(200);
        assertThat(sync.json().path("status").asText()).isEqualTo("preview");
        assertThat(sync.json().path("reason").asText()).isEqualTo("sandbox_secret_missing");
        assertThat(STRIPE.calls()).hasSize(calls);
    }
}
