package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.api.support.RivalPublisher;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.bumpgrade.commerce.domain.catalog.CatalogKey;
import com.bumpgrade.commerce.domain.catalog.PostPurchasePathSet;
import com.bumpgrade.commerce.domain.checkout.PostPurchaseDecisionRecorded;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9 item 3: the seeded post-purchase path of launch-pass (upsell launch-coaching, then downsell
 * launch-workbook if declined), its owner's confirmed write, and the decisions recorded on a paid checkout as
 * evidence, in order, each refusal named; no Stripe call, no charge, no grant.
 */
class PostPurchaseApiTest extends WebhookTest {
    private static final String UPSELL = "launch-coaching";
    private static final String DOWNSELL = "launch-workbook";
    private static final String PATH_PHRASE = "Set post-purchase path of Bumpgrade launch pass: upsell Bumpgrade "
            + "launch coaching at 19.00 USD, then downsell Bumpgrade launch workbook at 7.00 USD if declined";

    @BeforeEach
    void fresh() {
        STRIPE.recover();
    }

    private String paidIntent() {
        String intent = openIntent();
        deliver(completed(intent));
        awaitIntent(intent, "paid");
        return intent;
    }

    private String version(String intent) {
        return api().get("/api/commerce/checkout-intents/" + intent).token(Tokens.OWNER).send().header("ETag");
    }

    private ApiClient.Response next(String token, String intent) {
        return api().get("/api/commerce/checkout-intents/" + intent + "/post-purchase-offer").token(token).send();
    }

    private ApiClient.Response decide(String token, String intent, String ifMatch, String offerId, String decision,
                                      String phrase, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("offerId", offerId);
        body.put("decision", decision);
        if (phrase != null) {
            body.put("confirmation", phrase);
        }
        return api().post("/api/commerce/checkout-intents/" + intent + "/post-purchase-decisions").token(token)
                .billing(key, "corr-pp").header("If-Match", ifMatch).json(body).send();
    }

    /** A decision at the intent's current version, with a fresh key. */
    private ApiClient.Response decide(String intent, String offerId, String decision, String phrase) {
        return decide(Tokens.AGENT, intent, version(intent), offerId, decision, phrase, ApiClient.uniqueKey("pp"));
    }

