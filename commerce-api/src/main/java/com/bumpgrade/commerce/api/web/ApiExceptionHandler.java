package com.bumpgrade.commerce.api.web;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps every failure to the API's JSON error shape. Messages are written here, never copied from an exception
 * of a library, so no Stripe text, SQL or stack trace reaches a client.
 */
@RestControllerAdvice
public class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private static final Map<String, HttpStatus> RULE_STATUS = Map.ofEntries(
            Map.entry("idempotency_key_reused", HttpStatus.UNPROCESSABLE_ENTITY),
            Map.entry("not_found", HttpStatus.NOT_FOUND),
            Map.entry("stale_version", HttpStatus.PRECONDITION_FAILED),
            Map.entry("checkout_expired", HttpStatus.CONFLICT),
            Map.entry("checkout_paid", HttpStatus.CONFLICT),
            Map.entry("checkout_refunded", HttpStatus.CONFLICT),
            Map.entry("checkout_failed", HttpStatus.CONFLICT),
            Map.entry("checkout_not_awaiting_session", HttpStatus.CONFLICT),
            Map.entry("stale_session_attempt", HttpStatus.CONFLICT),
            Map.entry("already_concluded", HttpStatus.CONFLICT),
            Map.entry("already_reversed", HttpStatus.CONFLICT),
            Map.entry("not_on_hold", HttpStatus.CONFLICT),
            Map.entry("dispute_open", HttpStatus.CONFLICT),
            Map.entry("on_hold", HttpStatus.CONFLICT),
            Map.entry("revocation_intent_open", HttpStatus.CONFLICT),
            Map.entry("revocation_not_proposed", HttpStatus.CONFLICT),
            Map.entry("revocation_not_recorded", HttpStatus.CONFLICT),
            Map.entry("offer_published", HttpStatus.CONFLICT),
            Map.entry("offer_archived", HttpStatus.CONFLICT),
            Map.entry("seeded_product", HttpStatus.CONFLICT),
            Map.entry("checkout_not_paid", HttpStatus.CONFLICT),
            Map.entry("post_purchase_out_of_order", HttpStatus.CONFLICT),
            Map.entry("post_purchase_step_decided", HttpStatus.CONFLICT),
            Map.entry("post_purchase_not_shown", HttpStatus.CONFLICT),
            Map.entry("asset_archived", HttpStatus.CONFLICT),
            Map.entry("content_not_ready", HttpStatus.CONFLICT),
            Map.entry("invalid_structure", HttpStatus.BAD_REQUEST),
            Map.entry("confirmation_required", HttpStatus.UNPROCESSABLE_ENTITY));

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e) {
        return entity(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(BillingRuleViolation.class)
    ResponseEntity<Object> rule(BillingRuleViolation e) {
        return entity(RULE_STATUS.getOrDefault(e.code(), HttpStatus.UNPROCESSABLE_ENTITY), e.code(), e.getMessage());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> stale(ConflictingAggregateVersionException e) {
        return ApiErrors.entity(HttpStatus.PRECONDITION_FAILED, "stale_version",
                "The record changed since the version in If-Match; read it again.");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> missing(AggregateNotFoundException e) {
        return notFound();
    }


    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Object> input(ServerWebInputException e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = e; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        log.debug("Unreadable request: {}", chain.stream().map(c -> c.getClass().getSimpleName()).toList());
        for (Throwable cause : chain) {
            if (cause instanceof DataBufferLimitException) {
                return ApiErrors.entity(HttpStatus.PAYLOAD_TOO_LARGE, "body_too_large", "The request body is too large.");
            }
        }
        for (Throwable cause : chain) {
            if (cause instanceof StrictJsonCodecs.NotUtf8) {
                return ApiErrors.entity(HttpStatus.BAD_REQUEST, "invalid_json", "The request body is not valid UTF-8.");
            }
            if (cause instanceof JsonParseException parse && parse.getOriginalMessage() != null
                    && parse.getOriginalMessage().startsWith("Duplicate field")) {
                return ApiErrors.entity(HttpStatus.BAD_REQUEST, "invalid_json",
                        "The request body names a field more than once.");
            }
            if (cause instanceof StrictJsonCodecs.UncleanString unclean) {
                String field = unclean.getPath().isEmpty() ? "?"
                        : printable(unclean.getPath().get(unclean.getPath().size() - 1).getFieldName());
                return ApiErrors.entity(HttpStatus.BAD_REQUEST, "invalid_field",
                        "Field '" + field + "' holds a control character or a lone surrogate.");
            }
        }
        for (Throwable cause : chain) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return ApiErrors.entity(HttpStatus.BAD_REQUEST, "unknown_field",
                        "Unknown field '" + printable(unknown.getPropertyName()) + "'.");
            }
            if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                String field = printable(mapping.getPath().get(mapping.getPath().size() - 1).getFieldName());
                return ApiErrors.entity(HttpStatus.BAD_REQUEST, "invalid_field",
                        "Field '" + field + "' has the wrong type or is missing.");
            }
        }
        for (Throwable cause : chain) {
            if (cause instanceof DecodingException && cause.getCause() == null && cause.getMessage() != null
                    && cause.getMessage().startsWith("No request body")) {
                return ApiErrors.entity(HttpStatus.BAD_REQUEST, "missing_body", "A JSON request body is required.");
            }
            if (cause instanceof DecodingException || cause instanceof JsonProcessingException) {
                return ApiErrors.entity(HttpStatus.BAD_REQUEST, "malformed_json", "The request body is not valid JSON.");
            }
        }
        return ApiErrors.entity(HttpStatus.BAD_REQUEST, "bad_request", "The request could not be read.");
    }

    @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
    ResponseEntity<Object> mediaType(UnsupportedMediaTypeStatusException e) {
        return ApiErrors.entity(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Send the body as application/json.");
    }

    @ExceptionHandler(MethodNotAllowedException.class)
    ResponseEntity<Object> method(MethodNotAllowedException e) {
        return ApiErrors.entity(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "This method is not allowed here.");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Object> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        if (status == HttpStatus.PAYLOAD_TOO_LARGE) {
            return ApiErrors.entity(status, "body_too_large", "The request body is too large.");
        }
        return entity(status, status.name().toLowerCase(), status.getReasonPhrase() + ".");
    }

    @ExceptionHandler(Throwable.class)
    Mono<ResponseEntity<Object>> unexpected(Throwable e, ServerWebExchange exchange) {
        if (AlreadyAnsweredHandler.answeredByServer(exchange)) {
            // reactor-netty refused the request and answered while the route was still working: writing the
            // route's answer failed on the sent headers. Not a fault; AlreadyAnsweredHandler drops it quietly.
            return Mono.error(e);
        }
        // Type and place only: exception messages (SQL details, library text) may carry values that must never
        // reach a log line, and the stack frames are enough to find the fault.
        StackTraceElement at = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
        String ours = java.util.Arrays.stream(e.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith("com.bumpgrade"))
                .findFirst().map(StackTraceElement::toString).orElse("-");
        log.error("Unexpected failure handling a request: {} at {} (first own frame {})", e.getClass().getName(),
                at, ours);
        return Mono.just(ApiErrors.entity(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "The request failed; nothing was charged. Retry with the same Idempotency-Key."));
    }

    /**
     * The same answer for a failure raised outside a controller (the MCP tools, D81), so every surface maps errors
     * in this one place. Axon's gateways wrap failures in {@link java.util.concurrent.CompletionException}.
     */
    public ResponseEntity<Object> answer(Throwable failure) {
        return refusal(failure).orElseGet(() -> {
            log.error("Unexpected failure handling an MCP message: {}", unwrap(failure).getClass().getName());
            return ApiErrors.entity(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                    "The request failed; nothing was charged. Retry with the same idempotency key.");
        });
    }

    /**
     * The answer of a failure this service raises on purpose (a refusal with its code), or empty for an
     * unexpected one; the billing-write envelope records refusals with the code answered here (D97).
     */
    public Optional<ResponseEntity<Object>> refusal(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof ApiException api) {
            return Optional.of(api(api));
        }
        if (e instanceof BillingRuleViolation rule) {
            return Optional.of(rule(rule));
        }
        if (e instanceof ConflictingAggregateVersionException stale) {
            return Optional.of(stale(stale));
        }
        if (e instanceof AggregateNotFoundException missing) {
            return Optional.of(missing(missing));
        }
        if (e instanceof ServerWebInputException input) {
            return Optional.of(input(input));
        }
        return Optional.empty();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /**
     * Every 404, whoever raised it (a route, an aggregate's publisher check, Axon's missing aggregate, an unknown
     * route), gets the one not-found body, so no answer tells another publisher's record from a missing one.
     */
    private static ResponseEntity<Object> entity(HttpStatus status, String code, String message) {
        return status == HttpStatus.NOT_FOUND ? notFound() : ApiErrors.entity(status, code, message);
    }

    private static ResponseEntity<Object> notFound() {
        return ApiErrors.entity(HttpStatus.NOT_FOUND, ApiErrors.NOT_FOUND, ApiErrors.NOT_FOUND_MESSAGE);
    }

    private static String printable(String value) {
        if (value == null) {
            return "?";
        }
        String cleaned = value.replaceAll("[^A-Za-z0-9_.-]", "");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
