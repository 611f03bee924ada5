package com.bumpgrade.commerce.projections.shared;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The projections' JDBC template: {@link #write} defers a statement to the end of the processor batch (the root
 * unit of work of an event processor, inside its transaction), where the batch's statements run in the order
 * they were written, runs of the same SQL as one JDBC batch, so N events cost a few round trips instead of N.
 * <p>
 * Every other statement of this template (a query, a counted {@code update}, a {@code batchUpdate}) first runs
 * what is deferred, so a handler, and any later one in the batch, reads its own writes. The service's one
 * {@code JdbcTemplate} bean is an instance of this class, so that holds for every user of that bean. Outside an
 * event processor's unit of work (HTTP requests, queries, commands, tests that apply events one by one) a write
 * runs at once.
 * <p>
 * Failures: a deferred statement that fails fails the whole batch (it rolls back, and the processor retries it
 * as after any failed commit), and the retry of those events runs every write at once, so the failing event
 * meets the per-event savepoint and dead-letter handling exactly as without deferral. A handler that fails drops
 * its own deferred statements ({@link HandlerScope}). The statements must be idempotent, as every projection's
 * are (guarded by sequence numbers), since a batch may be processed again.
 */
public class ProjectionJdbc extends JdbcTemplate {
    /** Events of recently failed batches whose writes run at once on their next processing; bounded. */
    private static final int REMEMBERED_FAILED_EVENTS = 10_000;

    private final String resourceKey = ProjectionJdbc.class.getName() + "@" + System.identityHashCode(this);
    private final JdbcTemplate runner;
    private final Set<String> writeAtOnce = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_FAILED_EVENTS;
                }
            }));

    public ProjectionJdbc(DataSource dataSource) {
        super(dataSource);
        // runs the deferred statements; a plain template, so running them never re-enters this one
        this.runner = new JdbcTemplate(dataSource);
    }

    /**
     * An insert, update or delete whose count nobody needs: deferred to the end of the processor batch when one
     * is running, else run at once. A handler that needs the count uses {@link #update(String, Object...)},
     * which runs at once (after what is deferred).
     */
    public void write(String sql, Object... args) {
        StatementBuffer buffer = buffer(true);
        if (buffer == null || buffer.writesAtOnce()) {
            update(sql, args);
        } else {
            buffer.add(sql, args);
        }
    }

    /**
     * Marks the start of one event handler's invocation (the api module's savepoint per event handler): until
     * {@link HandlerScope#close} the handler's statements are its own, and {@code openSavepoint} runs just before
     * the first statement that reaches the database during it, after the earlier handlers' deferred ones.
     * Outside a processor batch it runs at once.
     */
    public HandlerScope handlerScope(Runnable openSavepoint) {
        StatementBuffer buffer = buffer(true);
        if (buffer == null) {
            openSavepoint.run();
            return HandlerScope.NONE;
        }
        return buffer.openScope(openSavepoint);
    }

    /** The one path of {@link JdbcTemplate} to a connection: what is deferred runs before anything else. */
    @Override
    protected DataSource obtainDataSource() {
        StatementBuffer buffer = buffer(false);
        if (buffer != null) {
            buffer.beforeStatement();
        }
        return super.obtainDataSource();
    }

    /** The batch's buffer; {@code null} outside an event processor's unit of work and transaction. */
    private StatementBuffer buffer(boolean create) {
        if (!CurrentUnitOfWork.isStarted() || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!(root.getMessage() instanceof EventMessage<?>)) {
            return null;
        }
        StatementBuffer existing = root.getResource(resourceKey);
        if (existing != null || !create || !root.phase().isBefore(UnitOfWork.Phase.PREPARE_COMMIT)) {
            return existing;
        }
        List<String> events = eventsOf(root);
        StatementBuffer buffer = new StatementBuffer(runner, events.stream().anyMatch(writeAtOnce::contains),
                () -> writeAtOnce.addAll(events));
        root.resources().put(resourceKey, buffer);
        root.onPrepareCommit(u -> buffer.flushAll());
        root.onRollback(u -> buffer.discard());
        if (buffer.writesAtOnce()) {
            root.afterCommit(u -> events.forEach(writeAtOnce::remove));
        }
        return buffer;
    }

    private static List<String> eventsOf(UnitOfWork<?> root) {
        if (root instanceof BatchingUnitOfWork<?> batch) {
            return batch.getMessages().stream().map(m -> m.getIdentifier()).toList();
        }
        return List.of(root.getMessage().getIdentifier());
    }

    /** One event handler's invocation, between {@link #handlerScope} and {@link #close}. */
    public interface HandlerScope {
        HandlerScope NONE = failed -> {
        };

        /** Ends the invocation; a failed one's deferred statements are dropped (its savepoint undoes the rest). */
        void close(boolean failed);
    }
}