    @Test
    void theUpsellIsDeclinedThenTheDownsellIsAcceptedWithThePhraseNamingItsPrice() {
        String intent = paidIntent();
        EventStream stream = EventStream.of(jdbc, intent);
        long paid = stream.mark();
        int stripeCalls = STRIPE.calls().size();

        JsonNode first = next(Tokens.AGENT, intent).json();
        assertThat(first.path("next").path("kind").asText()).isEqualTo("upsell");
        assertThat(first.path("next").path("offerId").asText()).isEqualTo(UPSELL);
        assertThat(first.path("next").path("title").asText()).isEqualTo("Bumpgrade launch coaching");
        assertThat(first.path("next").path("price").path("display").asText()).isEqualTo("19.00 USD");
        assertThat("\"" + first.path("version").asLong() + "\"").isEqualTo(version(intent));

        ApiClient.Response shown = decide(intent, UPSELL, "shown", null);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().path("status").asText()).isEqualTo("recorded");
        assertThat(shown.json().path("next").path("offerId").asText()).isEqualTo(UPSELL);
        ApiClient.Response declined = decide(intent, UPSELL, "declined", null);
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.json().path("next").path("offerId").asText()).isEqualTo(DOWNSELL);

        JsonNode downsell = next(Tokens.OWNER, intent).json().path("next");
        assertThat(downsell.path("kind").asText()).isEqualTo("downsell");
        assertThat(downsell.path("offerId").asText()).isEqualTo(DOWNSELL);
        assertThat(downsell.path("price").path("display").asText()).isEqualTo("7.00 USD");
        assertThat(decide(intent, DOWNSELL, "shown", null).status()).isEqualTo(200);

        // an acceptance is previewed with the phrase naming the offer and its price; a wrong phrase changes nothing
        String key = ApiClient.uniqueKey("pp-accept");
        String at = version(intent);
        ApiClient.Response preview = decide(Tokens.AGENT, intent, at, DOWNSELL, "accepted", null, key);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("status").asText()).isEqualTo("preview");
        String phrase = preview.json().path("requiredConfirmation").asText();
        assertThat(phrase).isEqualTo("Accept downsell Bumpgrade launch workbook at 7.00 USD");
        assertThat(preview.json().path("offer").path("offerId").asText()).isEqualTo(DOWNSELL);
        long beforeAccept = stream.mark();
        ApiClient.Response wrong = decide(Tokens.AGENT, intent, at, DOWNSELL, "accepted",
                "Accept downsell Bumpgrade launch workbook", key);
        assertThat(wrong.json().path("reason").asText()).isEqualTo("confirmation_mismatch");
        stream.expectNothingSince(beforeAccept);
        ApiClient.Response accepted = decide(Tokens.AGENT, intent, at, DOWNSELL, "accepted", phrase, key);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("decision").asText()).isEqualTo("accepted");
        assertThat(accepted.json().path("next").isNull()).isTrue();
        ApiClient.Response replayed = decide(Tokens.AGENT, intent, at, DOWNSELL, "accepted", phrase, key);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.body()).isEqualTo(accepted.body());

        JsonNode none = next(Tokens.AUDITOR, intent).json();
        assertThat(none.path("next").isNull()).isTrue();
        assertThat(none.path("reason").asText()).isEqualTo("path_ended");

        stream.expectAppendedSince(paid, PostPurchaseDecisionRecorded.class, PostPurchaseDecisionRecorded.class,
                PostPurchaseDecisionRecorded.class, PostPurchaseDecisionRecorded.class);
        JsonNode view = awaitIntent(intent, "paid");
        List<String> decisions = new ArrayList<>();
        view.path("postPurchase").forEach(d -> decisions.add(d.path("offerId").asText() + ":"
                + d.path("decision").asText()));
        assertThat(decisions).containsExactly(UPSELL + ":shown", UPSELL + ":declined", DOWNSELL + ":shown",
                DOWNSELL + ":accepted");
        assertThat(view.path("postPurchase").get(3).path("price").path("amountMinor").asLong()).isEqualTo(700);

        // evidence only: no Stripe call, no charge, no grant of the downsell
        assertThat(STRIPE.calls()).hasSize(stripeCalls);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode entitlements = api().get("/api/commerce/entitlements?checkoutIntentId=" + intent)
                    .token(Tokens.OWNER).send().json().path("entitlements");
            assertThat(entitlements.findValuesAsText("offerId")).doesNotContain(DOWNSELL, UPSELL);
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode audit = api().get("/api/commerce/audit-entries?subjectId=" + intent).token(Tokens.AUDITOR)
                    .send().json();
            List<String> results = new ArrayList<>();
            audit.path("entries").forEach(e -> {
                if (e.path("action").asText().equals("checkout.post_purchase")) {
                    results.add(e.path("result").asText());
                }
            });
            assertThat(results).containsExactly("shown", "declined", "shown", "accepted");
        });
        ApiClient.Response history = api().get("/api/commerce/checkout-intents/" + intent + "/history")
                .token(Tokens.AUDITOR).send();
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.body()).contains("checkout_post_purchase_decision_recorded");
    }

    @Test
    void aCheckoutThatIsNotPaidHasNoOfferAndTakesNoDecision() {
        String intent = openIntent();
        JsonNode none = next(Tokens.AGENT, intent).json();
        assertThat(none.path("next").isNull()).isTrue();
        assertThat(none.path("reason").asText()).isEqualTo("checkout_not_paid");
        ApiClient.Response refused = decide(intent, UPSELL, "shown", null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("checkout_not_paid");
    }

    @Test
    void eachDecisionOutOfThePathOrItsOrderIsRefusedAndAppendsNothing() {
        String intent = paidIntent();
        EventStream stream = EventStream.of(jdbc, intent);
        long paid = stream.mark();

        ApiClient.Response notOnPath = decide(intent, "launch-templates", "shown", null);
        assertThat(notOnPath.status()).as(notOnPath.body()).isEqualTo(422);
        assertThat(notOnPath.errorCode()).isEqualTo("offer_not_on_path");
        ApiClient.Response early = decide(intent, DOWNSELL, "shown", null);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.errorCode()).isEqualTo("post_purchase_out_of_order");
        ApiClient.Response unseen = decide(intent, UPSELL, "declined", null);
        assertThat(unseen.status()).as(unseen.body()).isEqualTo(409);
        assertThat(unseen.errorCode()).isEqualTo("post_purchase_not_shown");
        ApiClient.Response invalid = decide(intent, UPSELL, "maybe", null);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorCode()).isEqualTo("invalid_decision");
        ApiClient.Response stale = decide(Tokens.AGENT, intent, "\"1\"", UPSELL, "shown", null,
                ApiClient.uniqueKey("pp"));
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        stream.expectNothingSince(paid);

        assertThat(decide(intent, UPSELL, "shown", null).status()).isEqualTo(200);
        ApiClient.Response twice = decide(intent, UPSELL, "shown", null);
        assertThat(twice.status()).as(twice.body()).isEqualTo(409);
        assertThat(twice.errorCode()).isEqualTo("post_purchase_step_decided");
        assertThat(decide(intent, UPSELL, "accepted", "Accept upsell Bumpgrade launch coaching at 19.00 USD")
                .status()).isEqualTo(200);
        ApiClient.Response again = decide(intent, UPSELL, "declined", null);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("post_purchase_step_decided");
        // the upsell was accepted: the path has ended, the downsell is never shown
        ApiClient.Response after = decide(intent, DOWNSELL, "shown", null);
        assertThat(after.status()).as(after.body()).isEqualTo(409);
        assertThat(after.errorCode()).isEqualTo("post_purchase_out_of_order");
        assertThat(next(Tokens.AGENT, intent).json().path("reason").asText()).isEqualTo("path_ended");
        stream.expectAppendedSince(paid, PostPurchaseDecisionRecorded.class, PostPurchaseDecisionRecorded.class);
    }

    @Test
    void anotherPublishersCallersSeeNothingAndAuditorsOnlyRead() {
        String intent = paidIntent();
        assertThat(next(Tokens.RIVAL_AGENT, intent).status()).isEqualTo(404);
        assertThat(decide(Tokens.RIVAL_AGENT, intent, version(intent), UPSELL, "shown", null,
                ApiClient.uniqueKey("pp")).status()).isEqualTo(404);
        assertThat(decide(Tokens.RIVAL_OWNER, intent, version(intent), UPSELL, "shown", null,
                ApiClient.uniqueKey("pp")).status()).isEqualTo(404);
        assertThat(next(Tokens.AUDITOR, intent).status()).isEqualTo(200);
        assertThat(decide(Tokens.AUDITOR, intent, version(intent), UPSELL, "shown", null,
                ApiClient.uniqueKey("pp")).status()).isEqualTo(403);
        assertThat(decide(Tokens.OWNER, intent, version(intent), UPSELL, "shown", null,
                ApiClient.uniqueKey("pp")).status()).isEqualTo(200);
        assertThat(api().get("/api/commerce/catalog/offers/" + UPSELL).token(Tokens.RIVAL_OWNER).send().status())
                .isEqualTo(404);
    }

    @Test
    void aMainOfferWithoutAPathHasNothingToShowAndTakesNoDecision() {
        RivalPublisher.sellsAPassWithAPartner(jdbc);
        ApiClient.Response opened = api().post("/api/commerce/checkout").token(Tokens.RIVAL_AGENT)
                .billing(ApiClient.uniqueKey("pp-rival"), "corr-pp-rival")
                .json(Map.of("offerId", "rival-pass", "confirmation", "Create checkout for Rival pass at 5.00 USD"))
                .send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String intent = opened.json().path("checkoutIntentId").asText();
        deliver(completed(intent));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api()
                .get("/api/commerce/checkout-intents/" + intent).token(Tokens.RIVAL_OWNER).send().json()
                .path("status").asText()).isEqualTo("paid"));

        JsonNode none = next(Tokens.RIVAL_AGENT, intent).json();
        assertThat(none.path("next").isNull()).isTrue();
        assertThat(none.path("reason").asText()).isEqualTo("no_path");
        String version = api().get("/api/commerce/checkout-intents/" + intent).token(Tokens.RIVAL_OWNER).send()
                .header("ETag");
        ApiClient.Response refused = decide(Tokens.RIVAL_AGENT, intent, version, UPSELL, "shown", null,
                ApiClient.uniqueKey("pp"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo("offer_not_on_path");
        // and demo's callers do not see the rival's intent
        assertThat(next(Tokens.AGENT, intent).status()).isEqualTo(404);
    }

    private ApiClient.Response setPath(String token, String ifMatch, Map<String, Object> body) {
        return api().post("/api/commerce/catalog/offers/launch-pass/post-purchase-path").token(token)
                .billing(ApiClient.uniqueKey("pp-path"), "corr-pp-path").header("If-Match", ifMatch).json(body)
                .send();
    }

    @Test
    void theSeededPathIsShownAndTheOwnersConfirmedWriteAdoptsTheSeedAndIsAudited() {
        ApiClient.Response offer = api().get("/api/commerce/catalog/offers/launch-pass").token(Tokens.AGENT).send();
        List<String> path = new ArrayList<>();
        offer.json().path("postPurchasePath").forEach(s -> path.add(s.path("step").asInt() + ":"
                + s.path("offerId").asText() + ":" + s.path("role").asText() + ":" + s.path("onDeclineStep").asText()));
        assertThat(path).containsExactly("1:" + UPSELL + ":upsell:2", "2:" + DOWNSELL + ":downsell:");
        String version = offer.header("ETag");

        Map<String, Object> same = Map.of("upsellOfferId", UPSELL, "downsellOfferId", DOWNSELL);
        assertThat(setPath(Tokens.AGENT, version, same).status()).isEqualTo(403);
        assertThat(setPath(Tokens.RIVAL_OWNER, version, same).status()).isEqualTo(404);
        ApiClient.Response bump = setPath(Tokens.OWNER, version, Map.of("upsellOfferId", "launch-templates"));
        assertThat(bump.status()).as(bump.body()).isEqualTo(422);
        assertThat(bump.errorCode()).isEqualTo("not_an_upsell");
        ApiClient.Response unknown = setPath(Tokens.OWNER, version, Map.of("upsellOfferId", "no-such-offer"));
        assertThat(unknown.errorCode()).isEqualTo("unknown_path_offer");
        ApiClient.Response backwards = setPath(Tokens.OWNER, version, Map.of("upsellOfferId", DOWNSELL));
        assertThat(backwards.errorCode()).isEqualTo("not_an_upsell");

        ApiClient.Response preview = setPath(Tokens.OWNER, version, same);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("requiredConfirmation").asText()).isEqualTo(PATH_PHRASE);
        Map<String, Object> confirmed = new LinkedHashMap<>(same);
        confirmed.put("confirmation", PATH_PHRASE);
        assertThat(setPath(Tokens.OWNER, "\"99\"", confirmed).status()).isEqualTo(412);
        String key = CatalogKey.ofOffer(PublisherId.of("demo"), OfferId.of("launch-pass")).value();
        EventStream stream = EventStream.of(jdbc, key);
        long before = stream.mark();
        ApiClient.Response set = setPath(Tokens.OWNER, version, confirmed);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("status").asText()).isEqualTo("set");
        List<Class<?>> appended = stream.appendedSince(before);
        assertThat(appended.get(appended.size() - 1)).isEqualTo(PostPurchasePathSet.class);

        ApiClient.Response after = api().get("/api/commerce/catalog/offers/launch-pass").token(Tokens.OWNER).send();
        assertThat(after.json().path("postPurchasePath")).isEqualTo(offer.json().path("postPurchasePath"));
        assertThat(after.header("ETag")).isNotEqualTo(version);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api()
                .get("/api/commerce/audit-entries?subjectId=launch-pass").token(Tokens.AUDITOR).send().json()
                .path("entries").findValuesAsText("action")).contains("catalog.offer.post_purchase_path"));
    }
}
