package com.bumpgrade.commerce.api.openapi;

import com.bumpgrade.commerce.api.envelope.BillingWriteRoute;
import com.bumpgrade.commerce.api.web.ErrorBody;
import com.bumpgrade.commerce.api.web.ErrorCodes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Completes what springdoc reads from the routes (paths, parameters, bodies, the declared answers): per handler,
 * its {@link ErrorCodes}, its billing-write envelope ({@link BillingWriteRoute}) and the refusals of a JSON body;
 * then, on the whole document, the roles of every route from the access table and the shared error shape.
 */
class RouteDocumentation implements OperationCustomizer, OpenApiCustomizer {
    @SuppressWarnings("rawtypes")
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        for (ErrorCodes codes : handler.getMethod().getAnnotationsByType(ErrorCodes.class)) {
            ErrorResponses.add(operation, codes.status(), Arrays.asList(codes.value()));
        }
        if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class))) {
            // StrictJsonCodecs and ApiExceptionHandler, for every route that reads a JSON body
            ErrorResponses.add(operation, 400, "malformed_json", "invalid_json", "unknown_field", "invalid_field",
                    "missing_body", "bad_request");
            ErrorResponses.add(operation, 413, "body_too_large");
            ErrorResponses.add(operation, 415, "unsupported_media_type");
        }
        BillingWriteRoute write = handler.getMethodAnnotation(BillingWriteRoute.class);
        if (write != null) {
            EnvelopeDocumentation.document(operation, write, schemas);
        }
        return operation;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Components components = openApi.getComponents();
        OpenApiSchemas.read(ErrorBody.class).forEach(components::addSchemas);
        schemas.forEach(components::addSchemas);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            AccessDocumentation.document(path, HttpMethod.valueOf(method.name()), operation);
            ErrorResponses.describe(operation);
            closeRequestBody(operation, components);
        }));
    }

    /** Unknown fields are refused (400 unknown_field): a request body's schema says so. */
    @SuppressWarnings("rawtypes")
    private static void closeRequestBody(Operation operation, Components components) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        for (MediaType media : operation.getRequestBody().getContent().values()) {
            Schema schema = media.getSchema();
            if (schema != null && schema.get$ref() != null && components.getSchemas() != null) {
                Schema target = components.getSchemas().get(schema.get$ref()
                        .substring(OpenApiSchemas.COMPONENTS.length()));
                if (target != null && target.getProperties() != null) {
                    target.setAdditionalProperties(false);
                }
            }
        }
    }
}
