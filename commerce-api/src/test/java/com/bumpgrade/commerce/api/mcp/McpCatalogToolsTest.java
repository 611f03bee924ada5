package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.domain.catalog.OfferPublished;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue through tools: an owner drafts and publishes an offer, an agent then finds it for sale. */
class McpCatalogToolsTest extends McpClientTest {

    private static Map<String, Object> billing(String key, Map<String, Object> own) {
        Map<String, Object> arguments = new LinkedHashMap<>(own);
        arguments.put("idempotencyKey", key);
        arguments.put("correlationId", "corr-mcp-catalog");
        return arguments;
    }

    @Test
    void anOwnerDraftsAndPublishesAnOfferWithItsPhraseAndAnAgentListsIt() {
        String suffix = ApiClient.uniqueKey("mcp").replaceAll("[^a-z0-9]", "").toLowerCase();
        String product = "mcp-course-" + suffix.substring(suffix.length() - 8);
        McpSyncClient owner = client(Tokens.OWNER);

        Map<String, Object> productArgs = billing(ApiClient.uniqueKey("mcp-product"),
                Map.of("productId", product, "title", "MCP course", "kind", "course"));
        String productPhrase = (String) result(call(owner, "draft_product", productArgs)).get("requiredConfirmation");
        productArgs.put("confirmation", productPhrase);
        McpSchema.CallToolResult drafted = call(owner, "draft_product", productArgs);
        assertThat(drafted.isError()).as(text(drafted)).isFalse();

        Map<String, Object> offerArgs = billing(ApiClient.uniqueKey("mcp-offer"), Map.of("offerId", product,
                "productId", product, "title", "MCP course", "role", "main", "amountMinor", 4900, "currency", "USD"));
        String offerPhrase = (String) result(call(owner, "draft_offer", offerArgs)).get("requiredConfirmation");
        offerArgs.put("confirmation", offerPhrase);
        assertThat(call(owner, "draft_offer", offerArgs).isError()).isFalse();

        McpSyncClient agent = client(Tokens.AGENT);
        int version = ((Number) result(call(owner, "get_offer", Map.of("offerId", product))).get("version")).intValue();
        Map<String, Object> publish = billing(ApiClient.uniqueKey("mcp-publish"),
                Map.of("offerId", product, "version", version));
        Map<String, Object> preview = result(call(owner, "publish_offer", publish));
        assertThat(preview).containsEntry("status", "preview")
                .containsEntry("requiredConfirmation", "Publish offer MCP course at 49.00 USD");
        assertThat(text(call(agent, "list_offers", Map.of()))).doesNotContain(product);

        publish.put("confirmation", "Publish offer MCP course at 48.00 USD");
        assertThat(result(call(owner, "publish_offer", publish))).containsEntry("status", "preview");
        McpSchema.CallToolResult byAgent = call(agent, "publish_offer", publish);
        assertThat(byAgent.isError()).isTrue();
        assertThat(structured(byAgent)).containsEntry("httpStatus", 403);

        publish.put("confirmation", "Publish offer MCP course at 49.00 USD");
        McpSchema.CallToolResult published = call(owner, "publish_offer", publish);
        assertThat(structured(published)).as(text(published)).containsEntry("httpStatus", 200);
        assertThat(result(published)).containsEntry("status", "published").containsEntry("offerId", product);
        assertThat(text(call(agent, "list_offers", Map.of()))).contains(product);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ?",
                Long.class, OfferPublished.class.getName())).isPositive();
    }
}
