package com.bumpgrade.commerce.api.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

import java.util.Iterator;

/**
 * Names the schema of a nested Bumpgrade record after its enclosing type: {@code CheckoutIntentView.Line} is
 * {@code CheckoutIntentLine}, {@code CommissionEntryView.Line} is {@code CommissionEntryLine}. By default both
 * would be {@code Line}, and one would silently stand for the other. A {@code @Schema(name)} still wins.
 */
class NestedSchemaNames implements ModelConverter {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Class<?> raw = type.getType() == null ? null : Json.mapper().constructType(type.getType()).getRawClass();
        if (raw != null && type.getName() == null && raw.getEnclosingClass() != null
                && raw.getName().startsWith("com.bumpgrade.") && !named(raw)) {
            type.name(name(raw));
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }

    static String name(Class<?> nested) {
        String outer = nested.getEnclosingClass().getSimpleName();
        return (outer.endsWith("View") ? outer.substring(0, outer.length() - "View".length()) : outer)
                + nested.getSimpleName();
    }

    private static boolean named(Class<?> type) {
        io.swagger.v3.oas.annotations.media.Schema schema =
                type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return schema != null && !schema.name().isEmpty();
    }
}
