package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.api.support.FakeStripe;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.bumpgrade.commerce.domain.catalog.CatalogKey;
import com.bumpgrade.commerce.domain.catalog.OfferOrderBumpsSet;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutItemsBought;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaymentRejected;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
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
 * Issue 9 item 4: a main offer lists its order bumps; a checkout sells only those; with buyer_choice the buyer ticks
 * them on Stripe's page, what was bought is read back from the session's line items, and only that is granted.
 */
class OrderBumpsApiTest extends WebhookTest {
    private static final PublisherId DEMO = PublisherId.of("demo");
    private String main;
    private String bump;
    private String other;
    private String mainTitle;
    private String suffix;

    @BeforeEach
    void catalogue() {
        STRIPE.recover();
        suffix = Long.toString(System.nanoTime(), 36);
        // bumps sort before the main offer: grants go in offer id order, so a granted main means no bump follows
        main = "zz-main-" + suffix;
        bump = "bump-a-" + suffix;
        other = "bump-b-" + suffix;
        mainTitle = "Main course " + suffix;
        published(main, mainTitle, "main", 2000);
        published(bump, "Workbook " + suffix, "order_bump", 500);
        published(other, "Templates " + suffix, "order_bump", 300);
    }

    private ApiClient.Response confirmed(String path, String version, Map<String, Object> body) {
        String key = ApiClient.uniqueKey("ob");
        ApiClient.Call preview = api().post(path).token(Tokens.OWNER).billing(key, "corr-ob");
        if (version != null) {
            preview.header("If-Match", version);
        }
        ApiClient.Response answer = preview.json(body).send();
        if (answer.status() != 200 || !"preview".equals(answer.json().path("status").asText())) {
            return answer;
        }
        Map<String, Object> withPhrase = new LinkedHashMap<>(body);
        withPhrase.put("confirmation", answer.json().path("requiredConfirmation").asText());
        ApiClient.Call confirm = api().post(path).token(Tokens.OWNER).billing(key, "corr-ob");
        if (version != null) {
            confirm.header("If-Match", version);
        }
        return confirm.json(withPhrase).send();
    }

