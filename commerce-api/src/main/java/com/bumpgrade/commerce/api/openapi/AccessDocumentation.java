package com.bumpgrade.commerce.api.openapi;

import com.bumpgrade.commerce.api.security.Role;
import com.bumpgrade.commerce.api.security.RouteAccess;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who may call an operation, read from {@link RouteAccess} (the table Spring Security enforces), never written by
 * hand: the roles as the extension {@code x-roles} and in the description, the bearer requirement, and the
 * refusals of authentication and of the request checks that run before any route.
 */
final class AccessDocumentation {
    static final String ROLES = "x-roles";
    static final String BEARER = "bearer";

    private AccessDocumentation() {
    }

    /** False when the access table has no rule for the route; the contract test refuses such a document. */
    static boolean document(String path, HttpMethod method, Operation operation) {
        Optional<RouteAccess.Rule> rule = RouteAccess.of(method, path);
        if (rule.isEmpty()) {
            return false;
        }
        List<String> roles = rule.get().roles().stream().map(Role::publicName).toList();
        operation.addExtension(ROLES, roles);
        String access;
        if (rule.get().isPublic()) {
            operation.setSecurity(List.of());
            access = "**Public**: no token.";
        } else {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            access = "**Roles**: " + roles.stream().map(role -> "`" + role + "`").collect(Collectors.joining(", "))
                    + " (a bearer token of another role gets `403 forbidden`).";
            ErrorResponses.add(operation, 401, "unauthenticated");
            ErrorResponses.add(operation, 403, "forbidden");
        }
        operation.setDescription(operation.getDescription() == null ? access
                : access + "\n\n" + operation.getDescription());
        requestChecks(operation);
        return true;
    }

    /** What RequestHygieneFilter and the strict firewall refuse on every route, before it runs. */
    private static void requestChecks(Operation operation) {
        ErrorResponses.add(operation, 400, "invalid_path", "invalid_header", "invalid_field", "invalid_host");
        ErrorResponses.add(operation, 414, "uri_too_long");
        ErrorResponses.add(operation, 431, "headers_too_large");
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean typedQuery = parameters.stream().anyMatch(parameter -> "query".equals(parameter.getIn())
                && parameter.getSchema() != null && parameter.getSchema().getTypes() != null
                && !parameter.getSchema().getTypes().contains("string"));
        if (typedQuery) {
            ErrorResponses.add(operation, 400, "bad_request");
        }
    }
}
