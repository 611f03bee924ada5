package com.bumpgrade.commerce.api.audit;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An auditor replays the whole event store into shadow tables and compares them with the live read models and
 * audit trail, after a story that touches every projection; a corrupted live row makes the verdict name it.
 */
class AuditReplayApiTest extends WebhookTest {
    private static final String REPLAY_PHRASE = "Replay the event store and compare the read models of publisher demo";
    private static final List<String> TABLES = List.of("checkout_intent_view", "webhook_evidence_view",
            "commission_entry_view", "commission_line_view", "entitlement_view", "revocation_intent_view", "publisher",
            "product", "offer", "price", "offer_post_purchase_step", "offer_order_bump", "product_asset_view",
            "product_content_view", "referral_click", "audit_entry", "audit_chain_head");

    private ApiClient.Response start(String token, String confirmation) {
        return start(token, ApiClient.uniqueKey("replay"), confirmation);
    }

    private ApiClient.Response start(String token, String key, String confirmation) {
        return api().post("/api/commerce/audit/replays").token(token).billing(key, "corr-replay")
                .json(confirmation == null ? Map.of() : Map.of("confirmation", confirmation)).send();
    }

    private JsonNode awaitFinished(String replayId) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            ApiClient.Response response = api().get("/api/commerce/audit/replays/" + replayId).token(Tokens.AUDITOR)
                    .send();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("status").asText()).isIn("finished", "failed");
            seen[0] = response.json();
        });
        assertThat(seen[0].path("status").asText()).as(seen[0].toString()).isEqualTo("finished");
        return seen[0];
    }

    private JsonNode replay() {
        ApiClient.Response started = start(Tokens.AUDITOR, REPLAY_PHRASE);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("replayId").asText()).matches("rpl_[0-9a-f]{32}");
        return awaitFinished(started.json().path("replayId").asText());
    }

    /** A product with a private asset and a content structure that uses it: their tables are replayed too. */
    private void assetsAndContent() {
        String product = "replay-" + Long.toString(System.nanoTime(), 36);
        ownerWrite("POST", "/api/commerce/catalog/products", Map.of("productId", product, "title", "Replayed",
                "kind", "course"));
        byte[] file = "%PDF-1.7 replayed".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        com.bumpgrade.commerce.api.support.ApiClient.Response stored = new com.bumpgrade.commerce.api.asset.AssetHttp(port)
                .upload(product, com.bumpgrade.commerce.api.asset.AssetHttp.envelope(Tokens.OWNER,
                        ApiClient.uniqueKey("story-asset"), "attachment; filename=\"r.pdf\"",
                        "Upload r.pdf (" + file.length + " bytes) to product " + product), file);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        ownerWrite("PUT", "/api/commerce/products/" + product + "/content-readiness", Map.of("modules",
                List.of(Map.of("title", "One", "order", 1, "lessons", List.of(Map.of("title", "First", "order", 1,
                        "assetId", stored.json().path("assetId").asText()))))));
    }

    private void ownerWrite(String method, String path, Map<String, Object> body) {
        String key = ApiClient.uniqueKey("story-owner");
        String phrase = api().call(method, path).token(Tokens.OWNER).billing(key, "corr-story").json(body).send()
                .json().path("requiredConfirmation").asText();
        Map<String, Object> confirmed = new java.util.HashMap<>(body);
        confirmed.put("confirmation", phrase);
        ApiClient.Response done = api().call(method, path).token(Tokens.OWNER).billing(key, "corr-story")
                .json(confirmed).send();
        assertThat(done.status()).as(done.body()).isEqualTo(200);
    }

    private String story() {
        assetsAndContent();
        String click = api().post("/referrals/demo/ADA30/clicks").send().json().path("clickId").asText();
        Map<String, Object> bumped = Map.of("offerId", "launch-pass", "orderBumpOfferIds", List.of("launch-templates"),
                "referralClickId", click);
        String phrase = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("story"), "corr-story").json(bumped).send()
                .json().path("requiredConfirmation").asText();
        Map<String, Object> confirmed = new java.util.HashMap<>(bumped);
        confirmed.put("confirmation", phrase);
        ApiClient.Response opened = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("story"), "corr-story").json(confirmed).send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String bumpedIntent = opened.json().path("checkoutIntentId").asText();
        deliver(completed(bumpedIntent));
        awaitIntent(bumpedIntent, "paid");
        String paymentIntent = paymentIntentOf(bumpedIntent);

        String disputed = openIntent();
        deliver(completed(disputed));
        awaitIntent(disputed, "paid");
        String dispute = "dp_" + StripeEvents.newEventId().substring(4);
        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.dispute.created",
                StripeEvents.dispute(dispute, paymentIntentOf(disputed), "needs_response", 900)));
        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.dispute.closed",
                StripeEvents.dispute(dispute, paymentIntentOf(disputed), "won", 900)));

        ApiClient.Response membership = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("story"), "corr-story").json(Map.of("offerId", "demo-membership",
                        "confirmation", "Create checkout for Bumpgrade demo membership at 15.00 USD per month")).send();
        assertThat(membership.status()).as(membership.body()).isEqualTo(201);
        String subscribed = membership.json().path("checkoutIntentId").asText();
        deliver(completed(subscribed));
        awaitIntent(subscribed, "paid");

        String expired = openIntent();
        awaitIntent(expired, "open");
        assertThat(api().post("/api/commerce/checkout-intents/" + expired + "/expire").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("story"), "corr-story").header("If-Match", "\"1\"")
                .json(Map.of("confirmation", "Expire checkout " + expired)).send().status()).isEqualTo(200);
        awaitIntent(expired, "expired");
        // a refused write is audited (D97) and replayed like every entry
        assertThat(api().post("/api/commerce/checkout-intents/" + expired + "/expire").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("story"), "corr-story").header("If-Match", "\"1\"")
                .json(Map.of("confirmation", "Expire checkout " + expired)).send().errorCode())
                .isEqualTo("stale_version");

        String[] entry = new String[2];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode entries = api().get("/api/commerce/commission-entries?partnerId=partner-ada&limit=500")
                    .token(Tokens.OWNER).send().json().path("entries");
            for (JsonNode candidate : entries) {
                if (candidate.path("checkoutIntentId").asText().equals(bumpedIntent)) {
                    entry[0] = candidate.path("entryId").asText();
                    entry[1] = candidate.path("version").asText();
                }
            }
            assertThat(entry[0]).isNotNull();
        });
        // an owner's action on the ledger
        ApiClient.Response reviewed = api().post("/api/commerce/commission-entries/" + entry[0] + "/review")
                .token(Tokens.OWNER).billing(ApiClient.uniqueKey("story"), "corr-story")
                .header("If-Match", "\"" + entry[1] + "\"")
                .json(Map.of("confirmation", "Mark commission " + entry[0] + " reviewed")).send();
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.charge(paymentIntent, 1400, 400, false)));

        // the full refund last: it holds the commission and must be in the comparison too
        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.charge(paymentIntent, 1400, 1400, true)));
        awaitIntent(bumpedIntent, "refunded");
        return bumpedIntent;
    }

    @Test
    void aReplayOfAFullStoryGivesEveryTableEqualAndACorruptedRowIsNamed() {
        String refunded = story();

        ApiClient.Response preview = start(Tokens.AUDITOR, null);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().path("requiredConfirmation").asText()).isEqualTo(REPLAY_PHRASE);

        JsonNode equal = replay();
        assertThat(equal.path("verdict").asText()).as(equal.toString()).isEqualTo("equal");
        assertThat(equal.path("phase").asText()).isEqualTo("done");
        assertThat(equal.path("eventsDone").asLong()).isPositive().isEqualTo(equal.path("eventsTotal").asLong());
        assertThat(equal.path("tables").findValuesAsText("table")).containsExactlyElementsOf(TABLES);
        for (JsonNode table : equal.path("tables")) {
            assertThat(table.path("equal").asBoolean()).as(table.toString()).isTrue();
            assertThat(table.path("liveRows").asLong()).as(table.toString()).isPositive()
                    .isEqualTo(table.path("replayedRows").asLong());
            assertThat(table.path("liveChecksum").asText()).isEqualTo(table.path("replayedChecksum").asText());
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.schemata "
                + "WHERE schema_name LIKE 'replay_%'", Long.class)).as("shadow schemas left").isZero();

        jdbc.update("UPDATE checkout_intent_view SET total_minor = total_minor + 1 WHERE checkout_intent_id = ?",
                refunded);
        try {
            JsonNode differs = replay();
            assertThat(differs.path("verdict").asText()).isEqualTo("differs");
            for (JsonNode table : differs.path("tables")) {
                boolean corrupted = table.path("table").asText().equals("checkout_intent_view");
                assertThat(table.path("equal").asBoolean()).as(table.toString()).isEqualTo(!corrupted);
                if (corrupted) {
                    assertThat(table.path("differingKeys")).hasSize(1);
                    assertThat(table.path("differingKeys").get(0).asText()).isEqualTo(refunded);
                    assertThat(table.path("liveRows").asLong()).isEqualTo(table.path("replayedRows").asLong());
                }
            }
        } finally {
            jdbc.update("UPDATE checkout_intent_view SET total_minor = total_minor - 1 WHERE checkout_intent_id = ?",
                    refunded);
        }
    }

    @Test
    void onlyAuditorsStartOneReplayAtATimeAndAStoppedOneIsReportedFailed() {
        assertThat(start(Tokens.AGENT, REPLAY_PHRASE).status()).isEqualTo(403);
        assertThat(start(Tokens.OWNER, REPLAY_PHRASE).status()).isEqualTo(403);
        ApiClient.Response wrong = start(Tokens.AUDITOR, "Replay everything");
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.json().path("requiredConfirmation").asText()).isEqualTo(REPLAY_PHRASE);

        // a replay of another instance, alive: its heartbeat is fresh
        String running = "rpl_" + "0".repeat(31) + "1";
        jdbc.update("""
                INSERT INTO audit_replay (replay_id, publisher_id, status, phase, started_at, heartbeat_at,
                    instance_id, requested_by, client, correlation_id)
                VALUES (?, 'demo', 'running', 'replaying', now(), now(), 'other-instance', 'auditor', 'test', 'c')""",
                running);
        ApiClient.Response refused = start(Tokens.AUDITOR, REPLAY_PHRASE);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("replay_running");

        // that instance stops: its heartbeat ages past the timeout, and the replay shows failed, not running
        jdbc.update("UPDATE audit_replay SET heartbeat_at = now() - interval '31 seconds' WHERE replay_id = ?", running);
        JsonNode stopped = api().get("/api/commerce/audit/replays/" + running).token(Tokens.AUDITOR).send().json();
        assertThat(stopped.path("status").asText()).isEqualTo("failed");
        assertThat(stopped.path("failure").asText()).isEqualTo("interrupted");
        assertThat(api().get("/api/commerce/audit/replays/" + running).token(Tokens.RIVAL_AUDITOR).send().status())
                .isEqualTo(404);

        String key = ApiClient.uniqueKey("replay");
        ApiClient.Response started = start(Tokens.AUDITOR, key, REPLAY_PHRASE);
        assertThat(started.status()).isEqualTo(202);
        ApiClient.Response again = start(Tokens.AUDITOR, key, REPLAY_PHRASE);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("replayId").asText()).isEqualTo(started.json().path("replayId").asText());
        awaitFinished(started.json().path("replayId").asText());
    }
}
