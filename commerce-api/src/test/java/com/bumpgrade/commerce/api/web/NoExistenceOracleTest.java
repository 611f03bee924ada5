package com.bumpgrade.commerce.api.web;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.RivalPublisher;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Security issue 13: on every route that takes a record id, another publisher's record and a missing one answer
 * byte for byte the same (status, headers, body). The foreign records are made by the {@code rival} publisher
 * (a paid, attributed checkout: intent, entitlement, commission entry, webhook evidence) and asked for with the
 * demo publisher's tokens.
 */
class NoExistenceOracleTest extends WebhookTest {
    private static final String RIVAL_PHRASE = "Create checkout for Rival pass at 5.00 USD";

    /** Ids of records the rival publisher owns. */
    private record Foreign(String checkoutIntentId, String entitlementId, String entryId, String evidenceId) {
    }

    private static Foreign foreign;

    @BeforeEach
    void rivalPublisherHasRecords() {
        RivalPublisher.sellsAPassWithAPartner(jdbc);
        if (foreign != null) {
            return;
        }
        ApiClient.Response click = api().post("/referrals/rival/RIV10/clicks").send();
        assertThat(click.status()).as(click.body()).isEqualTo(201);
        ApiClient.Response opened = api().post("/api/commerce/checkout").token(Tokens.RIVAL_AGENT)
                .billing(ApiClient.uniqueKey("rival"), "corr-rival")
                .json(Map.of("offerId", "rival-pass", "confirmation", RIVAL_PHRASE,
                        "referralClickId", click.json().path("clickId").asText())).send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String intent = opened.json().path("checkoutIntentId").asText();
        String evidence = deliver(completed(intent)).json().path("evidenceId").asText();
        String[] ids = new String[2];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode grants = api().get("/api/commerce/entitlements?checkoutIntentId=" + intent)
                    .token(Tokens.RIVAL_OWNER).send().json().path("entitlements");
            assertThat(grants).hasSize(1);
            ids[0] = grants.get(0).path("entitlementId").asText();
            JsonNode entries = api().get("/api/commerce/commission-entries?partnerId=partner-rival&limit=500")
                    .token(Tokens.RIVAL_OWNER).send().json().path("entries");
            String entry = null;
            for (JsonNode e : entries) {
                if (e.path("checkoutIntentId").asText().equals(intent)) {
                    entry = e.path("entryId").asText();
                }
            }
            assertThat(entry).isNotNull();
            ids[1] = entry;
            assertThat(api().get("/api/commerce/checkout-intents/" + intent).token(Tokens.RIVAL_OWNER).send()
                    .json().path("status").asText()).isEqualTo("paid");
        });
        awaitEvidence(Tokens.RIVAL_OWNER, evidence, "processed");
        foreign = new Foreign(intent, ids[0], ids[1], evidence);
    }

    /** One route, asked once with an id and once with another; everything else about the two calls is equal. */
    private record Probe(String name, Function<String, ApiClient.Response> call) {
    }

    private static String missing(String prefix) {
        return prefix + "_" + java.util.UUID.randomUUID().toString().replace("-", "");
    }

    private ApiClient.Call write(String path, String token) {
        return api().post(path).token(token).billing(ApiClient.uniqueKey("oracle"), "corr-oracle")
                .header("If-Match", "\"1\"");
    }

    private List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("GET checkout intent", id -> api().get("/api/commerce/checkout-intents/" + id)
                .token(Tokens.OWNER).send()));
        for (String token : List.of(Tokens.AGENT, Tokens.OWNER)) {
            probes.add(new Probe("expire checkout intent (" + token + ")",
                    id -> write("/api/commerce/checkout-intents/" + id + "/expire", token)
                            .json(Map.of("confirmation", "Expire checkout " + id)).send()));
            probes.add(new Probe("expire preview (" + token + ")",
                    id -> write("/api/commerce/checkout-intents/" + id + "/expire", token).json(Map.of()).send()));
        }
        probes.add(new Probe("public checkout redirect", id -> api().get("/checkout/" + id).send()));
        probes.add(new Probe("entitlements of a checkout", id -> api()
                .get("/api/commerce/entitlements?checkoutIntentId=" + id).token(Tokens.OWNER).send()));
        probes.add(new Probe("audit entries of a subject", id -> api()
                .get("/api/commerce/audit-entries?subjectId=" + id).token(Tokens.AUDITOR).send()));
        probes.addAll(history("checkout-intents"));
        return probes;
    }

    /** A record's history, whole and at an instant, for both roles that may read it. */
    private List<Probe> history(String segment) {
        List<Probe> probes = new ArrayList<>();
        for (String token : List.of(Tokens.OWNER, Tokens.AUDITOR)) {
            probes.add(new Probe("history of " + segment + " (" + token + ")", id -> api()
                    .get("/api/commerce/" + segment + "/" + id + "/history").token(token).send()));
            probes.add(new Probe("history at an instant of " + segment + " (" + token + ")", id -> api()
                    .get("/api/commerce/" + segment + "/" + id + "/history?at=2099-01-01T00:00:00Z").token(token)
                    .send()));
        }
        return probes;
    }

    private void compare(List<Probe> probes, String foreignId, String missingId) {
        for (Probe probe : probes) {
            ApiClient.Response theirs = probe.call().apply(foreignId);
            ApiClient.Response none = probe.call().apply(missingId);
            String label = probe.name() + " " + foreignId + " vs " + missingId;
            assertThat(theirs.status()).as(label + ": " + theirs.body()).isEqualTo(none.status());
            assertThat(relevantHeaders(theirs)).as(label).isEqualTo(relevantHeaders(none));
            assertThat(theirs.body().replace(foreignId, "<id>")).as(label)
                    .isEqualTo(none.body().replace(missingId, "<id>"));
        }
    }

    /** Every header but the date; ids echoed back (a preview names the id it was asked for) are masked above. */
    private static Map<String, List<String>> relevantHeaders(ApiClient.Response response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("date") && !lower.equals(":status")) {
                headers.put(lower, values);
            }
        });
        return headers;
    }

    @Test
    void checkoutIntentRoutesAnswerForeignAsMissing() {
        compare(probes(), foreign.checkoutIntentId(), missing("chk"));
    }

    @Test
    void notFoundNamesNoRecordKind() {
        ApiClient.Response expire = write("/api/commerce/checkout-intents/" + foreign.checkoutIntentId() + "/expire",
                Tokens.OWNER).json(Map.of("confirmation", "Expire checkout " + foreign.checkoutIntentId())).send();
        assertThat(expire.status()).isEqualTo(404);
        assertThat(expire.body()).isEqualTo("{\"error\":{\"code\":\"not_found\",\"message\":\"The record was not found.\"}}");
        assertThat(api().get("/api/commerce/entitlements/ent_malformed").token(Tokens.OWNER).send().body())
                .isEqualTo(expire.body());
        assertThat(api().get("/api/commerce/no-such-route").token(Tokens.OWNER).send().body())
                .isEqualTo(expire.body());
    }

    @Test
    void entitlementRoutesAnswerForeignAsMissing() {
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("GET entitlement", id -> api().get("/api/commerce/entitlements/" + id)
                .token(Tokens.OWNER).send()));
        for (String token : List.of(Tokens.AGENT, Tokens.OWNER)) {
            probes.add(new Probe("open portal (" + token + ")",
                    id -> write("/api/commerce/entitlements/" + id + "/portal-sessions", token)
                            .json(Map.of("confirmation", "Open billing portal for entitlement " + id)).send()));
            probes.add(new Probe("portal preview (" + token + ")",
                    id -> write("/api/commerce/entitlements/" + id + "/portal-sessions", token).json(Map.of()).send()));
        }
        probes.addAll(history("entitlements"));
        compare(probes, foreign.entitlementId(), missing("ent"));
    }

    @Test
    void commissionRoutesAnswerForeignAsMissing() {
        List<Probe> probes = new ArrayList<>();
        for (String token : List.of(Tokens.OWNER, Tokens.AUDITOR)) {
            probes.add(new Probe("GET commission entry (" + token + ")",
                    id -> api().get("/api/commerce/commission-entries/" + id).token(token).send()));
        }
        Map<String, String> phrases = new LinkedHashMap<>();
        phrases.put("review", "Mark commission %s reviewed");
        phrases.put("hold", "Hold commission %s: checking");
        phrases.put("release", "Release hold on commission %s");
        phrases.put("reverse", "Reverse commission %s: checking");
        for (String action : List.of("review", "hold", "release", "reverse", "unknown-action")) {
            probes.add(new Probe("commission " + action, id -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("confirmation", String.format(phrases.getOrDefault(action, "%s"), id));
                body.put("reason", "checking");
                return write("/api/commerce/commission-entries/" + id + "/" + action, Tokens.OWNER).json(body).send();
            }));
        }
        probes.add(new Probe("audit entries of a subject", id -> api()
                .get("/api/commerce/audit-entries?subjectId=" + id).token(Tokens.OWNER).send()));
        probes.addAll(history("commission-entries"));
        compare(probes, foreign.entryId(), missing("com"));
    }

    @Test
    void webhookEvidenceRoutesAnswerForeignAsMissing() {
        List<Probe> probes = new ArrayList<>();
        for (String token : List.of(Tokens.OWNER, Tokens.AUDITOR)) {
            probes.add(new Probe("redrive (" + token + ")",
                    id -> write("/api/commerce/stripe/webhook-events/" + id + "/redrive", token)
                            .json(Map.of("confirmation", "Re-drive Stripe event " + id)).send()));
            probes.add(new Probe("redrive preview (" + token + ")",
                    id -> write("/api/commerce/stripe/webhook-events/" + id + "/redrive", token).json(Map.of()).send()));
        }
        compare(probes, foreign.evidenceId(), missing("whk"));
    }

    @Test
    void referralRoutesAnswerForeignAsMissing() {
        // the rival's referral code asked for under the demo publisher, against a code nobody registered
        compare(List.of(new Probe("referral click", code -> api().post("/referrals/demo/" + code + "/clicks").send())),
                "RIV10", "NOPE" + java.util.UUID.randomUUID().toString().substring(0, 8));
        // the rival publisher's partners are not listed to demo, and a partner id taken by the rival is free here
        assertThat(api().get("/api/commerce/partners").token(Tokens.OWNER).send().body()).doesNotContain("partner-rival");
    }
}
