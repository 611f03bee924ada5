package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.RivalPublisher;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /api/commerce/checkout-intents: the publisher's checkouts, newest first, by keyset pages. */
class CheckoutListingApiTest extends WebhookTest {

    @BeforeEach
    void rival() {
        RivalPublisher.sellsAPassWithAPartner(jdbc);
    }

    private ApiClient.Response list(String token, String query) {
        return api().get("/api/commerce/checkout-intents" + query).token(token).send();
    }

    private JsonNode awaitView(String token, String intent) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ApiClient.Response response = api().get("/api/commerce/checkout-intents/" + intent).token(token).send();
            assertThat(response.status()).isEqualTo(200);
            seen[0] = response.json();
        });
        return seen[0];
    }

    /** All ids of a listing, page by page; fails on a repeated id or a page out of order. */
    private List<String> allPages(String token, String filters, int limit, List<Integer> pageSizes) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        String previous = null;
        do {
            ApiClient.Response page = list(token, "?limit=" + limit + filters + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            pageSizes.add(page.json().path("checkouts").size());
            for (JsonNode checkout : page.json().path("checkouts")) {
                String position = checkout.path("createdAt").asText() + "|" + checkout.path("checkoutIntentId").asText();
                if (previous != null) {
                    assertThat(Instant.parse(checkout.path("createdAt").asText()))
                            .isBeforeOrEqualTo(Instant.parse(previous.split("\\|")[0]));
                }
                previous = position;
                ids.add(checkout.path("checkoutIntentId").asText());
            }
            cursor = page.json().path("nextCursor").isMissingNode() ? null : page.json().path("nextCursor").asText();
        } while (cursor != null);
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        return ids;
    }

    @Test
    void pagesCoverEveryCheckoutOnceNewestFirst() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            mine.add(openIntent());
        }
        Instant from = Instant.parse(awaitView(Tokens.AGENT, mine.get(0)).path("createdAt").asText());
        Instant last = Instant.parse(awaitView(Tokens.AGENT, mine.get(6)).path("createdAt").asText());
        String window = "&from=" + from + "&to=" + last.plusNanos(1000);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(allPages(Tokens.AGENT, window, 100, new ArrayList<>())).containsAll(mine));

        List<Integer> sizes = new ArrayList<>();
        List<String> paged = allPages(Tokens.OWNER, window, 3, sizes);
        assertThat(paged).containsExactlyElementsOf(allPages(Tokens.AUDITOR, window, 100, new ArrayList<>()));
        assertThat(paged).containsAll(mine);
        assertThat(sizes).hasSize((paged.size() + 2) / 3).allMatch(size -> size <= 3);
        // created one after the other: the newest comes first
        assertThat(paged.indexOf(mine.get(6))).isLessThan(paged.indexOf(mine.get(0)));

        // a checkout created while paging lands before the pages already read, never inside them
        String open = "&from=" + from;
        List<String> before = allPages(Tokens.AGENT, open, 3, new ArrayList<>());
        ApiClient.Response first = list(Tokens.AGENT, "?limit=3" + open);
        String cursor = first.json().path("nextCursor").asText();
        String created = openIntent();
        awaitView(Tokens.AGENT, created);
        List<String> rest = new ArrayList<>();
        first.json().path("checkouts").forEach(c -> rest.add(c.path("checkoutIntentId").asText()));
        rest.addAll(allPagesFrom(cursor, open));
        assertThat(rest).containsExactlyElementsOf(before).doesNotContain(created);
        assertThat(list(Tokens.AGENT, "?limit=1" + open).json().path("checkouts").get(0)
                .path("checkoutIntentId").asText()).isEqualTo(created);
    }

    private List<String> allPagesFrom(String cursor, String window) {
        List<String> ids = new ArrayList<>();
        while (cursor != null) {
            ApiClient.Response page = list(Tokens.AGENT, "?limit=3" + window + "&cursor=" + cursor);
            page.json().path("checkouts").forEach(c -> ids.add(c.path("checkoutIntentId").asText()));
            cursor = page.json().path("nextCursor").isMissingNode() ? null : page.json().path("nextCursor").asText();
        }
        return ids;
    }

    @Test
    void filtersByStatusAndTime() {
        String open = openIntent();
        String paid = openIntent();
        assertThat(deliver(completed(paid)).status()).isEqualTo(200);
        awaitIntent(paid, "paid");
        Instant from = Instant.parse(awaitView(Tokens.AGENT, open).path("createdAt").asText());
        String since = "&from=" + from;

        List<String> paidOnes = allPages(Tokens.AGENT, since + "&status=paid", 100, new ArrayList<>());
        assertThat(paidOnes).contains(paid).doesNotContain(open);
        List<String> openOnes = allPages(Tokens.AGENT, since + "&status=open", 100, new ArrayList<>());
        assertThat(openOnes).contains(open).doesNotContain(paid);
        list(Tokens.AGENT, "?status=paid" + since).json().path("checkouts")
                .forEach(c -> assertThat(c.path("status").asText()).isEqualTo("paid"));

        // to is exclusive: nothing created at or after it
        assertThat(allPages(Tokens.AGENT, "&to=" + from, 100, new ArrayList<>())).doesNotContain(open, paid);
        assertThat(allPages(Tokens.AGENT, "&from=" + from + "&to=" + from.plusNanos(1000), 100, new ArrayList<>()))
                .contains(open).doesNotContain(paid);
    }

    @Test
    void anotherPublishersCheckoutsAreInvisible() {
        String ours = openIntent();
        ApiClient.Response rival = api().post("/api/commerce/checkout").token(Tokens.RIVAL_AGENT)
                .billing(ApiClient.uniqueKey("rival"), "corr-rival")
                .json(Map.of("offerId", "rival-pass", "confirmation", "Create checkout for Rival pass at 5.00 USD"))
                .send();
        assertThat(rival.status()).as(rival.body()).isEqualTo(201);
        String theirs = rival.json().path("checkoutIntentId").asText();
        Instant from = Instant.parse(awaitView(Tokens.AGENT, ours).path("createdAt").asText());
        awaitView(Tokens.RIVAL_AGENT, theirs);

        List<String> seenByUs = allPages(Tokens.OWNER, "&from=" + from, 100, new ArrayList<>());
        assertThat(seenByUs).contains(ours).doesNotContain(theirs);
        List<String> seenByRival = allPages(Tokens.RIVAL_AUDITOR, "&from=" + from, 100, new ArrayList<>());
        assertThat(seenByRival).contains(theirs).doesNotContain(ours);

        // our cursor in the rival's hands continues the rival's own list only
        String ourCursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (Instant.now().plusSeconds(60) + "|" + ours).getBytes(StandardCharsets.UTF_8));
        ApiClient.Response withOurCursor = list(Tokens.RIVAL_AGENT, "?limit=100&cursor=" + ourCursor);
        assertThat(withOurCursor.status()).isEqualTo(200);
        withOurCursor.json().path("checkouts")
                .forEach(c -> assertThat(c.path("publisherId").asText()).isEqualTo("rival"));
    }

    @Test
    void noStripeValueInTheListing() {
        String intent = openIntent();
        awaitView(Tokens.AGENT, intent);
        String body = list(Tokens.AGENT, "?limit=100").body();
        assertThat(body).contains(intent).doesNotContain("cs_test").doesNotContain("pi_test")
                .doesNotContain("checkout.stripe.com");
    }

    @Nested
    class BadInput {
        private void refused(String query, String code) {
            ApiClient.Response response = list(Tokens.AGENT, query);
            assertThat(response.status()).as(query + " " + response.body()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo(code);
        }

        @Test
        void unknownStatus() {
            refused("?status=bogus", "invalid_status");
            refused("?status=PAID", "invalid_status");
        }

        @Test
        void unreadableTimesAndAnEmptyRange() {
            refused("?from=yesterday", "invalid_time");
            refused("?to=2026-12-01", "invalid_time");
            refused("?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "invalid_time_range");
            refused("?from=2026-12-01T00:00:00Z&to=2026-12-01T00:00:00Z", "invalid_time_range");
        }

        @Test
        void cursorsThatAreNotOurs() {
            refused("?cursor=garbage!", "invalid_cursor");
            refused("?cursor=" + Base64.getUrlEncoder().encodeToString("x|y".getBytes(StandardCharsets.UTF_8)),
                    "invalid_cursor");
            refused("?cursor=" + Base64.getUrlEncoder().encodeToString(
                    "2026-12-01T00:00:00Z|chk_nothex".getBytes(StandardCharsets.UTF_8)), "invalid_cursor");
        }

        @Test
        void limitsOutOfRange() {
            refused("?limit=0", "invalid_limit");
            refused("?limit=101", "invalid_limit");
            refused("?limit=ten", "invalid_limit");
        }

        @Test
        void rolesWithoutAPublisherAndNoToken() {
            assertThat(list(Tokens.OPERATOR, "").status()).isEqualTo(403);
            assertThat(api().get("/api/commerce/checkout-intents").send().status()).isEqualTo(401);
        }
    }

    @Test
    void theLastPageHasNoCursor() {
        ApiClient.Response everything = list(Tokens.AGENT, "?limit=100&from=" + Instant.now().plusSeconds(3600));
        assertThat(everything.status()).isEqualTo(200);
        assertThat(everything.json().path("checkouts")).isEmpty();
        assertThat(everything.json().has("nextCursor")).isFalse();
        Set<String> fields = new HashSet<>();
        everything.json().fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("checkouts");
    }
}
