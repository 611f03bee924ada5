package com.bumpgrade.commerce.api.config;

import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.bumpgrade.commerce.projections.shared.ProjectionJdbc;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.lang.reflect.Method;

/**
 * Runs every {@code @EventHandler} of a {@code @ProcessingGroup} class behind a savepoint of the batch's transaction
 * (PROPAGATION_NESTED on the transaction manager Axon's {@code SpringTransactionManager} wraps).
 * <p>
 * Why: a processor handles a whole batch in one PostgreSQL transaction, and after any SQL error PostgreSQL refuses
 * every further statement of it. Axon's {@code DeadLetteringEventHandlerInvoker} catches a handler's failure
 * outside the handler members that enhancers wrap, and then inserts the dead letter into that same transaction; the
 * insert failed, the batch rolled back and was retried forever. Rolling back to the savepoint before the failure
 * leaves the handler restores a usable transaction, so only the failing event's sequence is parked and the rest
 * of the batch commits. Aggregates' sourcing handlers, sagas, command and query handlers are left alone, and so
 * are the audit trail's handlers: they only queue entries, which {@code AuditChainWriter} writes once per batch
 * behind savepoints of its own.
 * <p>
 * The read models' handlers defer their writes to the end of the batch ({@link ProjectionJdbc}), so most of them
 * send no statement at all: their savepoint opens only before the first statement one of them does send (a read,
 * a counted update), which saves two round trips per event. The reactions' handlers reach the database also
 * through Axon (the events of the commands they send), past the template, so theirs opens at once.
 */
public class SavepointPerEventHandler implements HandlerEnhancerDefinition {
    private final PlatformTransactionManager transactions;
    private final ProjectionJdbc jdbc;
    private final TransactionDefinition nested;

    public SavepointPerEventHandler(PlatformTransactionManager transactions, ProjectionJdbc jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        DefaultTransactionDefinition definition =
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
        definition.setName("event-handler-savepoint");
        this.nested = definition;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !original.hasAnnotation(EventHandler.class)) {
            return original;
        }
        String group = original.unwrap(Method.class)
                .map(method -> method.getDeclaringClass().getAnnotation(ProcessingGroup.class))
                .map(ProcessingGroup::value).orElse(null);
        if (group == null || ProcessingGroups.AUDIT_TRAIL.equals(group)) {
            return original;
        }
        return new Savepointed<>(original, ProcessingGroups.READ_MODELS.equals(group));
    }

    private final class Savepointed<T> extends WrappedMessageHandlingMember<T> {
        private final boolean lazy;

        private Savepointed(MessageHandlingMember<T> delegate, boolean lazy) {
            super(delegate);
            this.lazy = lazy;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            // Outside a transaction (none today) there is nothing to protect, and no reason to open one here.
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);
            }
            Savepoint savepoint = new Savepoint();
            ProjectionJdbc.HandlerScope scope = jdbc.handlerScope(savepoint::open);
            if (!lazy) {
                savepoint.open();
            }
            Object result;
            try {
                result = super.handle(message, target);
            } catch (Exception | Error failure) {
                scope.close(true);
                savepoint.rollback();
                throw failure;
            }
            scope.close(false);
            savepoint.release();
            return result;
        }
    }

    /** A savepoint opened at most once, and only rolled back or released if it was. */
    private final class Savepoint {
        private TransactionStatus status;

        void open() {
            if (status == null) {
                status = transactions.getTransaction(nested);
            }
        }

        void rollback() {
            if (status != null) {
                transactions.rollback(status);
            }
        }

        void release() {
            if (status != null) {
                transactions.commit(status);
            }
        }
    }
}
