package com.bumpgrade.commerce.api.envelope;

import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.api.web.ApiExceptionHandler;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.Confirmation;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one sequence every billing-impacting write goes through (rules 1 and 2), in this order:
 * <ol>
 *   <li>the envelope headers (Idempotency-Key, X-Correlation-Id, X-Bumpgrade-Client, and If-Match for a write to
 *   an existing record) and the request fingerprint;</li>
 *   <li>a stored answer for the key is replayed, and a different request under a used key is refused (422), before
 *   anything else, so a reused key is refused even where this request would only be a preview (D6);</li>
 *   <li>the use case validates the request and derives its phrase ({@code prepare}; its refusals win over a
 *   preview);</li>
 *   <li>unless the exact phrase was given (and nothing else keeps it a preview), a 200 preview, nothing stored;</li>
 *   <li>else the action runs once per key (concurrent copies wait; 5xx answers are not stored, D7).</li>
 * </ol>
 * Once the caller's Idempotency-Key, correlation id and client are valid, every refusal it answers (a 4xx, thrown
 * or answered by the action, but not a stored answer replayed) and every confirmation that stayed a preview is
 * recorded for the audit trail with its code (D97, D98); the answer to the caller is the same either way.
 */
@Component
public class BillingWriteEnvelope {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String CLIENT = "X-Bumpgrade-Client";
    private static final String IDENTIFIER_RULE = "1-128 characters of letters, digits, '.', '_', ':' or '-'";
    private static final String CLIENT_RULE = "product tokens as in User-Agent, such as 'my-agent/2.3.1 "
            + "(+https://example.com/bot)': at most " + ClientAttribution.MAX_LENGTH + " characters of visible ASCII "
            + "and spaces";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .findAndAddModules()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final IdempotentAnswers answers;
    private final ObjectMapper webMapper;
    private final RefusedWriteRecorder refusals;
    private final ApiExceptionHandler errors;

    BillingWriteEnvelope(IdempotentAnswers answers, ObjectMapper webMapper, RefusedWriteRecorder refusals,
                         ApiExceptionHandler errors) {
        this.answers = answers;
        this.webMapper = webMapper;
        this.refusals = refusals;
        this.errors = errors;
    }

    /** The billing write, answered: a replay, a preview, or the outcome of its one execution. */
    public WriteOutcome submit(ApiCaller caller, HttpHeaders headers, WriteRequest request,
                               Function<BillingWrite, ConfirmedAction> prepare) {
        // refused before this, the request has no valid context to record a refusal under (D97)
        BillingContext context = context(caller, headers);
        Attempt attempt = new Attempt(caller, context, request);
        try {
            WriteOutcome outcome = answer(attempt, headers, prepare);
            if (outcome.status() >= 400 && outcome.status() < 500 && !outcome.replayed()) {
                record(attempt, errorCode(outcome.json()));
            }
            return outcome;
        } catch (RuntimeException refused) {
            errors.refusal(refused).filter(answer -> answer.getStatusCode().is4xxClientError())
                    .ifPresent(answer -> record(attempt, errorCode(answer.getBody())));
            throw refused;
        }
    }

    private WriteOutcome answer(Attempt attempt, HttpHeaders headers, Function<BillingWrite, ConfirmedAction> prepare) {
        BillingWrite write = open(attempt, headers);
        Optional<WriteOutcome> stored = answers.replay(write);
        if (stored.isPresent()) {
            return stored.get();
        }
        ConfirmedAction action = prepare.apply(write);
        Optional<String> previewReason = previewReason(action);
        if (previewReason.isPresent()) {
            if (action.givenConfirmation() != null) {
                // the caller meant to confirm and nothing ran: audited, though the answer is a preview (D98)
                record(attempt, previewReason.get());
            }
            return preview(action, previewReason.get());
        }
        return answers.once(write, () -> {
            attempt.executing = true;
            return action.execution().get();
        }, this::json);
    }

