package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.security.RouteAccess;
import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.commission.CommissionHeld;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The MCP server end to end, through the SDK's own client and its Streamable HTTP transport against the running
 * service: the tools, preview then confirm on the server, replays, a wrong phrase that changes nothing, roles and
 * authentication.
 */
class McpEndToEndTest extends McpClientTest {
    private static Map<String, Object> checkout(String key, String phrase) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("offerId", "launch-pass");
        arguments.put("idempotencyKey", key);
        arguments.put("correlationId", "corr-mcp");
        if (phrase != null) {
            arguments.put("confirmation", phrase);
        }
        return arguments;
    }

    private long checkoutsStarted() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                CheckoutStarted.class.getName());
    }

    @Test
    void listsOneToolPerCommandAndQueryAndSaysWhatEachCosts() {
        List<McpSchema.Tool> tools = client(Tokens.AGENT).listTools().tools();

        assertThat(tools).extracting(McpSchema.Tool::name).contains("start_checkout", "expire_checkout",
                "get_checkout_intent", "list_checkout_intents", "act_on_commission_entry", "get_commission_entry");
        McpSchema.Tool start = tools.stream().filter(tool -> tool.name().equals("start_checkout")).findFirst()
                .orElseThrow();
        assertThat(start.description()).contains("charges nothing until the buyer pays", "changes nothing");
        assertThat((List<Object>) (Object) start.inputSchema().get("required")).contains(
               "offerId", "idempotencyKey", "correlationId");
    }

    /** Routes added later need their tool too: every authenticated route but the MCP endpoint and the scrape. */
    @Test
    void everyAuthenticatedRouteHasItsTool() {
        List<String> mirrored = client(Tokens.AGENT).listTools().tools().stream()
                .map(tool -> (String) tool.meta().get("bumpgrade/route")).toList();
        List<String> routes = RouteAccess.RULES.stream().filter(rule -> !rule.isPublic())
                .filter(rule -> !rule.pattern().equals("/mcp") && !rule.pattern().startsWith("/actuator/"))
                .map(rule -> rule.method().name() + " " + rule.pattern()).toList();
        assertThat(mirrored).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void aCheckoutIsPreviewedConfirmedAndReplayedThroughTools() {
        McpSyncClient agent = client(Tokens.AGENT);
        String key = ApiClient.uniqueKey("mcp-chk");
        long started = checkoutsStarted();

        McpSchema.CallToolResult preview = call(agent, "start_checkout", checkout(key, null));
        assertThat(preview.isError()).as(text(preview)).isFalse();
        assertThat(result(preview)).containsEntry("status", "preview").containsEntry("requiredConfirmation", PHRASE)
                .containsEntry("reason", "confirmation_required");
        assertThat(checkoutsStarted()).as("a preview changes nothing").isEqualTo(started);

        McpSchema.CallToolResult confirmed = call(agent, "start_checkout", checkout(key, PHRASE));
        assertThat(confirmed.isError()).as(text(confirmed)).isFalse();
        assertThat(structured(confirmed)).containsEntry("httpStatus", 201).containsEntry("replayed", false);
        String intent = (String) result(confirmed).get("checkoutIntentId");
        assertThat(intent).startsWith("chk_");
        assertThat(text(confirmed)).doesNotContain("cs_test", "pi_");

        McpSchema.CallToolResult replayed = call(agent, "start_checkout", checkout(key, PHRASE));
        assertThat(structured(replayed)).containsEntry("httpStatus", 201).containsEntry("replayed", true);
        assertThat(text(replayed)).isEqualTo(text(confirmed));
        EventStream.of(jdbc, intent).expectExactly(CheckoutStarted.class, CheckoutSessionOpened.class);
        assertThat(checkoutsStarted()).isEqualTo(started + 1);

        // the client attribution is the MCP client's own name and version
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND (convert_from(meta_data, 'UTF8') LIKE '%mcp-e2e-agent/1.2.0%' "
                + "OR convert_from(payload, 'UTF8') LIKE '%mcp-e2e-agent/1.2.0%')", Long.class, intent))
                .isPositive();

        McpSchema.CallToolResult read = call(agent, "get_checkout_intent", Map.of("checkoutIntentId", intent));
        assertThat(result(read)).containsEntry("checkoutIntentId", intent).containsEntry("status", "open");
        McpSchema.CallToolResult listed = call(agent, "list_checkout_intents", Map.of("limit", 100));
        assertThat(text(listed)).contains(intent);
    }

    @Test
    void aWrongPhraseChangesNothing() {
        McpSyncClient agent = client(Tokens.AGENT);
        long started = checkoutsStarted();
        McpSchema.CallToolResult wrong = call(agent, "start_checkout",
                checkout(ApiClient.uniqueKey("mcp-wrong"), "Create checkout for Bumpgrade launch pass at 0.01 USD"));
        assertThat(result(wrong)).containsEntry("status", "preview").containsEntry("reason", "confirmation_mismatch")
                .containsEntry("requiredConfirmation", PHRASE);
        assertThat(checkoutsStarted()).isEqualTo(started);

        String intent = (String) result(call(agent, "start_checkout", checkout(ApiClient.uniqueKey("mcp-exp"),
                PHRASE))).get("checkoutIntentId");
        EventStream stream = EventStream.of(jdbc, intent);
        long mark = stream.mark();
        Map<String, Object> expire = new HashMap<>(Map.of("checkoutIntentId", intent, "version", (int) mark,
                "idempotencyKey", ApiClient.uniqueKey("mcp-exp"), "correlationId", "corr-mcp",
                "confirmation", "Expire something else"));
        McpSchema.CallToolResult refused = call(agent, "expire_checkout", expire);
        assertThat(result(refused)).containsEntry("status", "preview").containsEntry("reason", "confirmation_mismatch");
        stream.expectNothingSince(mark);
    }

    @Test
    void anOwnerHoldsACommissionEntryThroughTools() {
        ApiClient.Response click = api().post("/referrals/demo/ADA30/clicks").send();
        String clickId = click.json().path("clickId").asText();
        ApiClient.Response opened = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("mcp-ref"), "corr-ref")
                .json(Map.of("offerId", "launch-pass", "confirmation", PHRASE, "referralClickId", clickId)).send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String intent = opened.json().path("checkoutIntentId").asText();
        deliver(completed(intent));
        String[] entryId = new String[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String found = jdbc.queryForList("SELECT entry_id FROM commission_entry_view WHERE checkout_intent_id = ?",
                    String.class, intent).stream().findFirst().orElse(null);
            assertThat(found).isNotNull();
            entryId[0] = found;
        });
        String entry = entryId[0];
        McpSyncClient owner = client(Tokens.OWNER);
        int version = ((Number) result(call(owner, "get_commission_entry", Map.of("entryId", entry)))
                .get("version")).intValue();
        EventStream stream = EventStream.of(jdbc, entry);
        long mark = stream.mark();
        String key = ApiClient.uniqueKey("mcp-hold");
        Map<String, Object> hold = new LinkedHashMap<>(Map.of("entryId", entry, "action", "hold",
                "reason", "checking the partner", "version", version, "idempotencyKey", key,
                "correlationId", "corr-hold"));

        McpSchema.CallToolResult preview = call(owner, "act_on_commission_entry", hold);
        String phrase = "Hold commission " + entry + ": checking the partner";
        assertThat(result(preview)).containsEntry("status", "preview").containsEntry("requiredConfirmation", phrase);
        hold.put("confirmation", "Hold commission " + entry + ": something else");
        assertThat(result(call(owner, "act_on_commission_entry", hold))).containsEntry("reason",
                "confirmation_mismatch");
        stream.expectNothingSince(mark);

        hold.put("confirmation", phrase);
        McpSchema.CallToolResult held = call(owner, "act_on_commission_entry", hold);
        assertThat(structured(held)).as(text(held)).containsEntry("httpStatus", 200);
        assertThat(result(held)).containsEntry("status", "accepted").containsEntry("action", "hold");
        McpSchema.CallToolResult replayed = call(owner, "act_on_commission_entry", hold);
        assertThat(structured(replayed)).containsEntry("replayed", true);
        assertThat(text(replayed)).isEqualTo(text(held));
        stream.expectAppendedSince(mark, CommissionHeld.class);

        // a stale version is refused and changes nothing
        hold.put("idempotencyKey", ApiClient.uniqueKey("mcp-stale"));
        hold.put("action", "release");
        hold.put("confirmation", "Release hold on commission " + entry);
        McpSchema.CallToolResult stale = call(owner, "act_on_commission_entry", hold);
        assertThat(stale.isError()).isTrue();
        assertThat(structured(stale)).containsEntry("httpStatus", 412);
        stream.expectAppendedSince(mark, CommissionHeld.class);
    }

    @Test
    void aToolRefusesARoleItsRouteRefuses() {
        McpSchema.CallToolResult auditor = call(client(Tokens.AUDITOR), "start_checkout",
                checkout(ApiClient.uniqueKey("mcp-aud"), PHRASE));
        assertThat(auditor.isError()).isTrue();
        assertThat(structured(auditor)).containsEntry("httpStatus", 403);
        assertThat(errorCode(auditor)).isEqualTo("forbidden");

        McpSchema.CallToolResult agent = call(client(Tokens.AGENT), "get_commission_entry",
                Map.of("entryId", "com_0cc175b9c0f1b6a831c399e269772661"));
        assertThat(structured(agent)).containsEntry("httpStatus", 403);
    }

    @Test
    void anotherPublishersRecordAndGarbageInputAnswerClearly() {
        String intent = (String) result(call(client(Tokens.AGENT), "start_checkout",
                checkout(ApiClient.uniqueKey("mcp-own"), PHRASE))).get("checkoutIntentId");
        McpSyncClient rival = client(Tokens.RIVAL_AGENT);
        McpSchema.CallToolResult foreign = call(rival, "get_checkout_intent", Map.of("checkoutIntentId", intent));
        assertThat(structured(foreign)).containsEntry("httpStatus", 404);
        McpSchema.CallToolResult missing = call(rival, "get_checkout_intent",
                Map.of("checkoutIntentId", "chk_00000000000000000000000000000000"));
        assertThat(text(missing)).isEqualTo(text(foreign));

        long started = checkoutsStarted();
        Map<String, Object> garbage = checkout(ApiClient.uniqueKey("mcp-bad"), PHRASE);
        garbage.put("quantity", "many");
        McpSchema.CallToolResult bad = call(rival, "start_checkout", garbage);
        // the SDK checks the arguments against the tool's input schema before the tool runs
        assertThat(bad.isError()).isTrue();
        assertThat(text(bad)).contains("quantity");
        assertThat(checkoutsStarted()).isEqualTo(started);
        McpSchema.CallToolResult noKey = call(rival, "start_checkout", Map.of("offerId", "launch-pass"));
        assertThat(noKey.isError()).isTrue();
        assertThat(text(noKey)).contains("idempotencyKey");
        Map<String, Object> unknownArgument = checkout(ApiClient.uniqueKey("mcp-unknown"), PHRASE);
        unknownArgument.put("price", 1);
        McpSchema.CallToolResult unknown = call(rival, "start_checkout", unknownArgument);
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("price");
        McpSchema.CallToolResult blank = call(rival, "get_checkout_intent", Map.of("checkoutIntentId", " "));
        assertThat(errorCode(blank)).isEqualTo("missing_argument");
        McpSchema.CallToolResult badKey = call(rival, "start_checkout", checkout("not a key!", PHRASE));
        assertThat(structured(badKey)).containsEntry("httpStatus", 400);
        assertThat(errorCode(badKey)).isEqualTo("invalid_idempotency_key");
        assertThat(checkoutsStarted()).isEqualTo(started);
    }

    @Test
    void withoutAValidTokenNothingIsServed() {
        ApiClient.Response anonymous = api().post("/mcp").header("Content-Type", "application/json")
                .json(Map.of("jsonrpc", "2.0", "id", 1, "method", "tools/list")).send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo("unauthenticated");
        assertThatThrownBy(() -> client(null)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> client("not-a-token")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void entitlementRevocationPlanAndLedgerToolsAnswerLikeTheirRoutes() {
        String intent = openIntent();
        deliver(completed(intent));
        awaitIntent(intent, "paid");
        McpSyncClient agent = client(Tokens.AGENT);
        List<?>[] granted = new List<?>[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            granted[0] = (List<?>) result(call(agent, "list_entitlements", Map.of("checkoutIntentId", intent)))
                    .get("entitlements");
            assertThat(granted[0]).hasSize(1);
        });
        String entitlement = (String) ((Map<?, ?>) granted[0].get(0)).get("entitlementId");
        McpSchema.CallToolResult read = call(agent, "get_entitlement", Map.of("entitlementId", entitlement));
        assertThat(result(read)).containsEntry("entitlementId", entitlement);
        int version = ((Number) result(read).get("version")).intValue();
        McpSchema.CallToolResult bothFilters = call(agent, "list_entitlements", Map.of("checkoutIntentId", intent,
                "customerId", "bgc_78944efefd1a5c214c72e7aabf38135b"));
        assertThat(errorCode(bothFilters)).isEqualTo("invalid_entitlement_filter");

        Map<String, Object> revoke = new HashMap<>(Map.of("entitlementId", entitlement, "reason", "chargeback",
                "version", version, "idempotencyKey", ApiClient.uniqueKey("mcp-rvk"), "correlationId", "corr-rvk"));
        assertThat(structured(call(agent, "record_revocation_intent", revoke))).containsEntry("httpStatus", 403);
        McpSyncClient owner = client(Tokens.OWNER);
        EventStream stream = EventStream.of(jdbc, entitlement);
        long mark = stream.mark();
        McpSchema.CallToolResult preview = call(owner, "record_revocation_intent", revoke);
        assertThat(result(preview)).containsEntry("status", "preview");
        assertThat((String) result(preview).get("requiredConfirmation")).contains("chargeback");
        stream.expectNothingSince(mark);
        assertThat(result(call(owner, "list_revocation_intents", Map.of("entitlementId", entitlement))))
                .containsKey("revocationIntents");

        McpSchema.CallToolResult plan = call(owner, "start_plan_checkout", Map.of("planId", "creator-plan",
                "idempotencyKey", ApiClient.uniqueKey("mcp-plan"), "correlationId", "corr-plan"));
        assertThat(structured(plan)).as(text(plan)).containsEntry("httpStatus", 200);
        assertThat(result(plan)).containsEntry("status", "preview");
        assertThat(structured(call(agent, "start_plan_checkout", Map.of("planId", "creator-plan",
                "idempotencyKey", ApiClient.uniqueKey("mcp-plan"), "correlationId", "corr-plan"))))
                .containsEntry("httpStatus", 403);

        assertThat(result(call(owner, "list_commission_entries", Map.of("limit", 5)))).containsKey("entries");
        assertThat(call(owner, "list_commission_entries", Map.of("status", "paid_out")).isError()).isTrue();
    }

    @Test
    void auditWebhookPartnerAndOperatorToolsAnswerLikeTheirRoutes() {
        String intent = (String) result(call(client(Tokens.AGENT), "start_checkout",
                checkout(ApiClient.uniqueKey("mcp-hist"), PHRASE))).get("checkoutIntentId");
        McpSyncClient owner = client(Tokens.OWNER);
        McpSyncClient auditor = client(Tokens.AUDITOR);
        McpSchema.CallToolResult history = call(owner, "get_checkout_intent_history",
                Map.of("checkoutIntentId", intent));
        assertThat(structured(history)).as(text(history)).containsEntry("httpStatus", 200);
        assertThat(text(history)).contains("checkout_started", "\"client\":\"mcp-e2e-agent/1.2.0\"")
                .doesNotContain("cs_test");
        assertThat(structured(call(client(Tokens.AGENT), "get_checkout_intent_history",
                Map.of("checkoutIntentId", intent)))).containsEntry("httpStatus", 403);
        assertThat(structured(call(auditor, "verify_audit_trail", Map.of()))).containsEntry("httpStatus", 200);
        assertThat(result(call(auditor, "list_audit_entries", Map.of("limit", 5)))).containsKey("entries");
        McpSchema.CallToolResult replay = call(auditor, "start_audit_replay", Map.of(
                "idempotencyKey", ApiClient.uniqueKey("mcp-replay"), "correlationId", "corr-replay"));
        assertThat(result(replay)).containsEntry("status", "preview");
        assertThat(structured(call(auditor, "get_audit_replay", Map.of("replayId", "rpl_nope"))))
                .containsEntry("httpStatus", 404);

        assertThat(result(call(owner, "list_partners", Map.of()))).containsKey("partners");
        McpSchema.CallToolResult partner = call(owner, "register_partner", Map.of("partnerId", "partner-mcp",
                "displayName", "MCP Partner", "referralCode", "MCP10", "commissionBasisPoints", 1000,
                "idempotencyKey", ApiClient.uniqueKey("mcp-partner"), "correlationId", "corr-partner"));
        assertThat(result(partner)).as(text(partner)).containsEntry("status", "preview");
        assertThat(result(call(owner, "list_webhook_events", Map.of("limit", 5)))).containsKey("events");
        assertThat(result(call(owner, "list_webhook_dead_letters", Map.of()))).containsKey("deadLetters");

        McpSyncClient operator = client(Tokens.OPERATOR);
        assertThat(structured(call(operator, "list_operator_dead_letters", Map.of())))
                .containsEntry("httpStatus", 200);
        assertThat(structured(call(operator, "start_checkout", checkout(ApiClient.uniqueKey("mcp-op"), PHRASE))))
                .containsEntry("httpStatus", 403);
        assertThat(structured(call(owner, "list_operator_dead_letters", Map.of()))).containsEntry("httpStatus", 403);
    }

    @Test
    void theTransportAnswersGarbageAndUnknownSessionsClearly() {
        ApiClient.Response garbage = api().post("/mcp").token(Tokens.AGENT).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").json("{not json").send();
        // the service's strict JSON decoder reads the message, and refuses it as on every route
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.errorCode()).isEqualTo("malformed_json");
        assertThat(garbage.body()).doesNotContain("Exception", "at com.");
        ApiClient.Response badInitialize = api().post("/mcp").token(Tokens.AGENT)
                .header("Accept", "application/json, text/event-stream")
                .json(Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize", "params", "not an object")).send();
        assertThat(badInitialize.status()).isEqualTo(400);
        assertThat(badInitialize.errorCode()).isEqualTo("invalid_mcp_message");

        ApiClient.Response unknown = api().post("/mcp").token(Tokens.AGENT).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("Mcp-Session-Id", "no-such-session")
                .json(Map.of("jsonrpc", "2.0", "id", 1, "method", "tools/list")).send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("mcp_session_not_found");
    }
}
