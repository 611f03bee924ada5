package com.bumpgrade.commerce.api.webhook;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * Counts failed translation attempts in the dead letter's diagnostics ({@code retries}), so the retrier can stop
 * after a bounded number and the evidence query can tell "failed, will retry" from "dead-lettered". The stored
 * cause keeps the failure's class name and a cleaned, shortened message: a message carrying a NUL byte or longer
 * than the {@code cause_message} column would make the dead-letter insert itself fail.
 */
public final class DeadLetterAttempts {
    public static final String RETRIES = "retries";

    private DeadLetterAttempts() {
    }

    public static EnqueuePolicy<EventMessage<?>> countingPolicy() {
        return (letter, cause) -> Decisions.requeue(storable(cause),
                l -> l.diagnostics().and(RETRIES, attempts(l) + 1));
    }

    static ThrowableCause storable(Throwable cause) {
        String type = cause instanceof ThrowableCause known ? known.type() : cause.getClass().getName();
        String message = cause.getMessage();
        if (message == null) {
            return new ThrowableCause(type, null);
        }
        String clean = message.replaceAll("\\p{Cntrl}", " ");
        return new ThrowableCause(type, clean.length() <= ThrowableCause.TRUNCATED_MESSAGE_SIZE ? clean
                : clean.substring(0, ThrowableCause.TRUNCATED_MESSAGE_SIZE));
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
