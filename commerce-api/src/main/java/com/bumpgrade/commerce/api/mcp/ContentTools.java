package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.content.ContentReadinessController;
import com.bumpgrade.commerce.api.content.ContentReadinessService;
import com.bumpgrade.commerce.api.content.ContentRequests;
import com.bumpgrade.commerce.api.web.ApiException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpServerFeatures;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.bumpgrade.commerce.api.mcp.ToolSchemas.billing;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.billingRequired;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.integer;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.object;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.string;

/** The content readiness tools: read the structure and readiness, save the structure, mark it ready. */
@Component
class ContentTools implements McpTools {
    private static final String ROUTE = "/api/commerce/products/{productId}/content-readiness";
    private static final TypeReference<List<ContentRequests.Module>> MODULES = new TypeReference<>() {
    };

    private final ToolAnswers answers;
    private final ContentReadinessService content;
    private final ContentReadinessController routes;
    private final ObjectMapper mapper;

    ContentTools(ToolAnswers answers, ContentReadinessService content, ContentReadinessController routes,
                 ObjectMapper mapper) {
        this.answers = answers;
        this.content = content;
        this.routes = routes;
        this.mapper = mapper;
    }

    @Override
    public List<McpServerFeatures.AsyncToolSpecification> tools() {
        return List.of(read(), save(), markReady());
    }

    private McpServerFeatures.AsyncToolSpecification read() {
        return answers.tool("get_content_readiness", "Read a product's modules and lessons, its readiness for "
                        + "delivery computed now (ready, or not_ready with every reason) and the owner's mark, with "
                        + "its version (owner, auditor). Read-only, free.",
                object(Map.of("productId", string("The product's id")), "productId"), HttpMethod.GET, ROUTE,
                call -> routes.read(call.required("productId"), call.exchange()).block());
    }

    private McpServerFeatures.AsyncToolSpecification save() {
        Map<String, Object> lesson = object(Map.of("title", string("1-200 characters"),
                "order", integer("Its place in the module, from 1"),
                "assetId", string("The private asset of this product it delivers (ast_...)"),
                "dripOffsetDays", integer("Released this many days after purchase (0-3650)")), "title", "order");
        Map<String, Object> module = object(Map.of("title", string("1-200 characters"),
                "order", integer("Its place, from 1"),
                "lessons", Map.of("type", "array", "items", lesson)), "title", "order");
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("productId", string("The product's id"));
        own.put("modules", Map.of("type", "array", "items", module, "description",
                "The whole structure, replacing the saved one"));
        return answers.tool("save_content_structure", "Replace a product's modules and lessons (structure only, "
                        + "no lesson content). Previews without 'confirmation'; with the exact phrase it is saved "
                        + "and audited; a change clears the ready mark. Free.",
                object(billing(own, false), billingRequired(false, "productId", "modules")),
                HttpMethod.PUT, ROUTE, call -> ToolAnswers.written(content.save(call.caller(), call.envelope(),
                        call.required("productId"), new ContentRequests.Structure(modules(call),
                                call.text("confirmation")))));
    }

    private McpServerFeatures.AsyncToolSpecification markReady() {
        return answers.tool("mark_content_ready", "Mark a product's content ready for delivery (owner): only when "
                        + "its readiness is ready. Previews without 'confirmation'; with the exact phrase, at the "
                        + "version from get_content_readiness, it is recorded and audited. Delivers nothing. Free.",
                object(billing(Map.of("productId", string("The product's id")), true),
                        billingRequired(true, "productId")),
                HttpMethod.POST, ROUTE + "/mark-ready",
                call -> ToolAnswers.written(content.markReady(call.caller(), call.envelope(),
                        call.required("productId"), new ContentRequests.Mark(call.text("confirmation")))));
    }

    private List<ContentRequests.Module> modules(ToolCall call) {
        Object value = call.arguments().get("modules");
        if (value == null) {
            return null;
        }
        try {
            return mapper.convertValue(value, MODULES);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_argument", "The argument 'modules' must be an array of modules.");
        }
    }
}
