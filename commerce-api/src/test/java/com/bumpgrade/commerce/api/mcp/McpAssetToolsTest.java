package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.Tokens;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assets and content readiness through tools: an owner uploads a small file (base64, capped), lists it, puts it
 * in a lesson and marks the content ready; an auditor reads, an agent is refused.
 */
class McpAssetToolsTest extends McpClientTest {

    private static Map<String, Object> billing(String key, Map<String, Object> own) {
        Map<String, Object> arguments = new LinkedHashMap<>(own);
        arguments.put("idempotencyKey", key);
        arguments.put("correlationId", "corr-mcp-assets");
        return arguments;
    }

    /** Preview, then the same arguments with the phrase the preview named. */
    private static McpSchema.CallToolResult confirmed(McpSyncClient client, String tool, Map<String, Object> args) {
        String phrase = (String) result(call(client, tool, args)).get("requiredConfirmation");
        assertThat(phrase).as(tool + " preview").isNotBlank();
        args.put("confirmation", phrase);
        return call(client, tool, args);
    }

    @Test
    void anOwnerUploadsAListedAssetUsesItInALessonAndMarksTheContentReady() {
        String suffix = ApiClient.uniqueKey("mcp").replaceAll("[^a-z0-9]", "").toLowerCase();
        String product = "mcp-assets-" + suffix.substring(suffix.length() - 8);
        McpSyncClient owner = client(Tokens.OWNER);
        assertThat(confirmed(owner, "draft_product", billing(ApiClient.uniqueKey("mcp-p"),
                Map.of("productId", product, "title", "MCP assets", "kind", "course"))).isError()).isFalse();

        String content = Base64.getEncoder().encodeToString("%PDF-1.7 lesson".getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> upload = billing(ApiClient.uniqueKey("mcp-up"), Map.of("productId", product,
                "fileName", "../lesson.pdf", "content", content));
        Map<String, Object> preview = result(call(owner, "upload_product_asset", upload));
        assertThat(preview).containsEntry("status", "preview")
                .containsEntry("requiredConfirmation", "Upload lesson.pdf (15 bytes) to product " + product);
        McpSchema.CallToolResult stored = confirmed(owner, "upload_product_asset", upload);
        assertThat(structured(stored)).as(text(stored)).containsEntry("httpStatus", 201);
        String assetId = (String) result(stored).get("assetId");
        assertThat(result(stored)).containsEntry("contentType", "application/pdf")
                .containsEntry("displayName", "lesson.pdf");

        McpSyncClient auditor = client(Tokens.AUDITOR);
        assertThat(text(call(auditor, "list_product_assets", Map.of("productId", product)))).contains(assetId);
        assertThat(result(call(auditor, "get_product_asset", Map.of("productId", product, "assetId", assetId))))
                .containsEntry("status", "active");
        McpSchema.CallToolResult byAgent = call(client(Tokens.AGENT), "upload_product_asset",
                billing(ApiClient.uniqueKey("mcp-up"), Map.of("productId", product, "fileName", "a.pdf",
                        "content", content)));
        assertThat(structured(byAgent)).containsEntry("httpStatus", 403);

        // above the tool's cap: the streamed REST upload is the way
        String large = Base64.getEncoder().encodeToString(new byte[AssetTools.MAX_CONTENT_BYTES + 1]);
        McpSchema.CallToolResult tooLarge = call(owner, "upload_product_asset", billing(ApiClient.uniqueKey("mcp-up"),
                Map.of("productId", product, "fileName", "big.bin", "content", large)));
        assertThat(structured(tooLarge)).containsEntry("httpStatus", 413);
        assertThat(errorCode(tooLarge)).isEqualTo("asset_too_large");

        Map<String, Object> lesson = Map.of("title", "Welcome", "order", 1, "assetId", assetId, "dripOffsetDays", 3);
        McpSchema.CallToolResult saved = confirmed(owner, "save_content_structure", billing(
                ApiClient.uniqueKey("mcp-cs"), Map.of("productId", product, "modules",
                        List.of(Map.of("title", "Start", "order", 1, "lessons", List.of(lesson))))));
        assertThat(structured(saved)).as(text(saved)).containsEntry("httpStatus", 200);
        Map<String, Object> read = result(call(auditor, "get_content_readiness", Map.of("productId", product)));
        assertThat(text(call(auditor, "get_content_readiness", Map.of("productId", product))))
                .contains("\"status\":\"ready\"");
        int version = ((Number) read.get("version")).intValue();
        McpSchema.CallToolResult marked = confirmed(owner, "mark_content_ready", billing(
                ApiClient.uniqueKey("mcp-mark"), Map.of("productId", product, "version", version)));
        assertThat(structured(marked)).as(text(marked)).containsEntry("httpStatus", 200);
        assertThat(result(marked)).containsEntry("markedReady", true);

        Map<String, Object> archive = billing(ApiClient.uniqueKey("mcp-arch"), Map.of("productId", product,
                "assetId", assetId, "version", 0));
        assertThat(structured(confirmed(owner, "archive_product_asset", archive))).containsEntry("httpStatus", 200);
        assertThat(text(call(auditor, "get_content_readiness", Map.of("productId", product))))
                .contains("asset_archived");
    }
}
