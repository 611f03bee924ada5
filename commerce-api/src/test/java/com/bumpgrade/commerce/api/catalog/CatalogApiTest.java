package com.bumpgrade.commerce.api.catalog;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.api.support.FakeStripe;
import com.bumpgrade.commerce.api.support.RivalPublisher;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.bumpgrade.commerce.domain.catalog.CatalogKey;
import com.bumpgrade.commerce.domain.catalog.OfferDrafted;
import com.bumpgrade.commerce.domain.catalog.OfferPublished;
import com.bumpgrade.commerce.domain.catalog.OfferStripeMapped;
import com.bumpgrade.commerce.domain.catalog.SeededOfferAdopted;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10 items 1-2: an owner drafts a product and an offer, publishes it with the envelope (preview, phrase,
 * If-Match, role, publisher scope), its price is mapped to a Stripe Price, and a checkout of it sends that price
 * and ends in an entitlement; a published price cannot change; archived and draft offers are not sold; a quarterly
 * price bills every 3 months.
 */
class CatalogApiTest extends WebhookTest {
    private static final PublisherId DEMO = PublisherId.of("demo");
    private String suffix;

    @BeforeEach
    void fresh() {
        STRIPE.recover();
        suffix = Long.toString(System.nanoTime(), 36);
    }

    /** A draft write is previewed, then confirmed with the phrase the preview named; a refusal comes at once. */
    private ApiClient.Response confirmed(String path, Map<String, Object> body) {
        String key = ApiClient.uniqueKey("cat-draft");
        ApiClient.Response preview = api().post(path).token(Tokens.OWNER).billing(key, "corr-catalog").json(body)
                .send();
        if (preview.status() != 200) {
            return preview;
        }
        assertThat(preview.json().path("status").asText()).as(preview.body()).isEqualTo("preview");
        Map<String, Object> withPhrase = new LinkedHashMap<>(body);
        withPhrase.put("confirmation", preview.json().path("requiredConfirmation").asText());
        return api().post(path).token(Tokens.OWNER).billing(key, "corr-catalog").json(withPhrase).send();
    }

    private ApiClient.Response product(String id, String title) {
        return confirmed("/api/commerce/catalog/products", Map.of("productId", id, "title", title, "kind", "course"));
    }

    private ApiClient.Response offer(String offerId, String productId, String title, Map<String, Object> price) {
        return confirmed("/api/commerce/catalog/offers", Map.of("offerId", offerId, "productId", productId,
                "title", title, "role", "main", "price", price));
    }

    private static Map<String, Object> oneTime(long amount) {
        return Map.of("amountMinor", amount, "currency", "USD");
    }

