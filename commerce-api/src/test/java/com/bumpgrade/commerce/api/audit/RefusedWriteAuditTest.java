package com.bumpgrade.commerce.api.audit;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.domain.refusal.BillingWriteRefused;
import com.bumpgrade.commerce.domain.refusal.RefusedWritesId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Refused billing writes are audited (D97, D98): each refusal the envelope answers once it has the caller's
 * headers appends exactly one {@link BillingWriteRefused} to the publisher's day stream, and nothing else, and
 * the trail shows it as {@code <action>} / {@code refused} with the code and the caller. Previews, stored answers
 * replayed and requests whose headers were invalid leave none.
 */
class RefusedWriteAuditTest extends ServiceTest {
    private static final String PHRASE = "Create checkout for Bumpgrade launch pass at 9.00 USD";

    private String intentId;

    @BeforeEach
    void anOpenCheckout() {
        ApiClient.Response opened = checkout(ApiClient.uniqueKey("refusal-setup"), "corr-" + UUID.randomUUID(),
                Map.of("offerId", "launch-pass", "confirmation", PHRASE));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        intentId = opened.json().path("checkoutIntentId").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> api().get("/api/commerce/checkout-intents/" + intentId)
                .token(Tokens.AGENT).send().json().path("status").asText().equals("open"));
    }

    private ApiClient.Response checkout(String key, String correlation, Object body) {
        return api().post("/api/commerce/checkout").token(Tokens.AGENT).billing(key, correlation).json(body).send();
    }

    private ApiClient.Response expire(String key, String correlation, String ifMatch, Object body) {
        return api().post("/api/commerce/checkout-intents/" + intentId + "/expire").token(Tokens.AGENT)
                .billing(key, correlation).header("If-Match", ifMatch).json(body).send();
    }

    private static String correlation(String what) {
        return "corr-" + what + "-" + UUID.randomUUID();
    }

    private long storeMark() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    /** Every event appended anywhere since the mark: the refusal must be the only one. */
    private List<String> appendedSince(long mark) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE global_index > ? "
                + "ORDER BY global_index", String.class, mark);
    }

    private long refusalEvents(String correlation) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ? "
                        + "AND convert_from(payload, 'UTF8')::jsonb -> 'context' ->> 'correlationId' = ?",
                Long.class, BillingWriteRefused.class.getName(), correlation);
    }

    private JsonNode entries(String correlation) {
        return api().get("/api/commerce/audit-entries?correlationId=" + correlation).token(Tokens.OWNER).send().json()
                .path("entries");
    }

    /** Waits for the trail's entry of the refusal, then requires it to be the request's only entry. */
    private JsonNode theOneRefusalEntry(String correlation) {
        JsonNode found = await().atMost(Duration.ofSeconds(15)).until(() -> entries(correlation),
                entries -> entries.size() >= 1);
        assertThat(found).as("entries of %s", correlation).hasSize(1);
        assertThat(refusalEvents(correlation)).as("refusal events of %s", correlation).isEqualTo(1);
        JsonNode entry = found.get(0);
        assertThat(List.of(entry.path("result").asText(), entry.path("actor").asText(),
                entry.path("actorRole").asText(), entry.path("client").asText(), entry.path("subjectType").asText()))
                .containsExactly("refused", "agent-007", "agent", "api-test", "refused_write");
        return entry;
    }

    private static String todaysStream() {
        return RefusedWritesId.forDay(PublisherId.of("demo"), Instant.now()).value();
    }

    @Test
    void aStaleIfMatchIsAuditedOnceWithTheRecordEvenWhenRetried() {
        String correlation = correlation("stale");
        String key = ApiClient.uniqueKey("stale");
        long mark = storeMark();

        ApiClient.Response stale = expire(key, correlation, "\"0\"", Map.of("confirmation",
                "Expire checkout " + intentId));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.errorCode()).isEqualTo("stale_version");
        assertThat(appendedSince(mark)).containsExactly(BillingWriteRefused.class.getName());
        JsonNode entry = theOneRefusalEntry(correlation);
        assertThat(List.of(entry.path("action").asText(), entry.path("subjectId").asText(),
                entry.path("detail").path("code").asText())).containsExactly("checkout.expire", intentId,
                "stale_version");

        // the same request again (a refusal is not stored, so it is refused again): still one entry
        ApiClient.Response retried = expire(key, correlation, "\"0\"", Map.of("confirmation",
                "Expire checkout " + intentId));
        assertThat(retried.status()).isEqualTo(412);
        assertThat(refusalEvents(correlation)).isEqualTo(1);
    }

    @Test
    void aWrongPhraseAfterThePreviewIsAuditedAndThePreviewIsNot() {
        String previewCorrelation = correlation("preview");
        String wrongCorrelation = correlation("wrong");
        String key = ApiClient.uniqueKey("phrase");
        long mark = storeMark();

        ApiClient.Response preview = expire(key, previewCorrelation, "\"1\"", Map.of());
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().path("reason").asText()).isEqualTo("confirmation_required");
        assertThat(appendedSince(mark)).as("a preview appends nothing").isEmpty();

        ApiClient.Response wrong = expire(key, wrongCorrelation, "\"1\"", Map.of("confirmation",
                "Expire checkout chk_someone-else"));

        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.json().path("reason").asText()).isEqualTo("confirmation_mismatch");
        assertThat(appendedSince(mark)).containsExactly(BillingWriteRefused.class.getName());
        JsonNode entry = theOneRefusalEntry(wrongCorrelation);
        // nothing ran, so the use case never read the record for the caller: the subject is the day's stream
        assertThat(List.of(entry.path("action").asText(), entry.path("subjectId").asText(),
                entry.path("detail").path("code").asText())).containsExactly("checkout.expire", todaysStream(),
                "confirmation_mismatch");
        assertThat(entry.path("detail").toString()).doesNotContain("someone-else");
        // the trail is written in store order: the later refusal's entry is there, the preview has none
        assertThat(entries(previewCorrelation)).isEmpty();
    }

    @Test
    void aRuleViolationIsAuditedWithItsCodeAndNotWhatWasSent() {
        String correlation = correlation("rule");
        String unknownClick = "clk_" + UUID.randomUUID().toString().replace("-", "");
        long mark = storeMark();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("offerId", "launch-pass");
        body.put("confirmation", PHRASE);
        body.put("referralClickId", unknownClick);

        ApiClient.Response refused = checkout(ApiClient.uniqueKey("rule"), correlation, body);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo("unknown_referral_click");
        assertThat(appendedSince(mark)).containsExactly(BillingWriteRefused.class.getName());
        JsonNode entry = theOneRefusalEntry(correlation);
        assertThat(List.of(entry.path("action").asText(), entry.path("subjectId").asText(),
                entry.path("detail").path("code").asText())).containsExactly("checkout.start", todaysStream(),
                "unknown_referral_click");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index > ? "
                        + "AND position(convert_to(?, 'UTF8') in payload) > 0", Long.class, mark, unknownClick))
                .as("events naming the click that was sent").isZero();
    }

    @Test
    void aReusedKeyIsAuditedButTheReplayOfAStoredAnswerIsNot() {
        String key = ApiClient.uniqueKey("reused");
        String firstCorrelation = correlation("first");
        ApiClient.Response first = checkout(key, firstCorrelation, Map.of("offerId", "launch-pass",
                "confirmation", PHRASE));
        assertThat(first.status()).isEqualTo(201);
        long mark = storeMark();

        String replayCorrelation = correlation("replay");
        ApiClient.Response replayed = checkout(key, replayCorrelation, Map.of("offerId", "launch-pass",
                "confirmation", PHRASE));
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        String reusedCorrelation = correlation("reused");
        ApiClient.Response reused = checkout(key, reusedCorrelation, Map.of("offerId", "launch-pass", "quantity", 2,
                "confirmation", "Create checkout for 2 x Bumpgrade launch pass at 18.00 USD"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.errorCode()).isEqualTo("idempotency_key_reused");
        assertThat(appendedSince(mark)).containsExactly(BillingWriteRefused.class.getName());
        JsonNode entry = theOneRefusalEntry(reusedCorrelation);
        assertThat(List.of(entry.path("action").asText(), entry.path("detail").path("code").asText()))
                .containsExactly("checkout.start", "idempotency_key_reused");
        assertThat(refusalEvents(replayCorrelation)).isZero();
    }

    @Test
    void aRequestWhoseEnvelopeHeadersAreInvalidLeavesNoRefusal() {
        String correlation = correlation("headers");
        long mark = storeMark();

        ApiClient.Response refused = checkout("a key with spaces", correlation, Map.of("offerId", "launch-pass",
                "confirmation", PHRASE));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("invalid_idempotency_key");
        assertThat(appendedSince(mark)).isEmpty();
    }

    @Test
    void anInvalidIfMatchIsAuditedWithTheCodeAndNotTheValueSent() {
        String correlation = correlation("if-match");
        long mark = storeMark();

        ApiClient.Response refused = expire(ApiClient.uniqueKey("if-match"), correlation, "version-seven",
                Map.of("confirmation", "Expire checkout " + intentId));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("invalid_if_match");
        assertThat(appendedSince(mark)).containsExactly(BillingWriteRefused.class.getName());
        JsonNode entry = theOneRefusalEntry(correlation);
        // refused before the use case ran: not even a well-formed record id is recorded
        assertThat(List.of(entry.path("action").asText(), entry.path("subjectId").asText(),
                entry.path("detail").path("code").asText())).containsExactly("checkout.expire", todaysStream(),
                "invalid_if_match");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index > ? "
                        + "AND position(convert_to('version-seven', 'UTF8') in payload) > 0", Long.class, mark))
                .isZero();
    }
}
