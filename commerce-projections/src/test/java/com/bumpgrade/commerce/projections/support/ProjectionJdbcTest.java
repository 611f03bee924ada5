package com.bumpgrade.commerce.projections.support;

import com.bumpgrade.commerce.projections.shared.ProjectionJdbc;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deferred writes of a processor batch ({@link ProjectionJdbc}): run at the batch's end in the order written,
 * seen by every read of the batch, gone with a rollback, and a failure among them fails the batch, whose retry
 * writes at once. Each batch here is what a processor runs: one batching unit of work in one transaction.
 * (Here, not in {@code shared}: this package of test support imports {@code shared}, and packages form no cycle.)
 */
class ProjectionJdbcTest {
    private final ProjectionJdbc jdbc = ProjectionDatabase.get().jdbc();
    private final DataSourceTransactionManager transactions = ProjectionDatabase.get().transactions();
    /** The same connection, past the deferral: what the database holds right now. */
    private final JdbcTemplate database = new JdbcTemplate(transactions.getDataSource());
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void emptyProbe() {
        database.execute("CREATE TEMP TABLE IF NOT EXISTS probe (id int PRIMARY KEY, v int NOT NULL)");
        database.execute("TRUNCATE probe");
    }

    /** One event of a batch: what its handler does. */
    private interface Handler {
        void handle() throws Exception;
    }