    /** A product and a draft offer of it; answers the draft. */
    private JsonNode draft(String offerId, String title, Map<String, Object> price) {
        ApiClient.Response preview = api().post("/api/commerce/catalog/products").token(Tokens.OWNER)
                .billing(ApiClient.uniqueKey("cat-p"), "corr-catalog")
                .json(Map.of("productId", "p-" + offerId, "title", title, "kind", "course")).send();
        assertThat(preview.json().path("requiredConfirmation").asText()).isEqualTo("Save product " + title
                + " (course)");
        ApiClient.Response product = product("p-" + offerId, title);
        assertThat(product.status()).as(product.body()).isEqualTo(200);
        ApiClient.Response draft = offer(offerId, "p-" + offerId, title, price);
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().path("status").asText()).isEqualTo("draft");
        return draft.json();
    }

    private ApiClient.Response act(String token, String offerId, String action, String version, String phrase) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (phrase != null) {
            body.put("confirmation", phrase);
        }
        return api().post("/api/commerce/catalog/offers/" + offerId + "/" + action).token(token)
                .billing(ApiClient.uniqueKey("cat"), "corr-cat").header("If-Match", version).json(body).send();
    }

    private ApiClient.Response get(String token, String offerId) {
        return api().get("/api/commerce/catalog/offers/" + offerId).token(token).send();
    }

    private ApiClient.Response checkout(String offerId, String phrase) {
        return api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("cat-chk"), "corr-cat-chk")
                .json(Map.of("offerId", offerId, "confirmation", phrase)).send();
    }

    private ApiClient.Response publish(String offerId, String phrase) {
        String version = get(Tokens.OWNER, offerId).header("ETag");
        return act(Tokens.OWNER, offerId, "publish", version, phrase);
    }

    @Test
    void aDraftIsPublishedWithTheEnvelopeThenSoldWithItsMappedStripePriceUntilPaidAndGranted() {
        String offerId = "course-" + suffix;
        String title = "Launch course " + suffix;
        String phrase = "Publish offer " + title + " at 49.00 USD";
        JsonNode draft = draft(offerId, title, oneTime(4900));
        String version = "\"" + draft.path("version").asLong() + "\"";
        assertThat(get(Tokens.OWNER, offerId).header("ETag")).isEqualTo(version);

        // a draft is not for sale
        assertThat(checkout(offerId, "Create checkout for " + title + " at 49.00 USD").errorCode())
                .isEqualTo("unknown_offer");

        ApiClient.Response preview = act(Tokens.OWNER, offerId, "publish", version, null);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("status").asText()).isEqualTo("preview");
        assertThat(preview.json().path("requiredConfirmation").asText()).isEqualTo(phrase);

        ApiClient.Response wrong = act(Tokens.OWNER, offerId, "publish", version, "Publish offer " + title);
        assertThat(wrong.json().path("reason").asText()).isEqualTo("confirmation_mismatch");
        assertThat(act(Tokens.OWNER, offerId, "publish", "\"99\"", phrase).status()).isEqualTo(412);
        assertThat(act(Tokens.AGENT, offerId, "publish", version, phrase).status()).isEqualTo(403);
        assertThat(act(Tokens.RIVAL_OWNER, offerId, "publish", version, phrase).status()).isEqualTo(404);
        assertThat(get(Tokens.RIVAL_AGENT, offerId).status()).isEqualTo(404);
        assertThat(get(Tokens.OWNER, offerId).json().path("status").asText()).isEqualTo("draft");
        assertThat(STRIPE.calls()).noneMatch(c -> c.path().equals("/v1/prices")
                && offerId.equals(c.form().get("metadata[bumpgrade_offer_id]")));

        String key = ApiClient.uniqueKey("cat-publish");
        ApiClient.Response published = api().post("/api/commerce/catalog/offers/" + offerId + "/publish")
                .token(Tokens.OWNER).billing(key, "corr-publish-" + suffix).header("If-Match", version)
                .json(Map.of("confirmation", phrase)).send();
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("stripeSync").asText()).isEqualTo("mapped");
        ApiClient.Response replayed = api().post("/api/commerce/catalog/offers/" + offerId + "/publish")
                .token(Tokens.OWNER).billing(key, "corr-publish-" + suffix).header("If-Match", version)
                .json(Map.of("confirmation", phrase)).send();
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.body()).isEqualTo(published.body());
        EventStream.of(jdbc, CatalogKey.ofOffer(DEMO, OfferId.of(offerId)).value())
                .expectExactly(OfferDrafted.class, OfferPublished.class, OfferStripeMapped.class);
        String priceId = draft.path("price").path("priceId").asText();
        List<FakeStripe.Call> priceCalls = STRIPE.calls().stream().filter(c -> c.path().equals("/v1/prices")
                && offerId.equals(c.form().get("metadata[bumpgrade_offer_id]"))).toList();
        assertThat(priceCalls).hasSize(1);
        assertThat(priceCalls.get(0).header("Idempotency-Key")).isEqualTo("bumpgrade-price-" + priceId);
        assertThat(priceCalls.get(0).form()).containsEntry("unit_amount", "4900").containsEntry("currency", "usd");
        String stripePrice = STRIPE.prices().values().stream()
                .filter(p -> priceId.equals(p.path("metadata").path("bumpgrade_price_id").asText()))
                .findFirst().orElseThrow().path("id").asText();

        // every role of the publisher discovers it; no Stripe id in what they see
        ApiClient.Response listed = api().get("/api/commerce/catalog/offers").token(Tokens.AGENT).send();
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("offers").findValuesAsText("offerId")).contains(offerId, "launch-pass");
        assertThat(listed.body()).doesNotContain(stripePrice);
        JsonNode view = get(Tokens.AUDITOR, offerId).json();
        assertThat(view.path("status").asText()).isEqualTo("published");
        assertThat(view.path("stripeSync").asText()).isEqualTo("mapped");
        assertThat(view.path("price").path("display").asText()).isEqualTo("49.00 USD");

        // every change is audited, by the owner, without a Stripe id; so is the refused stale publish, which the
        // aggregate refused on this offer (D97); the other refusals name no record
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ApiClient.Response audit = api().get("/api/commerce/audit-entries?subjectId=" + offerId)
                    .token(Tokens.AUDITOR).send();
            assertThat(audit.json().path("entries").findValuesAsText("action")).containsExactly(
                    "catalog.offer.draft", "catalog.publish", "catalog.offer.publish", "catalog.offer.stripe_sync");
            assertThat(audit.json().path("entries").get(1).path("detail").path("code").asText())
                    .isEqualTo("stale_version");
            assertThat(audit.body()).doesNotContain(stripePrice).doesNotContain("prod_");
        });

        ApiClient.Response opened = checkout(offerId, "Create checkout for " + title + " at 49.00 USD");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String intent = opened.json().path("checkoutIntentId").asText();
        Map<String, String> form = STRIPE.sessionCreatesFor(intent).get(0).form();
        assertThat(form).containsEntry("line_items[0][price]", stripePrice)
                .doesNotContainKey("line_items[0][price_data][unit_amount]");
        deliver(completed(intent));
        awaitIntent(intent, "paid");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api()
                .get("/api/commerce/entitlements?checkoutIntentId=" + intent).token(Tokens.OWNER).send().json()
                .path("entitlements")).hasSize(1));
    }

    @Test
    void whenStripeFailsThePublishStandsAndTheConfirmedSyncMapsItLater() {
        String offerId = "later-" + suffix;
        String title = "Later course " + suffix;
        draft(offerId, title, oneTime(2000));
        STRIPE.failNext(FakeStripe.Failure.SERVER_ERROR, 10);
        ApiClient.Response published = publish(offerId, "Publish offer " + title + " at 20.00 USD");
        STRIPE.recover();
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("stripeSync").asText()).isEqualTo("pending");
        assertThat(get(Tokens.OWNER, offerId).json().path("stripeSync").asText()).isEqualTo("pending");
        // sold meanwhile with price_data, as before
        ApiClient.Response unmapped = checkout(offerId, "Create checkout for " + title + " at 20.00 USD");
        assertThat(STRIPE.sessionCreatesFor(unmapped.json().path("checkoutIntentId").asText()).get(0).form())
                .containsEntry("line_items[0][price_data][unit_amount]", "2000")
                .doesNotContainKey("line_items[0][price]");

        String version = get(Tokens.OWNER, offerId).header("ETag");
        String phrase = "Sync offer " + title + " at 20.00 USD to Stripe";
        assertThat(act(Tokens.OWNER, offerId, "stripe-sync", version, null).json().path("requiredConfirmation")
                .asText()).isEqualTo(phrase);
        assertThat(act(Tokens.AGENT, offerId, "stripe-sync", version, phrase).status()).isEqualTo(403);
        ApiClient.Response synced = act(Tokens.OWNER, offerId, "stripe-sync", version, phrase);
        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        assertThat(synced.json().path("stripeSync").asText()).isEqualTo("mapped");
        assertThat(get(Tokens.OWNER, offerId).json().path("stripeSync").asText()).isEqualTo("mapped");
        ApiClient.Response mapped = checkout(offerId, "Create checkout for " + title + " at 20.00 USD");
        assertThat(STRIPE.sessionCreatesFor(mapped.json().path("checkoutIntentId").asText()).get(0).form())
                .containsKey("line_items[0][price]");
    }

    @Test
    void aSeededOfferIsAdoptedAtVersionZeroThenMappedAndArchivedLikeAnyOther() {
        RivalPublisher.sellsAPassWithAPartner(jdbc);
        String offerId = "rival-seed-" + suffix;
        // a seed as the migrations write them: published, no key, no version
        jdbc.update("INSERT INTO offer (offer_id, publisher_id, product_id, title, role) VALUES (?, 'rival', "
                + "'rival-pass', 'Rival seed', 'main')", offerId);
        jdbc.update("INSERT INTO price (price_id, publisher_id, offer_id, amount_minor, currency, billing_type) "
                + "VALUES (?, 'rival', ?, 800, 'USD', 'one_time')", "price-" + offerId, offerId);
        ApiClient.Response seed = get(Tokens.RIVAL_AGENT, offerId);
        assertThat(seed.header("ETag")).isEqualTo("\"0\"");
        assertThat(seed.json().path("stripeSync").asText()).isEqualTo("pending");
        String phrase = "Sync offer Rival seed at 8.00 USD to Stripe";
        assertThat(act(Tokens.RIVAL_OWNER, offerId, "stripe-sync", "\"0\"", null).json()
                .path("requiredConfirmation").asText()).isEqualTo(phrase);
        assertThat(act(Tokens.OWNER, offerId, "stripe-sync", "\"0\"", phrase).status()).isEqualTo(404);

        ApiClient.Response synced = act(Tokens.RIVAL_OWNER, offerId, "stripe-sync", "\"0\"", phrase);
        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        assertThat(synced.json().path("stripeSync").asText()).isEqualTo("mapped");
        EventStream.of(jdbc, CatalogKey.ofOffer(PublisherId.of("rival"), OfferId.of(offerId)).value())
                .expectExactly(SeededOfferAdopted.class, OfferStripeMapped.class);
        assertThat(STRIPE.calls()).anyMatch(c -> c.path().equals("/v1/prices")
                && ("bumpgrade-price-price-" + offerId).equals(c.header("Idempotency-Key")));
        ApiClient.Response view = get(Tokens.RIVAL_OWNER, offerId);
        assertThat(view.header("ETag")).isEqualTo("\"1\"");
        ApiClient.Response archived = act(Tokens.RIVAL_OWNER, offerId, "archive", "\"1\"", "Archive offer Rival seed");
        assertThat(archived.status()).as(archived.body()).isEqualTo(200);
        assertThat(get(Tokens.RIVAL_OWNER, offerId).json().path("status").asText()).isEqualTo("archived");
    }

    @Test
    void aPublishedPriceCannotChangeAndAnArchivedOfferIsNotSold() {
        String offerId = "fixed-" + suffix;
        String title = "Fixed course " + suffix;
        draft(offerId, title, oneTime(1000));
        // a draft is free to edit: a new price replaces the draft's
        ApiClient.Response edited = offer(offerId, "p-" + offerId, title, oneTime(1200));
        assertThat(edited.json().path("price").path("amountMinor").asLong()).isEqualTo(1200);
        assertThat(publish(offerId, "Publish offer " + title + " at 12.00 USD").status()).isEqualTo(200);

        ApiClient.Response changed = offer(offerId, "p-" + offerId, title, oneTime(1500));
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.errorCode()).isEqualTo("offer_published");
        assertThat(get(Tokens.OWNER, offerId).json().path("price").path("amountMinor").asLong()).isEqualTo(1200);

        String version = get(Tokens.OWNER, offerId).header("ETag");
        assertThat(act(Tokens.OWNER, offerId, "archive", version, null).json().path("requiredConfirmation")
                .asText()).isEqualTo("Archive offer " + title);
        assertThat(act(Tokens.OWNER, offerId, "archive", version, "Archive offer " + title).status())
                .isEqualTo(200);
        assertThat(get(Tokens.OWNER, offerId).json().path("status").asText()).isEqualTo("archived");
        assertThat(checkout(offerId, "Create checkout for " + title + " at 12.00 USD").errorCode())
                .isEqualTo("unknown_offer");
        assertThat(api().get("/api/commerce/catalog/offers").token(Tokens.AGENT).send().json().path("offers")
                .findValuesAsText("offerId")).doesNotContain(offerId);
        // the seeded offers are published: their price does not change either
        assertThat(offer("launch-pass", "launch-pass", "Bumpgrade launch pass", oneTime(100)).errorCode())
                .isEqualTo("offer_published");
    }

    @Test
    void aQuarterlyPriceBillsEveryThreeMonths() {
        String offerId = "quarterly-" + suffix;
        String title = "Quarterly club " + suffix;
        draft(offerId, title, Map.of("amountMinor", 4500, "currency", "USD", "interval", "month",
                "intervalCount", 3));
        assertThat(publish(offerId, "Publish offer " + title + " at 45.00 USD every 3 months").status())
                .isEqualTo(200);
        FakeStripe.Call price = STRIPE.calls().stream().filter(c -> c.path().equals("/v1/prices")
                && offerId.equals(c.form().get("metadata[bumpgrade_offer_id]"))).findFirst().orElseThrow();
        assertThat(price.form()).containsEntry("recurring[interval]", "month")
                .containsEntry("recurring[interval_count]", "3");

        ApiClient.Response opened = checkout(offerId, "Create checkout for " + title + " at 45.00 USD every 3 months");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(STRIPE.sessionCreatesFor(opened.json().path("checkoutIntentId").asText()).get(0).form())
                .containsEntry("mode", "subscription").containsKey("line_items[0][price]");

        // unmapped (Stripe was down at the publish): the inline price_data bills every 3 months too
        String unmapped = "quarterly-inline-" + suffix;
        draft(unmapped, title + " inline", Map.of("amountMinor", 4500, "currency", "USD", "interval", "month",
                "intervalCount", 3));
        STRIPE.failNext(FakeStripe.Failure.SERVER_ERROR, 10);
        ApiClient.Response pending = publish(unmapped, "Publish offer " + title + " inline at 45.00 USD every 3 months");
        STRIPE.recover();
        assertThat(pending.json().path("stripeSync").asText()).as(pending.body()).isEqualTo("pending");
        ApiClient.Response inline = checkout(unmapped, "Create checkout for " + title
                + " inline at 45.00 USD every 3 months");
        assertThat(inline.status()).as(inline.body()).isEqualTo(201);
        assertThat(STRIPE.sessionCreatesFor(inline.json().path("checkoutIntentId").asText()).get(0).form())
                .containsEntry("line_items[0][price_data][recurring][interval]", "month")
                .containsEntry("line_items[0][price_data][recurring][interval_count]", "3");
    }

    @Test
    void badInputIsRefusedClearly() {
        assertThat(product("bad id", "x").errorCode()).isEqualTo("invalid_field");
        assertThat(confirmed("/api/commerce/catalog/products", Map.of("productId", "p-kind-" + suffix, "title", "x",
                "kind", "boat")).errorCode()).isEqualTo("invalid_kind");
        assertThat(offer("o-" + suffix, "missing-" + suffix, "x", oneTime(100)).errorCode())
                .isEqualTo("unknown_product");
        product("p-bad-" + suffix, "Bad");
        assertThat(offer("o-" + suffix, "p-bad-" + suffix, "x", Map.of("amountMinor", 100, "currency", "USD",
                "interval", "month", "intervalCount", 13)).errorCode()).isEqualTo("invalid_price");
        assertThat(offer("o-" + suffix, "p-bad-" + suffix, "x", Map.of("amountMinor", 100, "currency", "XYZ"))
                .errorCode()).isEqualTo("invalid_field");
        assertThat(api().post("/api/commerce/catalog/offers").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("cat-agent"), "corr").json(Map.of("offerId", "o-" + suffix)).send()
                .status()).isEqualTo(403);
        assertThat(get(Tokens.OWNER, "no-such-" + suffix).status()).isEqualTo(404);
    }
}
