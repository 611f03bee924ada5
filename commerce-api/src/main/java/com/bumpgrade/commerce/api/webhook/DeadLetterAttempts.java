package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.api.stripe.StripePaymentLookup;
import com.bumpgrade.commerce.domain.checkout.PaymentNotYetRecorded;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessException;

import java.sql.SQLException;

/**
 * Counts failed translation attempts in the dead letter's diagnostics ({@code retries}), so the retrier can stop
 * after a bounded number and the evidence query can tell "failed, will retry" from "dead-lettered". The last
 * failure is kept there too ({@code failure}), as a stable snake_case code: that code, never the exception's
 * class name or message, is what evidence and dead-letter listings show.
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
        return (letter, cause) -> Decisions.requeue(cause,
                l -> l.diagnostics().and(RETRIES, attempts(l) + 1).and(FAILURE, failureCode(cause)));
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
        if (cause instanceof StripePaymentLookup.Unavailable) {
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
}
