package com.bumpgrade.commerce.api.envelope;

import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.Confirmation;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one mechanism every billing-impacting write goes through (rule 2): required headers, the stale-state
 * version, and idempotency. The same key with the same request returns the first stored answer without doing
 * anything again, also when the copies arrive concurrently (they wait for the first); the same key with a
 * different request is refused with 422.
 */
@Component
public class BillingWriteEnvelope {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String CLIENT = "X-Bumpgrade-Client";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .findAndAddModules()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final IdempotencyStore store;
    private final ObjectMapper webMapper;
    private final Duration waitForFirst;
    private final Duration lease;

    public BillingWriteEnvelope(IdempotencyStore store, ObjectMapper webMapper,
                                @Value("${bumpgrade.idempotency.wait-for-first:PT30S}") Duration waitForFirst,
                                @Value("${bumpgrade.idempotency.lease:PT2M}") Duration lease) {
        this.store = store;
        this.webMapper = webMapper;
        this.waitForFirst = waitForFirst;
        this.lease = lease;
    }

    /** Reads and checks the envelope headers; {@code versionRequired} for writes to an existing record. */
    public BillingWrite open(ApiCaller caller, HttpHeaders headers, String operation, Object request,
                             boolean versionRequired) {
        IdempotencyKey key = header(headers, IDEMPOTENCY_KEY, "missing_idempotency_key", IdempotencyKey::of);
        CorrelationId correlation = header(headers, CORRELATION_ID, "missing_correlation_id", CorrelationId::of);
        ClientAttribution client = header(headers, CLIENT, "missing_client", ClientAttribution::of);
        Long version = null;
        String ifMatch = headers.getFirst(HttpHeaders.IF_MATCH);
        if (versionRequired) {
            if (ifMatch == null) {
                throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "missing_if_match",
                        "If-Match with the record's current version is required.");
            }
            version = parseVersion(ifMatch);
        }
        BillingContext context = new BillingContext(caller.actor(), caller.role().publicName(), client, correlation, key);
        String fingerprint = DerivedIds.sha256Hex(operation + "\n" + canonical(request) + "\n"
                + (version == null ? "" : version));
        return new BillingWrite(caller, context, version, fingerprint);
    }

    /**
     * The stored answer for this key, if the same request was already answered; refuses a different request.
     * Used before deciding on a preview, so a reused key is refused even when this request would change nothing.
     */
    public Optional<ResponseEntity<String>> replay(BillingWrite write) {
        return store.find(write.scope(), write.key()).flatMap(record -> {
            requireSameRequest(write, record);
            return record.completed() ? Optional.of(stored(record)) : Optional.empty();
        });
    }

    /**
     * The answer to a write whose confirmation is missing or different (rule 1): a 200 preview naming the exact
     * phrase; nothing changed and nothing is stored. {@code subject} adds fields such as the record's id.
     */
    public Optional<ResponseEntity<String>> previewUnlessConfirmed(String phrase, String given,
                                                                   Map<String, Object> subject) {
        if (Confirmation.confirms(phrase, given)) {
            return Optional.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "preview");
        body.put("requiredConfirmation", phrase);
        body.put("reason", given == null ? "confirmation_required" : "confirmation_mismatch");
        body.putAll(subject);
        return Optional.of(ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json(body)));
    }

    /** Runs the write once per key; concurrent copies wait for the first and answer what it answered. */
    public ResponseEntity<String> execute(BillingWrite write, Supplier<WriteOutcome> action) {
        long deadline = System.nanoTime() + waitForFirst.toNanos();
        while (true) {
            if (store.claim(write.scope(), write.key(), write.fingerprint())
                    || store.takeOverExpired(write.scope(), write.key(), write.fingerprint(), lease)) {
                return runClaimed(write, action);
            }
            Optional<IdempotencyStore.Record> existing = store.find(write.scope(), write.key());
            if (existing.isPresent()) {
                requireSameRequest(write, existing.get());
                if (existing.get().completed()) {
                    return stored(existing.get());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new ApiException(HttpStatus.CONFLICT, "request_in_progress",
                        "A request with this Idempotency-Key is still being processed; retry shortly.");
            }
            sleep();
        }
    }

    private ResponseEntity<String> runClaimed(BillingWrite write, Supplier<WriteOutcome> action) {
        WriteOutcome outcome;
        try {
            outcome = action.get();
        } catch (RuntimeException e) {
            store.release(write.scope(), write.key());
            throw e;
        }
        String body = json(outcome.body());
        if (outcome.replayable()) {
            store.complete(write.scope(), write.key(), outcome.status().value(), body);
        } else {
            store.release(write.scope(), write.key());
        }
        return ResponseEntity.status(outcome.status()).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static void requireSameRequest(BillingWrite write, IdempotencyStore.Record record) {
        if (!record.fingerprint().equals(write.fingerprint())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency_key_reused",
                    "This Idempotency-Key was already used for a different request.");
        }
    }

    private static ResponseEntity<String> stored(IdempotencyStore.Record record) {
        return ResponseEntity.status(record.status()).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true").body(record.body());
    }

    public String json(Object body) {
        try {
            return webMapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }

    private static <T> T header(HttpHeaders headers, String name, String code, java.util.function.Function<String, T> parse) {
        String value = headers.getFirst(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(code, "The " + name + " header is required for this request.");
        }
        try {
            return parse.apply(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_" + code.substring("missing_".length()),
                    "The " + name + " header must be 1-128 characters of letters, digits, '.', '_', ':' or '-'.");
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

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted", "The request was interrupted.");
        }
    }

}
