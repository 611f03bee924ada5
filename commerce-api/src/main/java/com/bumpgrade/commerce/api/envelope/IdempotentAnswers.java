package com.bumpgrade.commerce.api.envelope;

import com.bumpgrade.commerce.api.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Idempotency for {@link BillingWriteEnvelope}: the same key with the same request returns the first stored answer
 * without doing anything again, also when the copies arrive concurrently (they wait for the first); the same key
 * with a different request is refused with 422. Package-private: only the envelope's one sequence uses it.
 */
@Component
class IdempotentAnswers {
    private final IdempotencyStore store;
    private final Duration waitForFirst;
    private final Duration lease;

    IdempotentAnswers(IdempotencyStore store,
                      @Value("${bumpgrade.idempotency.wait-for-first:PT30S}") Duration waitForFirst,
                      @Value("${bumpgrade.idempotency.lease:PT2M}") Duration lease) {
        this.store = store;
        this.waitForFirst = waitForFirst;
        this.lease = lease;
    }

    /** The stored answer for this key, if the same request was already answered; refuses a different request. */
    Optional<WriteOutcome> replay(BillingWrite write) {
        return store.find(write.scope(), write.key()).flatMap(record -> {
            requireSameRequest(write, record);
            return record.completed() ? Optional.of(stored(record)) : Optional.empty();
        });
    }

    /** Runs the action once per key; concurrent copies wait for the first and answer what it answered. */
    WriteOutcome once(BillingWrite write, Supplier<WriteResult> action, Function<Object, String> json) {
        long deadline = System.nanoTime() + waitForFirst.toNanos();
        while (true) {
            if (store.claim(write.scope(), write.key(), write.fingerprint())
                    || store.takeOverExpired(write.scope(), write.key(), write.fingerprint(), lease)) {
                return runClaimed(write, action, json);
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

    private WriteOutcome runClaimed(BillingWrite write, Supplier<WriteResult> action, Function<Object, String> json) {
        WriteResult result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            // a refusal thrown by the action is answered by the exception handler and must stay retryable
            store.release(write.scope(), write.key());
            throw e;
        }
        String body = json.apply(result.body());
        if (result.replayable()) {
            store.complete(write.scope(), write.key(), result.status().value(), body);
        } else {
            store.release(write.scope(), write.key());
        }
        return new WriteOutcome(result.status().value(), body, false);
    }

    private static void requireSameRequest(BillingWrite write, IdempotencyStore.Record record) {
        if (!record.fingerprint().equals(write.fingerprint())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency_key_reused",
                    "This Idempotency-Key was already used for a different request.");
        }
    }

    private static WriteOutcome stored(IdempotencyStore.Record record) {
        return new WriteOutcome(record.status(), record.body(), true);
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
