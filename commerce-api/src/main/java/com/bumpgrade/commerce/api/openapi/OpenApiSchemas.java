package com.bumpgrade.commerce.api.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** OpenAPI 3.1 schemas built by hand, and the ones read from a record, with the converters springdoc uses. */
final class OpenApiSchemas {
    static final String COMPONENTS = "#/components/schemas/";

    private OpenApiSchemas() {
    }

    static Schema<?> string() {
        return new JsonSchema().types(Set.of("string"));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> stringEnum(List<String> values) {
        Schema schema = string();
        schema.setEnum(new java.util.ArrayList<Object>(values));
        return schema;
    }

    static Schema<?> object() {
        return new JsonSchema().types(Set.of("object"));
    }

    /** The JSON schema of a response, or null when it has none. */
    static Schema<?> schemaOf(io.swagger.v3.oas.models.responses.ApiResponse response) {
        if (response.getContent() == null) {
            return null;
        }
        MediaType json = response.getContent().get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
        return json == null ? null : json.getSchema();
    }

    static Schema<?> ref(String name) {
        return new JsonSchema().$ref(COMPONENTS + name);
    }

    static Content json(Schema<?> schema) {
        return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                new MediaType().schema(schema));
    }

    /** Every named schema the type needs, itself included, keyed by name. */
    @SuppressWarnings("rawtypes")
    static Map<String, Schema> read(Class<?> type) {
        return ModelConverters.getInstance(true).readAll(type);
    }

    /** The name springdoc gives the type's schema. */
    static String nameOf(Class<?> type) {
        return ModelConverters.getInstance(true).read(type).keySet().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no schema for " + type));
    }

    static Schema<?> oneOf(List<Schema> alternatives) {
        return new JsonSchema().oneOf(alternatives);
    }
}
