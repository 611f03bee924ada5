package com.bumpgrade.commerce.api.webhook;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;

/**
 * Counts failed translation attempts in the dead letter's diagnostics ({@code retries}), so the retrier can stop
 * after a bounded number and the evidence query can tell "failed, will retry" from "dead-lettered".
 */
public final class DeadLetterAttempts {
    public static final String RETRIES = "retries";

    private DeadLetterAttempts() {
    }

    public static EnqueuePolicy<EventMessage<?>> countingPolicy() {
        return (letter, cause) -> Decisions.requeue(cause,
                l -> l.diagnostics().and(RETRIES, attempts(l) + 1));
    }

    public static int attempts(DeadLetter<?> letter) {
        Object value = letter.diagnostics().get(RETRIES);
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
