package com.bumpgrade.commerce.api.deadletter;

import com.bumpgrade.commerce.api.stripe.StripeLookups;
import com.bumpgrade.commerce.domain.checkout.PaymentNotYetRecorded;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The dead-letter policy of every processing group, and the one vocabulary of failure codes (evidence and the
 * operator's dead-letter listing show these). Its own package, so configuration, reactions and listings can all
 * use it without depending on each other.
 * <p>
 * Counts failed attempts in the dead letter's diagnostics ({@code retries}), so the retrier can stop
 * after a bounded number and the evidence query can tell "failed, will retry" from "dead-lettered". The last
 * failure is kept there too ({@code failure}), as a stable snake_case code: that code, never the exception's
 * class name or message, is what evidence and dead-letter listings show.
 * <p>
 * The stored cause keeps the failure's class name, with a cleaned and shortened message: a message carrying a NUL
 * character, or longer than the {@code cause_message} column, would make the dead-letter write itself fail.
 */
public final class DeadLetterAttempts {
    public static final String RETRIES = "retries";
    public static final String FAILURE = "failure";
    /** Any failure without a more precise code. */
    public static final String HANDLER_FAILED = "handler_failed";
    private static final String CODE = "[a-z0-9_]{1,64}";

    private DeadLetterAttempts() {
    }

    public static EnqueuePolicy<EventMessage<?>> countingPolicy() {
        return (letter, cause) -> new CountedRequeue(storable(cause), failureCode(cause));
    }

    /** The public code of a handler failure: the first cause in the chain that has one, else "handler_failed". */
    public static String failureCode(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 10; cause = cause.getCause(), depth++) {
            String code = codeOf(cause);
            if (code != null) {
                return code;
            }
        }
        return HANDLER_FAILED;
    }

    private static String codeOf(Throwable cause) {
        if (cause instanceof DeferredTranslation deferred) {
            return deferred.code();
        }
        if (cause instanceof PaymentNotYetRecorded) {
            return "payment_not_yet_recorded";
        }
        if (cause instanceof StripeLookups.Unavailable) {
            return "stripe_unavailable";
        }
        if (cause instanceof BillingRuleViolation rule && rule.code() != null && rule.code().matches(CODE)) {
            return rule.code();
        }
        if (cause instanceof AggregateNotFoundException) {
            return "record_not_found";
        }
        if (cause instanceof ConcurrencyException) {
            return "concurrent_change";
        }
        // refused data (a NUL in text, a broken constraint) is no outage: retrying will not help
        if (cause instanceof DataIntegrityViolationException || cause instanceof SQLDataException) {
            return "storage_refused";
        }
        if (cause instanceof DataAccessException || cause instanceof SQLException) {
            return "database_unavailable";
        }
        return null;
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
    private record CountedRequeue(ThrowableCause cause, String failure) implements EnqueueDecision<EventMessage<?>> {
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
            return counted(letter, cause, failure);
        }

        private static <E extends EventMessage<?>> DeadLetter<E> counted(DeadLetter<E> letter, ThrowableCause cause,
                                                                        String failure) {
            Object sequence = letter instanceof JdbcDeadLetter<?> stored ? stored.getSequenceIdentifier()
                    : letter instanceof GenericDeadLetter<?> fresh ? fresh.getSequenceIdentifier() : null;
            MetaData diagnostics = letter.diagnostics().and(RETRIES, attempts(letter) + 1).and(FAILURE, failure);
            return new GenericDeadLetter<>(sequence, letter.message(), cause, letter.enqueuedAt(),
                    letter.lastTouched(), diagnostics);
        }
    }
}
