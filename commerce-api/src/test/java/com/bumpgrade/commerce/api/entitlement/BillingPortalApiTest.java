package com.bumpgrade.commerce.api.entitlement;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.api.support.FakeStripe;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.bumpgrade.commerce.domain.entitlement.BillingPortalFailed;
import com.bumpgrade.commerce.domain.entitlement.BillingPortalOpened;
import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Security issue 13, the portal: links carry a random, single-use, short-lived reference; an expired, used or
 * unknown one answers the same 404; a replay of the write answers as before without reviving its link; and only
 * an owner, or the agent that started the purchase, may open a buyer's portal.
 */
class BillingPortalApiTest extends WebhookTest {
    private static final String MEMBERSHIP = "Create checkout for Bumpgrade demo membership at 15.00 USD per month";

    private static String entitlementId;

    @BeforeEach
    void anActiveSubscriptionStartedByTheAgent() {
        if (entitlementId != null) {
            return;
        }
        ApiClient.Response opened = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("portal-sub"), "corr-portal-sub")
                .json(Map.of("offerId", "demo-membership", "confirmation", MEMBERSHIP)).send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String intent = opened.json().path("checkoutIntentId").asText();
        String subscription = STRIPE.sessionOf(intent).path("subscription").asText();
        STRIPE.setSubscriptionStatus(subscription, "active");
        deliver(completed(intent));
        awaitIntent(intent, "paid");
        deliver(StripeEvents.event(StripeEvents.newEventId(), "customer.subscription.updated",
                STRIPE.subscription(subscription)));
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode list = api().get("/api/commerce/entitlements?checkoutIntentId=" + intent).token(Tokens.OWNER)
                    .send().json().path("entitlements");
            assertThat(list).hasSize(1);
            assertThat(list.get(0).path("subscriptionStatus").asText()).isEqualTo("active");
            found[0] = list.get(0).path("entitlementId").asText();
        });
        entitlementId = found[0];
    }

    private String path() {
        return "/api/commerce/entitlements/" + entitlementId + "/portal-sessions";
    }

    private String version() {
        return "\"" + api().get("/api/commerce/entitlements/" + entitlementId).token(Tokens.OWNER).send().json()
                .path("version").asLong() + "\"";
    }

    private ApiClient.Response open(String token, String key, String version) {
        return api().post(path()).token(token).billing(key, "corr-portal").header("If-Match", version)
                .json(Map.of("confirmation", "Open billing portal for entitlement " + entitlementId)).send();
    }

    /**
     * Opens a portal session at the current version; the view can lag behind the aggregate right after another
     * open, and a 412 changes nothing, so it is simply asked again with a fresh key.
     */
    private Opened openNow(String token, String keyPrefix) {
        Opened[] opened = new Opened[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String key = ApiClient.uniqueKey(keyPrefix);
            String version = version();
            opened[0] = new Opened(open(token, key, version), key, version);
            assertThat(opened[0].response().status()).as(opened[0].response().body()).isEqualTo(201);
        });
        return opened[0];
    }

    /** A 201 answer and the key and If-Match it was given, for replays. */
    private record Opened(ApiClient.Response response, String key, String version) {
    }

    private String portalPath(ApiClient.Response opened) {
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String url = opened.json().path("portalUrl").asText();
        assertThat(url).startsWith(api().base() + "/portal/");
        return url.substring(api().base().length());
    }

    private static String ref(String portalPath) {
        return portalPath.substring("/portal/".length());
    }

    private ApiClient.Response follow(String portalPath) {
        return api().get(portalPath).send();
    }

    /** Status, every header but the date, and the body: what a caller could compare. */
    private static List<Object> answer(ApiClient.Response response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("date") && !name.equals(":status")) {
                headers.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        return List.of(response.status(), headers, response.body());
    }

    private ApiClient.Response unknown() {
        return follow("/portal/prt_" + DerivedIds.sha256Hex("never issued " + System.nanoTime()));
    }

    @Test
    void aLinkIsRandomAndOpensThePortalOnce() {
        Opened first = openNow(Tokens.AGENT, "portal-once");
        ApiClient.Response opened = first.response();
        String key = first.key();
        String link = portalPath(opened);
        assertThat(ref(link)).matches("prt_[0-9a-f]{64}");
        assertThat(opened.json().path("expiresInSeconds").asLong()).isEqualTo(300);
        // not derived from the request, as it was: that hash could be computed by anyone who knew the key
        assertThat(ref(link)).doesNotContain(DerivedIds.sha256Hex("portal|" + entitlementId + "|agent-007|" + key)
                .substring(0, 32));

        ApiClient.Response redirect = follow(link);
        assertThat(redirect.status()).isEqualTo(303);
        assertThat(redirect.header("Location")).startsWith("https://billing.stripe.com/p/session/");
        assertThat(redirect.header("Cache-Control")).contains("no-store");

        ApiClient.Response second = follow(link);
        assertThat(second.status()).isEqualTo(404);
        assertThat(answer(second)).isEqualTo(answer(unknown()));

        // the replay answers as the first request did, and does not make the used link usable again
        ApiClient.Response replay = open(Tokens.AGENT, key, first.version());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(opened.body());
        assertThat(answer(follow(portalPath(replay)))).isEqualTo(answer(unknown()));
    }

    /**
     * Read-your-writes, as an agent works: five portal sessions in a row, each opened at the version the GET before
     * it answered. The GET right after each 201 shows that session (the stream's last sequence, one past the
     * If-Match), and each portal link works at once.
     */
    @Test
    void theGetRightAfterAPortalSessionShowsIt() {
        EventStream stream = EventStream.of(jdbc, entitlementId);
        String ifMatch = "\"" + stream.mark() + "\"";
        for (int i = 0; i < 5; i++) {
            long before = stream.mark();
            ApiClient.Response opened = open(Tokens.AGENT, ApiClient.uniqueKey("portal-ryw"), ifMatch);
            ApiClient.Response read = api().get("/api/commerce/entitlements/" + entitlementId).token(Tokens.AGENT)
                    .send();
            ApiClient.Response redirect = follow(portalPath(opened));

            stream.expectAppendedSince(before, BillingPortalOpened.class);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json().path("version").asLong()).as("session " + i).isEqualTo(before + 1);
            assertThat(read.json().path("subscriptionStatus").asText()).isEqualTo("active");
            assertThat(redirect.status()).isEqualTo(303);
            ifMatch = read.header("ETag");
            assertThat(ifMatch).isEqualTo("\"" + (before + 1) + "\"");
        }
    }

    /**
     * Stripe failing a portal session: a 502, the session recorded and its failure too (one event each), and an
     * audit entry {@code entitlement.portal / failed} with the caller's context; the retry with the same key opens.
     */
    @Test
    void aStripeFailureOfThePortalIsAnEventAndAnAuditEntry() {
        EventStream stream = EventStream.of(jdbc, entitlementId);
        long before = stream.mark();
        String key = ApiClient.uniqueKey("portal-fails");
        String correlation = "corr-" + key;
        ApiClient.Response failed;
        STRIPE.failAlways(FakeStripe.Failure.SERVER_ERROR);
        try {
            failed = api().post(path()).token(Tokens.AGENT).billing(key, correlation)
                    .header("If-Match", "\"" + before + "\"")
                    .json(Map.of("confirmation", "Open billing portal for entitlement " + entitlementId)).send();
        } finally {
            STRIPE.recover();
        }
        assertThat(failed.status()).as(failed.body()).isEqualTo(502);
        stream.expectAppendedSince(before, BillingPortalOpened.class, BillingPortalFailed.class);
        // read-your-writes: the view's version follows the stream, failure included, so If-Match stays usable
        assertThat(api().get("/api/commerce/entitlements/" + entitlementId).token(Tokens.AGENT).send().json()
                .path("version").asLong()).isEqualTo(before + 2);
        JsonNode entry = await().atMost(Duration.ofSeconds(15)).until(() -> api()
                .get("/api/commerce/audit-entries?correlationId=" + correlation + "&action=entitlement.portal")
                .token(Tokens.AUDITOR).send().json().path("entries"), entries -> entries.size() == 2).get(1);
        assertThat(List.of(entry.path("result").asText(), entry.path("actor").asText(),
                entry.path("actorRole").asText(), entry.path("client").asText(), entry.path("subjectType").asText(),
                entry.path("subjectId").asText(), entry.path("detail").path("failure").asText()))
                .containsExactly("failed", "agent-007", "agent", "api-test", "entitlement", entitlementId,
                        "stripe_unavailable");
        assertThat(entry.path("detail").path("portalSessionId").asText()).startsWith("pss_");

        ApiClient.Response retried = api().post(path()).token(Tokens.AGENT).billing(key, correlation)
                .header("If-Match", "\"" + before + "\"")
                .json(Map.of("confirmation", "Open billing portal for entitlement " + entitlementId)).send();
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        stream.expectAppendedSince(before, BillingPortalOpened.class, BillingPortalFailed.class);
    }

    @Test
    void expiredUsedAndUnknownLinksAnswerAlike() {
        String used = portalPath(openNow(Tokens.OWNER, "portal-used").response());
        assertThat(follow(used).status()).isEqualTo(303);
        String expired = portalPath(openNow(Tokens.OWNER, "portal-expired").response());
        assertThat(jdbc.update("UPDATE portal_reference SET expires_at = now() - interval '1 second' "
                + "WHERE ref_digest = ?", DerivedIds.sha256Hex(ref(expired)))).isEqualTo(1);

        List<Object> none = answer(unknown());
        assertThat(none.get(0)).isEqualTo(404);
        assertThat(answer(follow(used))).isEqualTo(none);
        assertThat(answer(follow(expired))).isEqualTo(none);
        assertThat(answer(follow("/portal/prt_short"))).isEqualTo(none);
    }

    @Test
    void concurrentRequestsForOneLinkOpenItOnce() throws Exception {
        String link = portalPath(openNow(Tokens.OWNER, "portal-race").response());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> follow(link).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(303, 404);
            assertThat(statuses.stream().filter(s -> s == 303)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theReferenceIsKeptNowhereButAsADigest() {
        String ref = ref(portalPath(openNow(Tokens.AGENT, "portal-digest").response()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'entitlement.portal'",
                Long.class, entitlementId)).isPositive());
        assertThat(jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry", String.class))
                .noneMatch(payload -> payload.contains(ref) || payload.contains(ref.substring(4)));
        assertThat(jdbc.queryForList("SELECT row_to_json(a)::text FROM audit_entry a", String.class))
                .noneMatch(entry -> entry.contains(ref) || entry.contains(ref.substring(4)));
        assertThat(jdbc.queryForList("SELECT row_to_json(p)::text FROM portal_reference p", String.class))
                .noneMatch(row -> row.contains(ref.substring(4)))
                .anyMatch(row -> row.contains(DerivedIds.sha256Hex(ref)));
        assertThat(jdbc.queryForList("SELECT stripe_value || bumpgrade_id FROM stripe_private_reference",
                String.class)).noneMatch(row -> row.contains(ref.substring(4)));
    }

    @Test
    void onlyOwnersAndTheAgentOfThePurchaseMayOpenIt() {
        String version = version();
        long opened = eventCount(entitlementId, "BillingPortalOpened");
        ApiClient.Response other = open(Tokens.OTHER_AGENT, ApiClient.uniqueKey("portal-other"), version);
        ApiClient.Response missing = api().post("/api/commerce/entitlements/ent_" + "0".repeat(32)
                        + "/portal-sessions").token(Tokens.OTHER_AGENT).billing(ApiClient.uniqueKey("portal-none"),
                        "corr-portal").header("If-Match", version)
                .json(Map.of("confirmation", "Open billing portal for entitlement " + entitlementId)).send();
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).isEqualTo(missing.body());
        // its preview is refused the same way: it does not even learn the phrase
        ApiClient.Response preview = api().post(path()).token(Tokens.OTHER_AGENT)
                .billing(ApiClient.uniqueKey("portal-other"), "corr-portal").header("If-Match", version)
                .json(Map.of()).send();
        assertThat(preview.status()).isEqualTo(404);
        assertThat(open(Tokens.RIVAL_AGENT, ApiClient.uniqueKey("portal-rival"), version).body())
                .isEqualTo(missing.body());
        assertThat(eventCount(entitlementId, "BillingPortalOpened")).isEqualTo(opened);

        openNow(Tokens.OWNER, "portal-owner");
        openNow(Tokens.AGENT, "portal-agent");
    }
}
