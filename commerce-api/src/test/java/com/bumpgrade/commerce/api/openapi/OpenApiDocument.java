package com.bumpgrade.commerce.api.openapi;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the served OpenAPI document as a test sees it: an operation, its answers and parameters, and whether a
 * JSON value conforms to a documented schema (every field declared, every required field present, types and
 * enums kept, {@code $ref} and {@code oneOf} followed), so that a record describing a map-built body cannot drift
 * from the body unnoticed.
 */
record OpenApiDocument(JsonNode root) {

    JsonNode operation(String method, String pattern) {
        return root.path("paths").path(pattern).path(method.toLowerCase(Locale.ROOT));
    }

    /**
     * The answer, after checking it against the operation of the route pattern it was sent to: a documented status,
     * a documented error code, and a JSON body that conforms to the documented schema (soft assertions).
     */
    ApiClient.Response hold(SoftAssertions softly, String method, String pattern, ApiClient.Response response) {
        JsonNode operation = operation(method, pattern);
        String route = method + " " + pattern + " " + response.status();
        assertThat(operation.isObject()).as(method + " " + pattern + " is documented").isTrue();
        softly.assertThat(operation.path("responses").has(String.valueOf(response.status())))
                .as(route + " is a documented status; body " + response.body()).isTrue();
        if (response.status() >= 400) {
            softly.assertThat(OpenApiDocument.errorCodes(operation, response.status())).as(route + " codes")
                    .contains(response.errorCode());
        }
        String type = response.header("Content-Type");
        if (type != null && type.startsWith("application/json")) {
            softly.assertThat(problems(response.json(), OpenApiDocument.jsonSchema(operation,
                    response.status()), route)).as(route + " conforms").isEmpty();
        }
        return response;
    }

    static JsonNode parameter(JsonNode operation, String in, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (in.equals(parameter.path("in").asText()) && name.equalsIgnoreCase(parameter.path("name").asText())) {
                return parameter;
            }
        }
        return null;
    }

    static List<String> errorCodes(JsonNode operation, int status) {
        List<String> codes = new ArrayList<>();
        operation.path("responses").path(String.valueOf(status)).path("x-error-codes")
                .forEach(code -> codes.add(code.asText()));
        return codes;
    }

    static JsonNode jsonSchema(JsonNode operation, int status) {
        return operation.path("responses").path(String.valueOf(status)).path("content").path("application/json")
                .path("schema");
    }

    /** The path with every variable replaced by its documented example; fails on a variable without one. */
    static String example(String pattern, JsonNode operation) {
        String path = pattern;
        for (JsonNode parameter : operation.path("parameters")) {
            if ("path".equals(parameter.path("in").asText())) {
                String example = parameter.path("example").asText(null);
                if (example == null) {
                    throw new AssertionError(pattern + ": path parameter " + parameter.path("name") + " has no example");
                }
                path = path.replace("{" + parameter.path("name").asText() + "}", example);
            }
        }
        return path;
    }

    /** True when the schema, or one of its alternatives, is a preview: status "preview", phrase and reason. */
    boolean previews(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        List<JsonNode> alternatives = new ArrayList<>();
        if (resolved.has("oneOf")) {
            resolved.path("oneOf").forEach(alternative -> alternatives.add(resolve(alternative)));
        } else {
            alternatives.add(resolved);
        }
        return alternatives.stream().anyMatch(alternative -> {
            List<String> required = new ArrayList<>();
            alternative.path("required").forEach(name -> required.add(name.asText()));
            return required.containsAll(List.of("status", "requiredConfirmation", "reason"))
                    && alternative.path("properties").path("status").path("enum").toString().equals("[\"preview\"]");
        });
    }

    /** What in the value breaks the schema; empty when it conforms. */
    List<String> problems(JsonNode value, JsonNode schema, String where) {
        List<String> problems = new ArrayList<>();
        check(value, schema, where, problems);
        return problems;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String name = schema.path("$ref").asText().substring("#/components/schemas/".length());
            schema = root.path("components").path("schemas").path(name);
        }
        return schema;
    }

    private void check(JsonNode value, JsonNode rawSchema, String where, List<String> problems) {
        JsonNode schema = resolve(rawSchema);
        if (schema.isMissingNode()) {
            problems.add(where + ": no schema");
            return;
        }
        if (schema.has("oneOf")) {
            for (JsonNode alternative : schema.path("oneOf")) {
                if (problems(value, alternative, where).isEmpty()) {
                    return;
                }
            }
            problems.add(where + ": matches none of its oneOf " + value);
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.path("enum")) {
                listed |= allowed.asText().equals(value.asText());
            }
            if (!listed) {
                problems.add(where + ": " + value + " is not one of " + schema.path("enum"));
            }
        }
        String type = type(schema);
        switch (type) {
            case "object" -> object(value, schema, where, problems);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(where + ": not an array");
                    return;
                }
                int i = 0;
                for (JsonNode item : value) {
                    check(item, schema.path("items"), where + "[" + i++ + "]", problems);
                }
            }
            case "string" -> expect(value.isTextual(), where, "a string", value, problems);
            case "integer" -> expect(value.isIntegralNumber(), where, "an integer", value, problems);
            case "number" -> expect(value.isNumber(), where, "a number", value, problems);
            case "boolean" -> expect(value.isBoolean(), where, "a boolean", value, problems);
            default -> {
            }
        }
    }

    private void object(JsonNode value, JsonNode schema, String where, List<String> problems) {
        if (!value.isObject()) {
            problems.add(where + ": not an object");
            return;
        }
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(where + ": required field '" + required.asText() + "' is missing");
            }
        }
        if (!properties.isObject()) {
            return; // a free-form object, such as an audit entry's detail
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!properties.has(field.getKey())) {
                problems.add(where + ": field '" + field.getKey() + "' is not documented");
            } else {
                check(field.getValue(), properties.path(field.getKey()), where + "." + field.getKey(), problems);
            }
        }
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "";
    }

    private static void expect(boolean ok, String where, String what, JsonNode value, List<String> problems) {
        if (!ok) {
            problems.add(where + ": " + value + " is not " + what);
        }
    }
}