    /** Runs the handlers as one batch of as many events; a failure of a handler or of the commit is thrown. */
    private void batch(List<EventMessage<?>> events, List<Handler> handlers) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
            ResultMessage<?> result = batch.executeWithResult(() -> {
                handlers.get(events.indexOf(batch.getMessage())).handle();
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            // a failed commit (a refused deferred statement) is answered here, not thrown
            if (result.isExceptional()) {
                throw new IllegalStateException("the batch failed", result.exceptionResult());
            }
            batch.getExecutionResults().values().stream().filter(ExecutionResult::isExceptionResult).findFirst()
                    .ifPresent(failed -> {
                        throw new IllegalStateException(failed.getExceptionResult());
                    });
        });
    }

    private void batch(Handler... handlers) {
        batch(events(handlers.length), List.of(handlers));
    }

    private static List<EventMessage<?>> events(int count) {
        return IntStream.range(0, count).<EventMessage<?>>mapToObj(i -> GenericEventMessage.asEventMessage("e" + i))
                .toList();
    }

    private long rowsNow() {
        return database.queryForObject("SELECT count(*) FROM probe", Long.class);
    }

    private Map<Integer, Integer> rows() {
        Map<Integer, Integer> rows = new java.util.TreeMap<>();
        database.query("SELECT id, v FROM probe", rs -> {
            rows.put(rs.getInt(1), rs.getInt(2));
        });
        return rows;
    }

    @Test
    void writesWaitForTheBatchsEndAndRunInTheOrderWritten() {
        batch(() -> {
            jdbc.write("INSERT INTO probe (id, v) VALUES (?, ?)", 1, 10);
            jdbc.write("UPDATE probe SET v = v * 2");
        }, () -> {
            jdbc.write("INSERT INTO probe (id, v) VALUES (?, ?)", 2, 1);
            jdbc.write("INSERT INTO probe (id, v) VALUES (?, ?)", 3, 1);
            // an update of the same SQL as the first: grouped with it, rows 2 and 3 would be doubled too
            jdbc.write("UPDATE probe SET v = v * 2");
            jdbc.write("UPDATE probe SET v = v + ? WHERE id = ?", 100, 3);
            seen.add("rows before the end: " + rowsNow());
        });

        assertThat(seen).containsExactly("rows before the end: 0");
        assertThat(rows()).isEqualTo(Map.of(1, 40, 2, 2, 3, 102));
    }

    @Test
    void aReadInTheBatchSeesEveryWriteBeforeIt() {
        batch(() -> jdbc.write("INSERT INTO probe (id, v) VALUES (?, ?)", 1, 10), () -> {
            jdbc.write("UPDATE probe SET v = v + 1 WHERE id = ?", 1);
            seen.add("read: " + jdbc.queryForObject("SELECT v FROM probe WHERE id = 1", Integer.class));
            // a counted update runs at once too, after what is deferred
            seen.add("counted: " + jdbc.update("UPDATE probe SET v = v + 1 WHERE id = ?", 1));
            jdbc.write("UPDATE probe SET v = v * 10 WHERE id = ?", 1);
        });

        assertThat(seen).containsExactly("read: 11", "counted: 1");
        assertThat(rows()).isEqualTo(Map.of(1, 120));
    }

    @Test
    void aRolledBackBatchLeavesNothingAndTheNextBatchWritesOnlyItsOwn() {
        assertThatThrownBy(() -> batch(() -> jdbc.write("INSERT INTO probe (id, v) VALUES (?, ?)", 1, 1), () -> {
            throw new IllegalStateException("handler failed");
        })).hasRootCauseMessage("handler failed");
        assertThat(rows()).isEmpty();

        batch(() -> jdbc.write("INSERT INTO probe (id, v) VALUES (?, ?)", 2, 2));
        assertThat(rows()).isEqualTo(Map.of(2, 2));
    }

    @Test
    void aFailingDeferredWriteFailsTheWholeBatchAndItsRetryWritesAtOnce() {
        database.update("INSERT INTO probe (id, v) VALUES (7, 7)");
        List<EventMessage<?>> events = events(2);
        List<Handler> handlers = List.of(() -> jdbc.write("INSERT INTO probe (id, v) VALUES (?, ?)", 1, 1), () -> {
            try {
                jdbc.write("INSERT INTO probe (id, v) VALUES (?, ?)", 7, 8);
            } catch (DataAccessException refused) {
                seen.add("refused in the handler");
                throw refused;
            }
        });

        assertThatThrownBy(() -> batch(events, handlers)).hasStackTraceContaining("duplicate key");
        assertThat(seen).as("deferred: refused at the end of the batch").isEmpty();
        assertThat(rows()).as("the good write of the batch rolled back too").isEqualTo(Map.of(7, 7));

        // the processor retries the same events: now the failing write fails where its handler can see it
        assertThatThrownBy(() -> batch(events, handlers)).isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(DataAccessException.class);
        assertThat(seen).containsExactly("refused in the handler");
        assertThat(rows()).isEqualTo(Map.of(7, 7));

        // other events are deferred as before
        batch(() -> {
            jdbc.write("INSERT INTO probe (id, v) VALUES (?, ?)", 2, 2);
            seen.add("rows before the end: " + rowsNow());
        });
        assertThat(seen).endsWith("rows before the end: 1");
        assertThat(rows()).isEqualTo(Map.of(2, 2, 7, 7));
    }

    /** What the api module's savepoint per event handler does around each handler, with a savepoint that waits. */
    private Handler inScope(Handler handler) {
        return () -> {
            TransactionStatus[] savepoint = new TransactionStatus[1];
            DefaultTransactionDefinition nested =
                    new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
            ProjectionJdbc.HandlerScope scope = jdbc.handlerScope(() -> {
                seen.add("savepoint after " + rowsNow() + " rows");
                savepoint[0] = transactions.getTransaction(nested);
            });
            try {
                handler.handle();
            } catch (Exception failure) {
                scope.close(true);
                if (savepoint[0] != null) {
                    transactions.rollback(savepoint[0]);
                }
                // as the dead-letter queue does: the event is parked, the batch goes on
                seen.add("parked: " + failure.getMessage());
                return;
            }
            scope.close(false);
            if (savepoint[0] != null) {
                transactions.commit(savepoint[0]);
            }
        };
    }

    @Test
    void aFailedHandlerLosesItsOwnWritesOnlyAndASavepointOpensOnlyBeforeAStatement() {
        batch(inScope(() -> jdbc.write("INSERT INTO probe (id, v) VALUES (?, ?)", 1, 1)), inScope(() -> {
            jdbc.write("INSERT INTO probe (id, v) VALUES (?, ?)", 2, 2);
            throw new IllegalStateException("deferred only");
        }), inScope(() -> {
            jdbc.write("INSERT INTO probe (id, v) VALUES (?, ?)", 3, 3);
            // the earlier handlers' writes run before the savepoint, this handler's own after it
            jdbc.queryForObject("SELECT count(*) FROM probe", Long.class);
            throw new IllegalStateException("after a read");
        }), inScope(() -> jdbc.write("INSERT INTO probe (id, v) VALUES (?, ?)", 4, 4)));

        assertThat(seen).containsExactly("parked: deferred only", "savepoint after 1 rows", "parked: after a read");
        assertThat(rows()).isEqualTo(Map.of(1, 1, 4, 4));
    }

    @Test
    void outsideAProcessorBatchAWriteRunsAtOnce() {
        jdbc.write("INSERT INTO probe (id, v) VALUES (?, ?)", 1, 1);
        assertThat(rowsNow()).isEqualTo(1);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.write("INSERT INTO probe (id, v) VALUES (?, ?)", 2, 2);
            seen.add("rows in a plain transaction: " + rowsNow());
        });
        assertThat(seen).containsExactly("rows in a plain transaction: 2");
    }
}
