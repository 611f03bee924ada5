package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiExceptionHandler;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.util.List;
import java.util.Map;

/**
 * The MCP server at {@code /mcp} (D80): the SDK's asynchronous server over {@link WebFluxStreamableTransport},
 * offering the tools of every {@link McpTools} group. The security chain authenticated the request; the caller
 * and the exchange (for the public base URL and the routes' own read handlers) travel to the tools in the transport context.
 */
@Configuration(proxyBeanMethods = false)
public class McpConfiguration {
    static final String INSTRUCTIONS = "Bumpgrade Commerce billing tools. Every billing write is preview then "
            + "confirm: call it without 'confirmation' to get the exact phrase (requiredConfirmation), then call it "
            + "again with that phrase and the same idempotencyKey. A wrong or missing phrase changes nothing.";

    @Bean
    WebFluxStreamableTransport mcpTransport(ApiExceptionHandler errors) {
        return new WebFluxStreamableTransport(McpJsonDefaults.getMapper(), request -> McpTransportContext.create(
                Map.of(ToolCall.CALLER, ApiCaller.of(request.exchange()),
                        ToolCall.EXCHANGE, request.exchange())), errors::answer);
    }

    @Bean(destroyMethod = "close")
    McpAsyncServer mcpServer(WebFluxStreamableTransport transport, List<McpTools> groups) {
        List<McpServerFeatures.AsyncToolSpecification> tools = groups.stream()
                .flatMap(group -> group.tools().stream()).toList();
        return McpServer.async(transport)
                .serverInfo("bumpgrade-commerce", "1")
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools)
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> mcpRoutes(WebFluxStreamableTransport transport) {
        return transport.routes();
    }
}
