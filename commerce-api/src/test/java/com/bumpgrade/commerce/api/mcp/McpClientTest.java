package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.support.WebhookTest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** MCP tests: the SDK's own client over Streamable HTTP against the running service, and reading its answers. */
abstract class McpClientTest extends WebhookTest {
    private final List<McpSyncClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(McpSyncClient::closeGracefully);
    }

    protected McpSyncClient client(String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + port).endpoint("/mcp")
                .httpRequestCustomizer((builder, method, uri, body, context) -> {
                    if (token != null) {
                        builder.header("Authorization", "Bearer " + token);
                    }
                })
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .clientInfo(new McpSchema.Implementation("mcp-e2e-agent", "1.2.0")).build();
        clients.add(client);
        client.initialize();
        return client;
    }

    protected static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> structured(McpSchema.CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> result(McpSchema.CallToolResult result) {
        return (Map<String, Object>) structured(result).get("result");
    }

    @SuppressWarnings("unchecked")
    protected static String errorCode(McpSchema.CallToolResult result) {
        return (String) ((Map<String, Object>) result(result).get("error")).get("code");
    }

    protected static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

}
