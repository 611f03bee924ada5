package com.bumpgrade.commerce.api.webhook;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;

import java.util.Optional;

/**
 * Counts failed translation attempts in the dead letter's diagnostics ({@code retries}), so the retrier can stop
 * after a bounded number and the evidence query can tell "failed, will retry" from "dead-lettered".
 * <p>
 * The stored cause keeps the failure's class name, with a cleaned and shortened message: a message carrying a NUL
 * character, or longer than the {@code cause_message} column, would make the dead-letter write itself fail.
 */
public final class DeadLetterAttempts {
    public static final String RETRIES = "retries";

    private DeadLetterAttempts() {
    }

    public static EnqueuePolicy<EventMessage<?>> countingPolicy() {
        return (letter, cause) -> new CountedRequeue(storable(cause));
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

    /**
     * Requeues with the cleaned cause and one more attempt. The cause is set here rather than offered as
     * {@code enqueueCause()}: the JDBC letter wraps an offered cause once more on a retry, and would then record
     * {@code ThrowableCause} as its type.
     */
    private record CountedRequeue(ThrowableCause cause) implements EnqueueDecision<EventMessage<?>> {
        @Override
        public boolean shouldEnqueue() {
            return true;
        }

        @Override
        public Optional<Throwable> enqueueCause() {
            return Optional.empty();
        }

        @Override
        public DeadLetter<? extends EventMessage<?>> withDiagnostics(DeadLetter<? extends EventMessage<?>> letter) {
            return counted(letter, cause);
        }

        private static <E extends EventMessage<?>> DeadLetter<E> counted(DeadLetter<E> letter, ThrowableCause cause) {
            Object sequence = letter instanceof JdbcDeadLetter<?> stored ? stored.getSequenceIdentifier()
                    : letter instanceof GenericDeadLetter<?> fresh ? fresh.getSequenceIdentifier() : null;
            MetaData diagnostics = letter.diagnostics().and(RETRIES, attempts(letter) + 1);
            return new GenericDeadLetter<>(sequence, letter.message(), cause, letter.enqueuedAt(),
                    letter.lastTouched(), diagnostics);
        }
    }
}