    /**
     * One billing write as far as the envelope got with it. Only once its action runs has the use case read the
     * record for this caller (or the aggregate checks it), so only then is the record's id recorded (D97).
     */
    private static final class Attempt {
        private final ApiCaller caller;
        private final BillingContext context;
        private final WriteRequest request;
        private volatile boolean executing;

        private Attempt(ApiCaller caller, BillingContext context, WriteRequest request) {
            this.caller = caller;
            this.context = context;
            this.request = request;
        }
    }

    private void record(Attempt attempt, String code) {
        String operation = attempt.request.operation();
        int colon = operation.indexOf(':');
        String action = colon < 0 ? operation : operation.substring(0, colon);
        String recordId = attempt.executing && attempt.request.targetsExistingRecord() && colon >= 0
                && !ApiErrors.NOT_FOUND.equals(code) ? operation.substring(colon + 1) : null;
        refusals.record(attempt.caller, attempt.context, action, code, recordId);
    }

    /** The {@code error.code} of an answer in the API's error shape, or null. */
    private String errorCode(Object body) {
        try {
            JsonNode tree = body instanceof String json ? webMapper.readTree(json) : webMapper.valueToTree(body);
            JsonNode code = tree.path("error").path("code");
            return code.isTextual() ? code.asText() : null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<String> previewReason(ConfirmedAction action) {
        if (action.givenConfirmation() == null) {
            return Optional.of(PreviewBody.CONFIRMATION_REQUIRED);
        }
        if (!Confirmation.confirms(action.requiredPhrase(), action.givenConfirmation())) {
            return Optional.of(PreviewBody.CONFIRMATION_MISMATCH);
        }
        return action.previewReason();
    }

    /** Nothing changed and nothing is stored: an agent may preview and then confirm with the same key. */
    private WriteOutcome preview(ConfirmedAction action, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "preview");
        body.put("requiredConfirmation", action.requiredPhrase());
        body.put("reason", reason);
        body.putAll(action.previewFields());
        return new WriteOutcome(HttpStatus.OK.value(), json(body), false);
    }

    /** Reads and checks the headers that name the caller's request: Idempotency-Key, correlation id, client. */
    private static BillingContext context(ApiCaller caller, HttpHeaders headers) {
        IdempotencyKey key = header(headers, IDEMPOTENCY_KEY, "missing_idempotency_key", IDENTIFIER_RULE,
                IdempotencyKey::of);
        CorrelationId correlation = header(headers, CORRELATION_ID, "missing_correlation_id", IDENTIFIER_RULE,
                CorrelationId::of);
        ClientAttribution client = header(headers, CLIENT, "missing_client", CLIENT_RULE, ClientAttribution::of);
        return new BillingContext(caller.actor(), caller.role().publicName(), client, correlation, key);
    }

    /** Checks If-Match (only for writes to an existing record) and makes the request fingerprint. */
    private static BillingWrite open(Attempt attempt, HttpHeaders headers) {
        WriteRequest request = attempt.request;
        Long version = null;
        String ifMatch = headers.getFirst(HttpHeaders.IF_MATCH);
        if (request.targetsExistingRecord()) {
            if (ifMatch == null) {
                throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "missing_if_match",
                        "If-Match with the record's current version is required.");
            }
            version = parseVersion(ifMatch);
        }
        String fingerprint = DerivedIds.sha256Hex(request.operation() + "\n" + canonical(request.body()) + "\n"
                + (version == null ? "" : version));
        return new BillingWrite(attempt.caller, attempt.context, version, fingerprint);
    }

    private String json(Object body) {
        try {
            return webMapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }

    private static <T> T header(HttpHeaders headers, String name, String code, String rule,
                                Function<String, T> parse) {
        String value = headers.getFirst(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(code, "The " + name + " header is required for this request.");
        }
        try {
            return parse.apply(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_" + code.substring("missing_".length()),
                    "The " + name + " header must be " + rule + ".");
        }
    }

    static Long parseVersion(String ifMatch) {
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_if_match", "If-Match must be a version such as \"3\".");
        }
    }

    private static String canonical(Object request) {
        try {
            return CANONICAL.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint request", e);
        }
    }
}