    private void published(String offerId, String title, String role, long amount) {
        assertThat(confirmed("/api/commerce/catalog/products", null, Map.of("productId", "p-" + offerId,
                "title", title, "kind", "course")).status()).isEqualTo(200);
        ApiClient.Response draft = confirmed("/api/commerce/catalog/offers", null, Map.of("offerId", offerId,
                "productId", "p-" + offerId, "title", title, "role", role,
                "price", Map.of("amountMinor", amount, "currency", "USD")));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        ApiClient.Response published = confirmed("/api/commerce/catalog/offers/" + offerId + "/publish",
                version(offerId), Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    private String version(String offerId) {
        return api().get("/api/commerce/catalog/offers/" + offerId).token(Tokens.OWNER).send().header("ETag");
    }

    private ApiClient.Response setBumps(String offerId, List<String> bumps) {
        return confirmed("/api/commerce/catalog/offers/" + offerId + "/order-bumps", version(offerId),
                Map.of("orderBumpOfferIds", bumps));
    }

    private ApiClient.Response checkout(String key, Map<String, Object> body) {
        return api().post("/api/commerce/checkout").token(Tokens.AGENT).billing(key, "corr-" + key).json(body).send();
    }

    /** Preview, then confirm with the phrase the preview named. */
    private ApiClient.Response checkout(Map<String, Object> body) {
        String key = ApiClient.uniqueKey("ob-chk");
        ApiClient.Response preview = checkout(key, body);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        Map<String, Object> withPhrase = new LinkedHashMap<>(body);
        withPhrase.put("confirmation", preview.json().path("requiredConfirmation").asText());
        return checkout(key, withPhrase);
    }

    private String stripePriceOf(String offerId) {
        return STRIPE.prices().values().stream()
                .filter(p -> offerId.equals(p.path("metadata").path("bumpgrade_offer_id").asText()))
                .findFirst().orElseThrow().path("id").asText();
    }

    private JsonNode awaitEntitlements(String intent, int count) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            found[0] = api().get("/api/commerce/entitlements?checkoutIntentId=" + intent).token(Tokens.OWNER).send()
                    .json().path("entitlements");
            assertThat(found[0]).hasSize(count);
        });
        return found[0];
    }

    private EventStream grantOf(String intent, String offerId) {
        return EventStream.of(jdbc, EntitlementId.forPurchase(CheckoutIntentId.of(intent), OfferId.of(offerId))
                .value());
    }

    @Test
    void theOwnerListsAMainOffersBumpsWithTheEnvelopeAndTheyAreShownAndAudited() {
        String path = "/api/commerce/catalog/offers/" + main + "/order-bumps";
        String version = version(main);
        ApiClient.Response preview = api().post(path).token(Tokens.OWNER).billing(ApiClient.uniqueKey("ob"), "c")
                .header("If-Match", version).json(Map.of("orderBumpOfferIds", List.of(other, bump))).send();
        assertThat(preview.json().path("requiredConfirmation").asText())
                .isEqualTo("Set the order bumps of " + mainTitle + " to " + other + ", " + bump);
        String phrase = preview.json().path("requiredConfirmation").asText();
        Map<String, Object> body = Map.of("orderBumpOfferIds", List.of(other, bump), "confirmation", phrase);
        assertThat(api().post(path).token(Tokens.OWNER).billing(ApiClient.uniqueKey("ob"), "c")
                .header("If-Match", "\"99\"").json(body).send().status()).isEqualTo(412);
        assertThat(api().post(path).token(Tokens.AGENT).billing(ApiClient.uniqueKey("ob"), "c")
                .header("If-Match", version).json(body).send().status()).isEqualTo(403);
        assertThat(api().post(path).token(Tokens.RIVAL_OWNER).billing(ApiClient.uniqueKey("ob"), "c")
                .header("If-Match", version).json(body).send().status()).isEqualTo(404);
        // a main offer, another publisher's offer, six bumps, a repeated bump: refused in the preview already
        assertThat(setBumps(main, List.of("launch-pass")).errorCode()).isEqualTo("unknown_order_bump");
        assertThat(setBumps(main, List.of("rival-pass")).errorCode()).isEqualTo("unknown_order_bump");
        assertThat(setBumps(main, List.of("a", "b", "c", "d", "e", "f")).errorCode())
                .isEqualTo("too_many_order_bumps");
        assertThat(setBumps(main, List.of(bump, bump)).errorCode()).isEqualTo("duplicate_order_bump");
        assertThat(setBumps(bump, List.of(other)).errorCode()).isEqualTo("not_a_main_offer");
        EventStream offer = EventStream.of(jdbc, CatalogKey.ofOffer(DEMO, OfferId.of(main)).value());
        long before = offer.mark();

        ApiClient.Response set = api().post(path).token(Tokens.OWNER).billing(ApiClient.uniqueKey("ob"), "c")
                .header("If-Match", version).json(body).send();

        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("orderBumpOfferIds").toString()).isEqualTo("[\"" + other + "\",\"" + bump + "\"]");
        offer.expectAppendedSince(before, OfferOrderBumpsSet.class);
        JsonNode view = api().get("/api/commerce/catalog/offers/" + main).token(Tokens.AGENT).send().json();
        assertThat(view.path("orderBumpOfferIds").toString()).isEqualTo("[\"" + other + "\",\"" + bump + "\"]");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api()
                .get("/api/commerce/audit-entries?subjectId=" + main).token(Tokens.AUDITOR).send().json()
                .path("entries").findValuesAsText("action")).contains("catalog.offer.order_bumps"));
        // the seeded launch pass lists the seeded templates
        assertThat(api().get("/api/commerce/catalog/offers/launch-pass").token(Tokens.AGENT).send().json()
                .path("orderBumpOfferIds").toString()).isEqualTo("[\"launch-templates\"]");
    }

    @Test
    void aBumpTheMainOfferDoesNotListIsRefusedAndNothingIsRecordedWhileAListedOneIsPreselected() {
        assertThat(setBumps(main, List.of(bump)).status()).isEqualTo(200);
        String key = ApiClient.uniqueKey("ob-refused");
        Map<String, Object> unlisted = Map.of("offerId", main, "orderBumpOfferIds", List.of(other));

        ApiClient.Response preview = checkout(key, unlisted);
        ApiClient.Response confirmed = checkout(key, Map.of("offerId", main, "orderBumpOfferIds", List.of(other),
                "confirmation", "Create checkout for " + mainTitle + " + Templates at 23.00 USD"));

        assertThat(preview.status()).isEqualTo(422);
        assertThat(preview.errorCode()).isEqualTo("order_bump_not_offered");
        assertThat(confirmed.errorCode()).isEqualTo("order_bump_not_offered");
        EventStream.of(jdbc, CheckoutIntentId.derive(DEMO, ActorId.of("agent-007"), IdempotencyKey.of(key)).value())
                .expectExactly();

        ApiClient.Response preselected = checkout(Map.of("offerId", main, "orderBumpOfferIds", List.of(bump)));
        assertThat(preselected.status()).as(preselected.body()).isEqualTo(201);
        assertThat(preselected.json().path("orderBumpMode").asText()).isEqualTo("preselected");
        assertThat(preselected.json().path("total").path("amountMinor").asLong()).isEqualTo(2500);
        Map<String, String> form = STRIPE.sessionCreatesFor(preselected.json().path("checkoutIntentId").asText())
                .get(0).form();
        assertThat(form).containsEntry("line_items[1][price]", stripePriceOf(bump))
                .doesNotContainKey("optional_items[0][price]");
    }

    @Test
    void aBuyerChoiceBuyerWhoTookNoBumpIsGrantedTheMainOfferOnly() {
        assertThat(setBumps(main, List.of(bump, other)).status()).isEqualTo(200);
        Map<String, Object> request = Map.of("offerId", main, "orderBumpOfferIds", List.of(bump, other),
                "orderBumpMode", "buyer_choice");
        ApiClient.Response preview = checkout(ApiClient.uniqueKey("ob-bc"), request);
        assertThat(preview.json().path("requiredConfirmation").asText()).isEqualTo("Create checkout for "
                + mainTitle + " at 20.00 USD plus up to Workbook " + suffix + " (5.00 USD) + Templates " + suffix
                + " (3.00 USD)");
        assertThat(preview.json().path("total").path("amountMinor").asLong()).isEqualTo(2000);

        ApiClient.Response opened = checkout(request);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String intent = opened.json().path("checkoutIntentId").asText();
        Map<String, String> form = STRIPE.sessionCreatesFor(intent).get(0).form();
        assertThat(form).containsEntry("optional_items[0][price]", stripePriceOf(bump))
                .containsEntry("optional_items[0][quantity]", "1")
                .containsEntry("optional_items[1][price]", stripePriceOf(other))
                .containsEntry("line_items[0][quantity]", "1").doesNotContainKey("line_items[1][quantity]");
        assertThat(STRIPE.sessionOf(intent).path("optional_items")).hasSize(2);

        deliver(completed(intent));

        JsonNode paid = awaitIntent(intent, "paid");
        assertThat(paid.path("orderBumpMode").asText()).isEqualTo("buyer_choice");
        assertThat(paid.path("lines").findValuesAsText("offerId")).containsExactly(main);
        assertThat(paid.path("total").path("amountMinor").asLong()).isEqualTo(2000);
        assertThat(awaitEntitlements(intent, 1).get(0).path("offerId").asText()).isEqualTo(main);
        grantOf(intent, bump).expectExactly();
        grantOf(intent, other).expectExactly();
        EventStream.of(jdbc, intent).expectExactly(CheckoutStarted.class, CheckoutSessionOpened.class,
                CheckoutItemsBought.class, CheckoutPaid.class);
        assertThat(STRIPE.calls()).filteredOn(c -> c.path().endsWith("/line_items")).isNotEmpty();
    }

    @Test
    void aBuyerWhoTookTheBumpIsGrantedBothOnceWhateverIsRedelivered() {
        assertThat(setBumps(main, List.of(bump, other)).status()).isEqualTo(200);
        String intent = checkout(Map.of("offerId", main, "orderBumpOfferIds", List.of(bump, other),
                "orderBumpMode", "buyer_choice")).json().path("checkoutIntentId").asText();
        STRIPE.buyerTakes(intent, bump);
        String completed = completed(intent);

        deliver(completed);
        deliver(completed);
        deliver(sessionEvent(StripeEvents.newEventId(),
                "checkout.session.async_payment_succeeded", intent, s -> { }));

        JsonNode paid = awaitIntent(intent, "paid");
        assertThat(paid.path("total").path("amountMinor").asLong()).isEqualTo(2500);
        assertThat(paid.path("lines").findValuesAsText("offerId")).containsExactly(main, bump);
        assertThat(awaitEntitlements(intent, 2).findValuesAsText("offerId")).containsExactlyInAnyOrder(main, bump);
        grantOf(intent, other).expectExactly();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(EventStream.of(jdbc, intent).all())
                .containsExactly(CheckoutStarted.class, CheckoutSessionOpened.class, CheckoutItemsBought.class,
                        CheckoutPaid.class));
        // the audit trail names what was bought, never a Stripe id
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ApiClient.Response audit = api().get("/api/commerce/audit-entries?subjectId=" + intent)
                    .token(Tokens.AUDITOR).send();
            assertThat(audit.json().path("entries").findValuesAsText("action"))
                    .contains("checkout.start", "checkout.items");
            assertThat(audit.body()).contains(bump).doesNotContain(stripePriceOf(bump)).doesNotContain("cs_test_");
        });
    }

    @Test
    void aPaymentThatDoesNotMatchTheBoughtLinesIsRejectedAndGrantsNothing() {
        assertThat(setBumps(main, List.of(bump)).status()).isEqualTo(200);
        String intent = checkout(Map.of("offerId", main, "orderBumpOfferIds", List.of(bump),
                "orderBumpMode", "buyer_choice")).json().path("checkoutIntentId").asText();
        // the buyer took no bump, yet the event claims the bump's money
        deliver(sessionEvent(StripeEvents.newEventId(),
                "checkout.session.completed", intent, s -> s.put("amount_total", 2500)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(EventStream.of(jdbc, intent).all())
                .containsExactly(CheckoutStarted.class, CheckoutSessionOpened.class, CheckoutItemsBought.class,
                        CheckoutPaymentRejected.class));
        assertThat(api().get("/api/commerce/checkout-intents/" + intent).token(Tokens.OWNER).send().json()
                .path("status").asText()).isEqualTo("open");
        grantOf(intent, main).expectExactly();
    }

    @Test
    void aBumpWithoutAStripePriceCannotBeLeftToTheBuyer() {
        String unmapped = "bump-c-" + Long.toString(System.nanoTime(), 36);
        STRIPE.failAlways(FakeStripe.Failure.SERVER_ERROR);
        try {
            published(unmapped, "Unmapped " + unmapped, "order_bump", 100);
        } finally {
            STRIPE.recover();
        }
        assertThat(setBumps(main, List.of(unmapped)).status()).isEqualTo(200);

        ApiClient.Response preview = checkout(ApiClient.uniqueKey("ob-unmapped"), Map.of("offerId", main,
                "orderBumpOfferIds", List.of(unmapped), "orderBumpMode", "buyer_choice"));

        assertThat(preview.status()).isEqualTo(422);
        assertThat(preview.errorCode()).isEqualTo("order_bump_not_on_stripe");
        assertThat(checkout(ApiClient.uniqueKey("ob-mode"), Map.of("offerId", main, "orderBumpMode", "sometimes"))
                .errorCode()).isEqualTo("invalid_field");
    }
}
