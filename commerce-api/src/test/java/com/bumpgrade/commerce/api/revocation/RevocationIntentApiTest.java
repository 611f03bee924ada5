package com.bumpgrade.commerce.api.revocation;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.domain.entitlement.RevocationIntentClosed;
import com.bumpgrade.commerce.domain.entitlement.RevocationIntentOpened;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentCancelled;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentRecorded;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The owner's revocation intents: preview, record, one open intent, cancel, and every refusal. Access never moves. */
class RevocationIntentApiTest extends RevocationApiSupport {
    private static final String REASON = "Shared the download link publicly";

    @Test
    void anOwnerPreviewsRecordsAndCancelsAnIntentAndAccessStaysActive() {
        String entitlementId = paidEntitlements(openIntent(), 1).get(0).path("entitlementId").asText();
        EventStream entitlementStream = EventStream.of(jdbc, entitlementId);
        long granted = entitlementStream.mark();
        long version = entitlement(entitlementId).path("version").asLong();

        // without the phrase: a preview naming the entitlement and the reason, nothing appended
        ApiClient.Response preview = record(Tokens.OWNER, entitlementId, version, REASON, null);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("status").asText()).isEqualTo("preview");
        assertThat(preview.json().path("requiredConfirmation").asText())
                .isEqualTo(recordPhrase(entitlementId, REASON));
        assertThat(record(Tokens.OWNER, entitlementId, version, REASON, "Record it").json().path("status").asText())
                .isEqualTo("preview");
        entitlementStream.expectNothingSince(granted);

