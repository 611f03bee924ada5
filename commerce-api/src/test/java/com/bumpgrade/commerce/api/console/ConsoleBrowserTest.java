package com.bumpgrade.commerce.api.console;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The owner console in headless Chromium against the running service: real data (a checkout paid by a signed
 * webhook, so an entitlement and a commission entry exist), then what an owner does in the page: sign in, see the
 * records, hold an entry and cancel a revocation intent through preview → the server's exact phrase → confirm,
 * checked through the API; cancelling at the preview changes nothing. A wrong token and an agent's token see the
 * API's refusals, and hostile text from the data is shown as text, never run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// each test stands alone; the order only makes the screenshots tell the story
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest extends WebhookTest {
    /** Client attribution and a reason are free text the page must show as text. */
    private static final String HOSTILE_CLIENT = "evil/1 (<img src=x onerror=window.__pwned=1>)";
    private static final String HOSTILE_REASON = "<img src=x onerror=window.__pwned=2> chargeback";

    private HeadlessChromium browser;
    private String checkoutId;
    /** An open checkout started by a client whose name is markup. */
    private String hostileCheckoutId;
    private String entitlementId;
    private String entryId;
    private String revocationId;

    @BeforeAll
    void aPaidAttributedCheckoutWithHostileText() {
        browser = HeadlessChromium.start();
        ApiClient.Response click = api().post("/referrals/demo/ADA30/clicks").send();
        assertThat(click.status()).as(click.body()).isEqualTo(201);
        ApiClient.Response opened = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("console"), ApiClient.uniqueKey("console-corr"))
                .json(Map.of("offerId", "launch-pass", "confirmation", PHRASE,
                        "referralClickId", click.json().path("clickId").asText())).send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        checkoutId = opened.json().path("checkoutIntentId").asText();
        ApiClient.Response hostile = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("console"), ApiClient.uniqueKey("console-corr"))
                .header("X-Bumpgrade-Client", HOSTILE_CLIENT)
                .json(Map.of("offerId", "launch-pass", "confirmation", PHRASE)).send();
        assertThat(hostile.status()).as(hostile.body()).isEqualTo(201);
        hostileCheckoutId = hostile.json().path("checkoutIntentId").asText();
        deliver(completed(checkoutId));
        awaitIntent(checkoutId, "paid");
        JsonNode entitlement = awaitFirst("/api/commerce/entitlements?checkoutIntentId=" + checkoutId,
                "entitlements", "checkoutIntentId");
        entitlementId = entitlement.path("entitlementId").asText();
        entryId = awaitFirst("/api/commerce/commission-entries?limit=500", "entries", "checkoutIntentId")
                .path("entryId").asText();

        ApiClient.Response recorded = api().post("/api/commerce/entitlements/" + entitlementId + "/revocation-intents")
                .token(Tokens.OWNER).billing(ApiClient.uniqueKey("console"), ApiClient.uniqueKey("console-corr"))
                .header("If-Match", "\"" + entitlement.path("version").asLong() + "\"")
                .json(Map.of("reason", HOSTILE_REASON, "confirmation",
                        "Record revocation intent for entitlement " + entitlementId + ": " + HOSTILE_REASON)).send();
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        revocationId = recorded.json().path("revocationIntentId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/commerce/revocation-intents/"
                + revocationId).token(Tokens.OWNER).send().status() == 200);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** The list item of {@code path} whose {@code field} is this test's checkout, once the view has it. */
    private JsonNode awaitFirst(String path, String list, String field) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (JsonNode item : api().get(path).token(Tokens.OWNER).send().json().path(list)) {
                if (item.path(field).asText().equals(checkoutId)) {
                    found[0] = item;
                }
            }
            assertThat(found[0]).as(path).isNotNull();
        });
        return found[0];
    }

    private void signIn(String token) {
        browser.driver().get(api().base() + "/console/");
        browser.await(driver -> "true".equals(browser.find("body").getDomAttribute("data-ready")));
        browser.find("#token").sendKeys(token);
        browser.find("#sign-in-button").click();
    }

    private WebElement row(String section, String id) {
        return browser.await(driver -> driver.findElements(By.cssSelector("#" + section + " tr[data-id='" + id + "']"))
                .stream().findFirst().orElse(null));
    }

    /** The text of a cell of the row of {@code id}, read afresh: the tables are re-rendered on every load. */
    private String text(String section, String id, int column) {
        return browser.await(driver -> row(section, id).findElements(By.tagName("td")).get(column).getText());
    }

    private void click(String section, String id, String action) {
        browser.await(driver -> {
            row(section, id).findElement(By.cssSelector("button[data-action='" + action + "']")).click();
            return true;
        });
    }

    /** Lists read the view as it is; the owner presses Refresh until the change shows, as a person would. */
    private void awaitCell(String section, String id, int column, String expected) {
        browser.await(driver -> {
            if (row(section, id).findElements(By.tagName("td")).get(column).getText().equals(expected)) {
                return true;
            }
            browser.find("#refresh").click();
            return false;
        });
    }

    private JsonNode entry() {
        ApiClient.Response response = api().get("/api/commerce/commission-entries/" + entryId).token(Tokens.OWNER)
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String actionResult() {
        return browser.await(driver -> {
            WebElement result = browser.find("#action-result");
            WebElement error = browser.find("#action-error");
            return result.isDisplayed() ? result.getText() : error.isDisplayed() ? "ERROR " + error.getText() : null;
        });
    }

    @Test
    @Order(1)
    void anOwnerSeesTheCheckoutItsEntitlementAndHostileTextAsText() {
        signIn(Tokens.OWNER);
        assertThat(text("checkouts", checkoutId, 2)).isEqualTo("paid");
        assertThat(text("checkouts", checkoutId, 3)).isEqualTo("9.00 USD");
        assertThat(text("checkouts", checkoutId, 4)).isEqualTo("api-test");
        assertThat(text("checkouts", hostileCheckoutId, 2)).isEqualTo("open");
        assertThat(text("checkouts", hostileCheckoutId, 4)).isEqualTo(HOSTILE_CLIENT);
        click("checkouts", checkoutId, "entitlements");
        assertThat(text("entitlements", entitlementId, 1)).isEqualTo(checkoutId);
        assertThat(text("entitlements", entitlementId, 4)).isEqualTo("active");
        // the buyer's entitlements, by the Bumpgrade customer id the row shows
        String customer = text("entitlements", entitlementId, 3);
        assertThat(customer).matches("bgc_[0-9a-f]{32}");
        browser.find("#entitlement-customer").sendKeys(customer);
        assertThat(browser.find("#entitlement-checkout").getDomProperty("value")).isEmpty();
        // the row shown now is the checkout's: take it away, so only the customer search can bring it back
        browser.script("document.querySelector('#entitlements .rows').replaceChildren()");
        browser.find("#entitlement-filter button").click();
        assertThat(text("entitlements", entitlementId, 1)).isEqualTo(checkoutId);
        assertThat(text("commissions", entryId, 1)).isEqualTo("partner-ada");
        assertThat(text("revocations", revocationId, 3)).isEqualTo(HOSTILE_REASON);
        assertThat(browser.find("#evidence").getText()).contains("checkout.session.completed");
        // other test classes may have left dead letters of the publisher: the section loaded, whatever it holds
        assertThat(browser.find("#dead-letters .error").isDisplayed()).isFalse();

        // shown as text: no element was made of the data, and no handler ran
        assertThat(browser.driver().findElements(By.cssSelector("#sections img"))).isEmpty();
        assertThat(browser.script("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(browser.script("return sessionStorage.length + localStorage.length + document.cookie.length"))
                .as("the token is kept in memory only").isEqualTo(0L);
        browser.screenshot("console-overview.png");
    }

    @Test
    @Order(2)
    void anOwnerHoldsACommissionEntryThroughPreviewAndConfirmAndCancellingChangesNothing() {
        signIn(Tokens.OWNER);
        long before = entry().path("version").asLong();
        String reason = "partner under review";

        click("commissions", entryId, "hold");
        browser.find("#action-reason").sendKeys(reason);
        browser.find("#action-preview").click();
        WebElement phrase = browser.await(driver -> {
            WebElement shown = browser.find("#action-phrase");
            return shown.isDisplayed() ? shown : null;
        });
        assertThat(phrase.getText()).isEqualTo("Hold commission " + entryId + ": " + reason);
        browser.find("#action-cancel").click();
        assertThat(actionResult()).startsWith("Cancelled");
        assertThat(eventCount(entryId, "CommissionHeld")).as("cancelled at the preview").isZero();
        assertThat(entry().path("version").asLong()).isEqualTo(before);

        click("commissions", entryId, "hold");
        browser.find("#action-reason").sendKeys(reason);
        browser.find("#action-preview").click();
        browser.await(driver -> browser.find("#action-phrase").isDisplayed());
        browser.screenshot("console-preview.png");
        browser.find("#action-confirm").click();
        assertThat(actionResult()).isEqualTo("Done: accepted — Hold commission " + entryId + ": " + reason);

        JsonNode held = entry();
        assertThat(held.path("status").asText()).isEqualTo("on_hold");
        assertThat(held.path("version").asLong()).isEqualTo(before + 1);
        assertThat(eventCount(entryId, "CommissionHeld")).isEqualTo(1);
        JsonNode last = lastHistoryEvent("/api/commerce/commission-entries/" + entryId + "/history");
        assertThat(last.path("type").asText()).isEqualTo("commission_held");
        assertThat(last.path("actor").asText()).isEqualTo("owner-demo");
        assertThat(last.path("client").asText()).isEqualTo("bumpgrade-console/1.0");
        assertThat(last.path("correlationId").asText()).startsWith("console-");
        awaitCell("commissions", entryId, 3, "on_hold");
        browser.screenshot("console-confirmed.png");
    }

    @Test
    @Order(3)
    void anOwnerCancelsARevocationIntentWithTheExactPhrase() {
        signIn(Tokens.OWNER);
        click("revocations", revocationId, "cancel");
        String expected = "Cancel revocation intent " + revocationId + " for entitlement " + entitlementId;
        String shown = browser.await(driver -> {
            WebElement phrase = browser.find("#action-phrase");
            return phrase.isDisplayed() ? phrase.getText() : null;
        });
        assertThat(shown).isEqualTo(expected);
        assertThat(eventCount(revocationId, "RevocationIntentCancelled")).as("the preview changed nothing").isZero();
        browser.find("#action-confirm").click();
        assertThat(actionResult()).isEqualTo("Done: cancelled — " + expected);
        assertThat(api().get("/api/commerce/revocation-intents/" + revocationId).token(Tokens.OWNER).send().json()
                .path("status").asText()).isEqualTo("cancelled");
        assertThat(eventCount(revocationId, "RevocationIntentCancelled")).isEqualTo(1);
        awaitCell("revocations", revocationId, 2, "cancelled");
    }

    @Test
    @Order(4)
    void aConfirmationAtAStaleVersionShowsTheServersRefusalAndChangesNothing() {
        if (entry().path("holds").isEmpty()) {
            ownerAction("hold", Map.of("reason", "held before the stale read", "confirmation",
                    "Hold commission " + entryId + ": held before the stale read"));
        }
        signIn(Tokens.OWNER);
        text("commissions", entryId, 4);
        // another owner's session releases the hold after this page read the entry's version
        ownerAction("release", Map.of("confirmation", "Release hold on commission " + entryId));
        long released = eventCount(entryId, "CommissionHoldReleased");

        click("commissions", entryId, "release");
        browser.await(driver -> browser.find("#action-phrase").isDisplayed());
        browser.find("#action-confirm").click();
        assertThat(actionResult()).startsWith("ERROR 412 stale_version: ");
        assertThat(eventCount(entryId, "CommissionHoldReleased")).isEqualTo(released);
        browser.screenshot("console-stale.png");
    }

    private void ownerAction(String action, Map<String, String> body) {
        ApiClient.Response response = api().post("/api/commerce/commission-entries/" + entryId + "/" + action)
                .token(Tokens.OWNER).billing(ApiClient.uniqueKey("console"), ApiClient.uniqueKey("console-corr"))
                .header("If-Match", "\"" + entry().path("version").asLong() + "\"").json(body).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).as(response.body()).isEqualTo("accepted");
    }

    @Test
    @Order(5)
    void aWrongTokenIsRefusedAndAnAgentSeesTheForbiddenAnswers() {
        signIn("not-a-token");
        WebElement refusal = browser.await(driver -> {
            WebElement error = browser.find("#sign-in-error");
            return error.isDisplayed() ? error : null;
        });
        assertThat(refusal.getText()).isEqualTo("401 unauthenticated: A valid bearer token is required.");
        assertThat(browser.find("#sections").isDisplayed()).isFalse();

        signIn(Tokens.AGENT);
        row("checkouts", checkoutId);
        WebElement forbidden = browser.await(driver -> {
            WebElement error = browser.find("#commissions .error");
            return error.isDisplayed() ? error : null;
        });
        assertThat(forbidden.getText()).isEqualTo("403 forbidden: The agent role may not do this.");
        assertThat(browser.find("#revocations .error").getText()).startsWith("403 forbidden");
        assertThat(browser.find("#evidence .error").getText()).startsWith("403 forbidden");
        browser.screenshot("console-agent-refused.png");

        // an owner's write tried with an agent's token: the API's 403, and nothing recorded
        click("checkouts", checkoutId, "entitlements");
        click("entitlements", entitlementId, "revoke");
        browser.find("#action-reason").sendKeys("agent tries");
        browser.find("#action-preview").click();
        assertThat(actionResult()).isEqualTo("ERROR 403 forbidden: The agent role may not do this.");
        assertThat(browser.find("#action-confirm-box").isDisplayed()).isFalse();
    }

    private JsonNode lastHistoryEvent(String path) {
        ApiClient.Response history = api().get(path).token(Tokens.OWNER).send();
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode events = history.json().path("events");
        return events.get(events.size() - 1);
    }
}
