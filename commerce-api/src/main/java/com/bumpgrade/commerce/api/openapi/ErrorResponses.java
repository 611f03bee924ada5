package com.bumpgrade.commerce.api.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The error answers of an operation: one response per status, in the API's error shape, with the codes it may
 * carry as the extension {@code x-error-codes} (and in its description, for readers).
 */
final class ErrorResponses {
    static final String CODES = "x-error-codes";
    static final String ERROR_SCHEMA = "Error";

    private ErrorResponses() {
    }

    /** Adds the codes to the operation's response of that status, creating it in the error shape if missing. */
    static void add(Operation operation, int status, Collection<String> codes) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        String key = String.valueOf(status);
        ApiResponse response = operation.getResponses().get(key);
        if (response == null) {
            response = new ApiResponse().description(HttpStatus.valueOf(status).getReasonPhrase())
                    .content(OpenApiSchemas.json(OpenApiSchemas.ref(ERROR_SCHEMA)));
            operation.getResponses().addApiResponse(key, response);
        }
        List<String> known = codes(response);
        for (String code : codes) {
            if (!known.contains(code)) {
                known.add(code);
            }
        }
        response.addExtension(CODES, known);
    }

    static void add(Operation operation, int status, String... codes) {
        add(operation, status, List.of(codes));
    }

    /** Appends the codes to each error response's description; run once, when the document is complete. */
    static void describe(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        for (ApiResponse response : operation.getResponses().values()) {
            List<String> codes = codes(response);
            if (!codes.isEmpty()) {
                String base = response.getDescription() == null ? "" : response.getDescription().trim();
                response.setDescription(base + (base.endsWith(".") || base.isEmpty() ? "" : ".") + " Error codes: "
                        + codes.stream().map(code -> "`" + code + "`").collect(Collectors.joining(", ")) + ".");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(ApiResponse response) {
        Map<String, Object> extensions = response.getExtensions();
        Object codes = extensions == null ? null : extensions.get(CODES);
        return codes instanceof List<?> list ? new ArrayList<>((List<String>) list) : new ArrayList<>();
    }
}
