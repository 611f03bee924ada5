package com.bumpgrade.commerce.api.localstripe;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.projections.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README path without a Stripe account: the service with the local-stripe profile (no fake Stripe of the
 * tests), preview -> confirmed checkout -> the stand-in's hosted page -> "pay" -> its signed webhook -> paid and
 * granted, all visible through the public routes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "local-stripe"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LocalStripeWalkThroughTest {
    private static final int STAND_IN_PORT = freePort();
    private static final String PHRASE = "Create checkout for Bumpgrade launch pass at 9.00 USD";
    private static final String MEMBERSHIP = "Create checkout for Bumpgrade demo membership at 15.00 USD per month";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.Database database = TestDatabase.get();
        registry.add("spring.datasource.url", () -> ownDatabase(database));
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("bumpgrade.local-stripe.port", () -> STAND_IN_PORT);
    }

    /**
     * A database of this class's own on the tests' server. On the shared one, the processors of the other test
     * contexts (whose Stripe is the tests' fake) would claim segments and translate the stand-in's events too.
     */
    private static String ownDatabase(TestDatabase.Database shared) {
        String name = "bumpgrade_standin_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(shared.url(), shared.username(), shared.password());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("the tests' PostgreSQL refused a database for the stand-in test", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection admin = DriverManager.getConnection(shared.url(), shared.username(), shared.password());
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // best effort, like the shared test database
            }
        }));
        return shared.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    @Test
    void aCheckoutPaidThroughTheStandInBecomesPaidAndGranted() throws Exception {
        ApiClient api = new ApiClient(port);
        String key = ApiClient.uniqueKey("standin");
        ApiClient.Response preview = api.post("/api/commerce/checkout").token(Tokens.AGENT).billing(key, "corr-standin")
                .json(Map.of("offerId", "launch-pass", "quantity", 1)).send();
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().path("requiredConfirmation").asText()).isEqualTo(PHRASE);

        ApiClient.Response open = api.post("/api/commerce/checkout").token(Tokens.AGENT).billing(key, "corr-standin")
                .json(Map.of("offerId", "launch-pass", "quantity", 1, "confirmation", PHRASE)).send();
        assertThat(open.status()).isEqualTo(201);
        String intent = open.json().path("checkoutIntentId").asText();

        ApiClient.Response redirect = api.get("/checkout/" + intent).send();
        assertThat(redirect.status()).isEqualTo(303);
        String hostedPage = redirect.header("Location");
        assertThat(hostedPage).startsWith("http://127.0.0.1:" + STAND_IN_PORT + "/c/pay/cs_test_");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(hostedPage)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<button type=\"submit\">Pay</button>").contains("900 USD");

        HttpResponse<String> paid = pay(hostedPage);
        assertThat(paid.statusCode()).isEqualTo(200);
        JsonNode deliveries = MAPPER.readTree(paid.body()).path("deliveries");
        assertThat(deliveries.findValuesAsText("eventType")).containsExactly("checkout.session.completed");
        assertThat(deliveries.get(0).path("webhookStatus").asInt()).isEqualTo(200);
        assertThat(deliveries.get(0).path("webhookAnswer").path("verified").asBoolean()).isTrue();
        assertThat(deliveries.get(0).path("webhookAnswer").path("duplicate").asBoolean()).isFalse();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ApiClient.Response status = api.get("/api/commerce/checkout-intents/" + intent).token(Tokens.AGENT).send();
            assertThat(status.json().path("status").asText()).isEqualTo("paid");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ApiClient.Response granted = api.get("/api/commerce/entitlements?checkoutIntentId=" + intent)
                    .token(Tokens.AGENT).send();
            assertThat(granted.json().path("entitlements").findValuesAsText("access")).containsExactly("active");
        });

        // Stripe completes a session once: paying again sends nothing
        HttpResponse<String> again = pay(hostedPage);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("session_not_open");
    }

    @Test
    void aMembershipPaidThroughTheStandInIsActiveAndOpensTheStandInsPortal() throws Exception {
        ApiClient api = new ApiClient(port);
        ApiClient.Response open = api.post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("standin-sub"), "corr-standin-sub")
                .json(Map.of("offerId", "demo-membership", "confirmation", MEMBERSHIP)).send();
        assertThat(open.status()).as(open.body()).isEqualTo(201);
        String intent = open.json().path("checkoutIntentId").asText();
        String hostedPage = api.get("/checkout/" + intent).send().header("Location");

        HttpResponse<String> paid = pay(hostedPage);
        assertThat(paid.statusCode()).isEqualTo(200);
        JsonNode deliveries = MAPPER.readTree(paid.body()).path("deliveries");
        assertThat(deliveries.findValuesAsText("eventType"))
                .containsExactly("checkout.session.completed", "customer.subscription.created");
        deliveries.forEach(d -> assertThat(d.path("webhookAnswer").path("verified").asBoolean()).isTrue());

        // the subscription event may arrive before the payment is recorded; the service retries it
        JsonNode[] entitlement = new JsonNode[1];
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            JsonNode list = api.get("/api/commerce/entitlements?checkoutIntentId=" + intent).token(Tokens.OWNER)
                    .send().json().path("entitlements");
            assertThat(list).hasSize(1);
            assertThat(list.get(0).path("subscriptionStatus").asText()).isEqualTo("active");
            entitlement[0] = list.get(0);
        });
        String id = entitlement[0].path("entitlementId").asText();
        ApiClient.Response portal = api.post("/api/commerce/entitlements/" + id + "/portal-sessions")
                .token(Tokens.OWNER).billing(ApiClient.uniqueKey("standin-portal"), "corr-standin-sub")
                .header("If-Match", "\"" + entitlement[0].path("version").asLong() + "\"")
                .json(Map.of("confirmation", "Open billing portal for entitlement " + id)).send();
        assertThat(portal.status()).as(portal.body()).isEqualTo(201);
        String link = portal.json().path("portalUrl").asText().substring(api.base().length());
        String portalPage = api.get(link).send().header("Location");
        assertThat(portalPage).startsWith("http://127.0.0.1:" + STAND_IN_PORT + "/p/session/bps_test_");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(portalPage)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Customer Portal");
    }

    @Test
    void aBuyerWhoTicksTheOptionalBumpOnTheStandInsPageIsGrantedBoth() throws Exception {
        ApiClient api = new ApiClient(port);
        // the seeded bump gets its Stripe Price (the seed is adopted at version 0)
        ApiClient.Response synced = api.post("/api/commerce/catalog/offers/launch-templates/stripe-sync")
                .token(Tokens.OWNER).billing(ApiClient.uniqueKey("standin-sync"), "corr-standin-bump")
                .header("If-Match", "\"0\"")
                .json(Map.of("confirmation", "Sync offer Bumpgrade launch templates at 5.00 USD to Stripe")).send();
        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        ApiClient.Response open = api.post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("standin-bump"), "corr-standin-bump")
                .json(Map.of("offerId", "launch-pass", "orderBumpOfferIds", List.of("launch-templates"),
                        "orderBumpMode", "buyer_choice", "confirmation", "Create checkout for Bumpgrade launch pass "
                                + "at 9.00 USD plus up to Bumpgrade launch templates (5.00 USD)")).send();
        assertThat(open.status()).as(open.body()).isEqualTo(201);
        String intent = open.json().path("checkoutIntentId").asText();
        String hostedPage = api.get("/checkout/" + intent).send().header("Location");
        String page = http.send(HttpRequest.newBuilder(URI.create(hostedPage)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher box = Pattern.compile("name=\"take\\[0]\" value=\"(price_[A-Za-z0-9_]+)\"").matcher(page);
        assertThat(box.find()).as(page).isTrue();

        HttpResponse<String> paid = http.send(HttpRequest.newBuilder(URI.create(hostedPage + "/complete"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("take%5B0%5D=" + box.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api
                .get("/api/commerce/entitlements?checkoutIntentId=" + intent).token(Tokens.OWNER).send().json()
                .path("entitlements").findValuesAsText("offerId"))
                .containsExactlyInAnyOrder("launch-pass", "launch-templates"));
        ApiClient.Response status = api.get("/api/commerce/checkout-intents/" + intent).token(Tokens.AGENT).send();
        assertThat(status.json().path("paid").path("amountMinor").asLong()).isEqualTo(1400);
    }

    private HttpResponse<String> pay(String hostedPage) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(hostedPage + "/complete"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