        ApiClient.Response recorded = record(Tokens.OWNER, entitlementId, version, REASON,
                recordPhrase(entitlementId, REASON));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().path("status").asText()).isEqualTo("recorded");
        String intentId = recorded.json().path("revocationIntentId").asText();
        assertThat(intentId).matches("rvk_[0-9a-f]{32}");
        entitlementStream.expectAppendedSince(granted, RevocationIntentOpened.class);
        EventStream.of(jdbc, intentId).expectExactly(RevocationIntentRecorded.class);

        for (String reader : new String[] {Tokens.OWNER, Tokens.AUDITOR}) {
            JsonNode view = intent(reader, intentId).json();
            assertThat(view.path("status").asText()).isEqualTo("recorded");
            assertThat(view.path("version").asLong()).isZero();
            assertThat(view.path("reason").asText()).isEqualTo(REASON);
            assertThat(view.path("entitlementId").asText()).isEqualTo(entitlementId);
            assertThat(view.path("source").path("actor").asText()).isNotBlank();
            assertThat(view.path("source").path("client").asText()).isEqualTo("api-test");
            assertThat(view.path("source").path("correlationId").asText()).isEqualTo("corr-revocation");
            assertThat(view.path("evidenceIds")).isEmpty();
        }
        JsonNode withIntent = entitlement(entitlementId);
        assertThat(withIntent.path("access").asText()).isEqualTo("active");
        assertThat(withIntent.path("revocation").path("revocationIntentId").asText()).isEqualTo(intentId);
        assertThat(withIntent.path("revocation").path("status").asText()).isEqualTo("recorded");

        // one open intent per entitlement; an older entitlement version is stale
        long current = withIntent.path("version").asLong();
        ApiClient.Response second = record(Tokens.OWNER, entitlementId, current, REASON,
                recordPhrase(entitlementId, REASON));
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.errorCode()).isEqualTo("revocation_intent_open");

        // a recorded intent is cancelled, not confirmed; a stale version is refused
        assertThat(act(Tokens.OWNER, intentId, "confirm", 0, phrase("confirm", intentId, entitlementId))
                .errorCode()).isEqualTo("revocation_not_proposed");
        ApiClient.Response stale = act(Tokens.OWNER, intentId, "cancel", 7, phrase("cancel", intentId, entitlementId));
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.errorCode()).isEqualTo("stale_version");
        ApiClient.Response cancelPreview = act(Tokens.OWNER, intentId, "cancel", 0, null);
        assertThat(cancelPreview.json().path("requiredConfirmation").asText())
                .isEqualTo(phrase("cancel", intentId, entitlementId));
        ApiClient.Response cancelled = act(Tokens.OWNER, intentId, "cancel", 0,
                phrase("cancel", intentId, entitlementId));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        EventStream.of(jdbc, intentId).expectExactly(RevocationIntentRecorded.class, RevocationIntentCancelled.class);
        entitlementStream.expectAppendedSince(granted, RevocationIntentOpened.class, RevocationIntentClosed.class);
        assertThat(intent(Tokens.AUDITOR, intentId).json().path("decision").path("correlationId").asText())
                .isEqualTo("corr-revocation");

        // the slot is free again: a second intent gets the next id
        JsonNode afterCancel = entitlement(entitlementId);
        assertThat(afterCancel.path("access").asText()).isEqualTo("active");
        assertThat(afterCancel.path("revocation").path("status").asText()).isEqualTo("cancelled");
        ApiClient.Response again = record(Tokens.OWNER, entitlementId, afterCancel.path("version").asLong(), REASON,
                recordPhrase(entitlementId, REASON));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("revocationIntentId").asText()).isNotEqualTo(intentId);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(api()
                .get("/api/commerce/audit-entries?subjectId=" + intentId).token(Tokens.AUDITOR).send()
                .json().path("entries").toString()).contains("revocation.record").contains("revocation.cancel"));
        ApiClient.Response listed = api().get("/api/commerce/revocation-intents?entitlementId=" + entitlementId
                + "&status=cancelled").token(Tokens.AUDITOR).send();
        assertThat(listed.json().path("revocationIntents")).hasSize(1);
        assertThat(listed.json().path("revocationIntents").get(0).path("revocationIntentId").asText())
                .isEqualTo(intentId);
    }

    @Test
    void agentsAreRefusedAndAnotherPublishersRecordsAnswerLikeMissingOnes() {
        String entitlementId = paidEntitlements(openIntent(), 1).get(0).path("entitlementId").asText();
        long version = entitlement(entitlementId).path("version").asLong();
        String phrase = recordPhrase(entitlementId, REASON);
        long before = EventStream.of(jdbc, entitlementId).mark();

        assertThat(record(Tokens.AGENT, entitlementId, version, REASON, phrase).status()).isEqualTo(403);
        assertThat(record(Tokens.AUDITOR, entitlementId, version, REASON, phrase).status()).isEqualTo(403);
        ApiClient.Response foreign = record(Tokens.RIVAL_OWNER, entitlementId, version, REASON, phrase);
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
        assertThat(record(Tokens.OWNER, "ent_nope", version, REASON, phrase).status()).isEqualTo(404);
        ApiClient.Response noReason = record(Tokens.OWNER, entitlementId, version, "  ", phrase);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorCode()).isEqualTo("reason_required");
        ApiClient.Response stale = record(Tokens.OWNER, entitlementId, version + 5, REASON, phrase);
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        ApiClient.Response garbage = api().post("/api/commerce/entitlements/" + entitlementId + "/revocation-intents")
                .token(Tokens.OWNER).billing(ApiClient.uniqueKey("rvk"), "corr")
                .header("If-Match", "\"" + version + "\"")
                .json("{\"reason\": 5, \"confirmation\": [1]}").send();
        assertThat(garbage.status()).isEqualTo(400);
        EventStream.of(jdbc, entitlementId).expectNothingSince(before);

        String intentId = record(Tokens.OWNER, entitlementId, version, REASON, phrase).json()
                .path("revocationIntentId").asText();
        assertThat(intent(Tokens.AGENT, intentId).status()).isEqualTo(403);
        assertThat(intent(Tokens.RIVAL_OWNER, intentId).status()).isEqualTo(404);
        assertThat(intent(Tokens.RIVAL_AUDITOR, intentId).status()).isEqualTo(404);
        assertThat(intent(Tokens.OWNER, "rvk_" + "0".repeat(32)).status()).isEqualTo(404);
        assertThat(intent(Tokens.OWNER, "garbage").status()).isEqualTo(404);
        assertThat(act(Tokens.AGENT, intentId, "cancel", 0, phrase("cancel", intentId, entitlementId)).status())
                .isEqualTo(403);
        assertThat(act(Tokens.RIVAL_OWNER, intentId, "cancel", 0, phrase("cancel", intentId, entitlementId))
                .status()).isEqualTo(404);
        assertThat(act(Tokens.OWNER, intentId, "revoke", 0, "x").status()).isEqualTo(404);
        ApiClient.Response noIfMatch = api().post("/api/commerce/revocation-intents/" + intentId + "/cancel")
                .token(Tokens.OWNER).billing(ApiClient.uniqueKey("rvk"), "corr").json("{}").send();
        assertThat(noIfMatch.status()).isEqualTo(428);
        EventStream.of(jdbc, intentId).expectExactly(RevocationIntentRecorded.class);

        assertThat(api().get("/api/commerce/revocation-intents?entitlementId=" + entitlementId)
                .token(Tokens.RIVAL_OWNER).send().json().path("revocationIntents")).isEmpty();
        assertThat(api().get("/api/commerce/revocation-intents").token(Tokens.AGENT).send().status()).isEqualTo(403);
        assertThat(api().get("/api/commerce/revocation-intents?status=gone").token(Tokens.OWNER).send().errorCode())
                .isEqualTo("invalid_status");
        assertThat(api().get("/api/commerce/revocation-intents?entitlementId=x").token(Tokens.OWNER).send()
                .errorCode()).isEqualTo("invalid_entitlement_id");
    }
}
