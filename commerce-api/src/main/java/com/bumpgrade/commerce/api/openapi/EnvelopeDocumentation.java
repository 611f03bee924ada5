package com.bumpgrade.commerce.api.openapi;

import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.BillingWriteRoute;
import com.bumpgrade.commerce.api.envelope.PreviewBody;
import com.bumpgrade.commerce.api.envelope.WriteResponses;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springframework.http.HttpHeaders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the OpenAPI document says of a route marked {@link BillingWriteRoute}: the envelope headers (rule 2), the
 * preview every such write answers without the exact phrase (rule 1), replays, and the envelope's refusals.
 */
final class EnvelopeDocumentation {
    static final String BILLING_WRITE = "x-billing-write";
    private static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$";
    /** The characters ClientAttribution allows; it also checks the grammar (products, balanced comments). */
    private static final String CLIENT_PATTERN = "^[A-Za-z0-9][ -~]*$";
    private static final String CLIENT_EXAMPLE = "my-agent/2.3.1 (+https://example.com/bot)";

    private EnvelopeDocumentation() {
    }

    /** Documents the envelope on the operation; the schemas its preview refers to go into {@code components}. */
    @SuppressWarnings("rawtypes")
    static void document(Operation operation, BillingWriteRoute write, Map<String, Schema> components) {
        operation.addExtension(BILLING_WRITE, true);
        header(operation, BillingWriteEnvelope.IDEMPOTENCY_KEY, OpenApiSchemas.string().pattern(ID_PATTERN),
                "One key per intended write, kept for every retry of it. The same key with the same request "
                        + "replays the first answer; with a different request it is refused. Scoped to the caller.");
        header(operation, BillingWriteEnvelope.CORRELATION_ID, OpenApiSchemas.string().pattern(ID_PATTERN),
                "Groups the steps of one conversation in the events, the read models and the audit trail.");
        header(operation, BillingWriteEnvelope.CLIENT, OpenApiSchemas.string()
                        .maxLength(ClientAttribution.MAX_LENGTH).pattern(CLIENT_PATTERN).example(CLIENT_EXAMPLE),
                "Names the client the way User-Agent does: product tokens with optional versions and (comments), "
                        + "such as '" + CLIENT_EXAMPLE + "'; at most " + ClientAttribution.MAX_LENGTH + " characters "
                        + "of visible ASCII and spaces, the first a letter or digit. Recorded with the write.");
        ErrorResponses.add(operation, 400, "missing_idempotency_key", "missing_correlation_id", "missing_client",
                "invalid_idempotency_key", "invalid_correlation_id", "invalid_client");
        if (write.targetsExistingRecord()) {
            header(operation, HttpHeaders.IF_MATCH, OpenApiSchemas.string().pattern("^(W/)?\"?[0-9]+\"?$"),
                    "The stale-state check: the record's current version, from its ETag or its 'version' "
                            + "(\"3\", W/\"3\" or 3). Previews need it too.");
            ErrorResponses.add(operation, 400, "invalid_if_match");
            ErrorResponses.add(operation, 428, "missing_if_match");
            ErrorResponses.add(operation, 412, "stale_version");
        }
        ErrorResponses.add(operation, 409, "request_in_progress");
        ErrorResponses.add(operation, 422, "idempotency_key_reused");
        ErrorResponses.add(operation, 500, "internal_error");
        ErrorResponses.add(operation, 503, "interrupted");
        preview(operation, write, components);
        replays(operation);
    }

    private static void header(Operation operation, String name, Schema<?> schema, String description) {
        Parameter parameter = new HeaderParameter().name(name).required(true).schema(schema).description(description);
        if (operation.getParameters() == null) {
            operation.setParameters(new ArrayList<>());
        }
        operation.getParameters().removeIf(existing -> name.equalsIgnoreCase(existing.getName())
                && "header".equals(existing.getIn()));
        operation.getParameters().add(parameter);
    }

    /** The 200 of a billing write is its preview, or (where the route answers 200 when done) either of the two. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void preview(Operation operation, BillingWriteRoute write, Map<String, Schema> components) {
        Schema base = OpenApiSchemas.read(PreviewBody.class).get(OpenApiSchemas.nameOf(PreviewBody.class));
        Map<String, Schema> properties = new LinkedHashMap<>(base.getProperties());
        Set<String> required = new LinkedHashSet<>(base.getRequired());
        List<String> reasons = new ArrayList<>(List.of(PreviewBody.CONFIRMATION_REQUIRED,
                PreviewBody.CONFIRMATION_MISMATCH));
        reasons.addAll(Arrays.asList(write.previewReasons()));
        Schema reason = OpenApiSchemas.stringEnum(reasons).description(properties.get("reason").getDescription());
        properties.put("reason", reason);
        if (write.previewFields() != Void.class) {
            Map<String, Schema> read = new LinkedHashMap<>(OpenApiSchemas.read(write.previewFields()));
            Schema fields = read.remove(OpenApiSchemas.nameOf(write.previewFields()));
            properties.putAll(fields.getProperties());
            if (fields.getRequired() != null) {
                required.addAll(fields.getRequired());
            }
            components.putAll(read);
        }
        Schema preview = OpenApiSchemas.object().properties(properties).required(new ArrayList<>(required))
                .description("A preview: nothing was done and nothing stored. Show it, and confirm with "
                        + "'requiredConfirmation' only after a human agreed.");
        ApiResponses responses = operation.getResponses();
        ApiResponse ok = responses.get("200");
        Schema done = ok == null ? null : OpenApiSchemas.schemaOf(ok);
        if (ok == null) {
            ok = new ApiResponse().description("A preview: nothing was done.");
            responses.addApiResponse("200", ok);
        } else {
            ok.description(ok.getDescription() + ". Or a preview: nothing was done.");
        }
        ok.content(OpenApiSchemas.json(done == null ? preview : OpenApiSchemas.oneOf(List.of(done, preview))));
    }

    /** Every stored answer a retry gets back is marked. */
    private static void replays(Operation operation) {
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject(WriteResponses.REPLAYED, new Header()
                        .schema(OpenApiSchemas.stringEnum(List.of("true")))
                        .description("Present on a stored answer returned again for the same key and request; "
                                + "nothing ran again."));
            }
        });
    }
}
