package com.bumpgrade.commerce.api.operator;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLDataException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the failure class Axon stored with a dead letter ({@code cause_type}) into a stable reason code. The
 * class name and the message never leave the service: both are implementation details, and a message can quote
 * the data that failed.
 */
final class DeadLetterReasons {
    /** A letter without a cause waits behind an earlier failed event of its sequence. */
    static final String SEQUENCE_BLOCKED = "sequence_blocked";
    static final String HANDLER_FAILED = "handler_failed";

    private record Rule(String code, List<Class<?>> types) {
    }

    // First match wins: conflicts are transient data access failures too, so they come before storage_unavailable.
    private static final List<Rule> RULES = List.of(
            new Rule("storage_refused", List.of(DataIntegrityViolationException.class, SQLDataException.class,
                    SQLIntegrityConstraintViolationException.class)),
            new Rule("conflict", List.of(ConcurrencyException.class, ConflictingModificationException.class,
                    ConcurrencyFailureException.class)),
            new Rule("storage_unavailable", List.of(TransientDataAccessException.class,
                    RecoverableDataAccessException.class, NonTransientDataAccessResourceException.class,
                    CannotCreateTransactionException.class, SQLTransientException.class,
                    SQLRecoverableException.class)),
            new Rule("rule_violation", List.of(BillingRuleViolation.class)),
            new Rule("not_found", List.of(AggregateNotFoundException.class)));

    private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

    private DeadLetterReasons() {
    }

    static String of(String causeType) {
        if (causeType == null) {
            return SEQUENCE_BLOCKED;
        }
        return KNOWN.computeIfAbsent(causeType, DeadLetterReasons::classify);
    }

    private static String classify(String causeType) {
        Class<?> type;
        try {
            // not initialised: only its place in the type hierarchy matters
            type = Class.forName(causeType, false, DeadLetterReasons.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError unknown) {
            return HANDLER_FAILED;
        }
        for (Rule rule : RULES) {
            for (Class<?> known : rule.types()) {
                if (known.isAssignableFrom(type)) {
                    return rule.code();
                }
            }
        }
        return HANDLER_FAILED;
    }
}
