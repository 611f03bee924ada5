package com.bumpgrade.commerce.api.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON Schemas of tool arguments, and the envelope arguments every billing tool shares. */
final class ToolSchemas {
    private ToolSchemas() {
    }

    static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }

    static Map<String, Object> integer(String description) {
        return Map.of("type", "integer", "description", description);
    }

    static Map<String, Object> strings(String description) {
        return Map.of("type", "array", "items", Map.of("type", "string"), "description", description);
    }

    static Map<String, Object> oneOf(String description, String... values) {
        return Map.of("type", "string", "enum", List.of(values), "description", description);
    }

    /** An object schema; unknown arguments are refused, as unknown fields of a REST body are. */
    static Map<String, Object> object(Map<String, Object> properties, String... required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.of(required));
        schema.put("additionalProperties", false);
        return schema;
    }

    /** Adds the envelope arguments of a billing write; {@code version} only where the route needs If-Match. */
    static Map<String, Object> billing(Map<String, Object> properties, boolean version) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("confirmation", string("The exact phrase of the preview (requiredConfirmation); leave it out to "
                + "get the preview, which changes nothing"));
        all.put("idempotencyKey", string("1-128 letters, digits, '.', '_', ':' or '-'; use the same key for the "
                + "preview and its confirmation; the same key again replays the first answer"));
        all.put("correlationId", string("1-128 letters, digits, '.', '_', ':' or '-': the audit correlation id"));
        if (version) {
            all.put("version", integer("The record's current version (from its get tool): the stale-state check"));
        }
        return all;
    }

    static String[] billingRequired(boolean version, String... own) {
        List<String> required = new java.util.ArrayList<>(List.of(own));
        required.add("idempotencyKey");
        required.add("correlationId");
        if (version) {
            required.add("version");
        }
        return required.toArray(String[]::new);
    }
}
