package com.bumpgrade.commerce.api.replay;

import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.projections.replay.ReplayedProjections;
import com.bumpgrade.commerce.projections.shared.ProjectionJdbc;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * One replay: the event store, read in store order, through new instances of every replayable projection into
 * shadow tables in a schema of their own. The shadow connection's {@code search_path} is that schema only, so a
 * projection can write nothing else: a table missing from the shadow fails the replay instead of touching a live
 * one. Events are read in pages, each page one transaction and one processor-like batch (the audit chain writes
 * a page's entries together).
 */
public final class ReplayRun implements AutoCloseable {
    private static final String PAGE = """
            SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                payload_type, payload_revision, payload, meta_data
            FROM domain_event_entry WHERE global_index > ? AND global_index <= ? ORDER BY global_index LIMIT ?""";

    private final JdbcTemplate live;
    private final Serializer serializer;
    private final String schema;
    private final int pageSize;
    private final Connection connection;
    private final ProjectionJdbc shadow;
    private final TransactionTemplate shadowTransaction;
    private final List<AnnotationEventHandlerAdapter> projections = new ArrayList<>();
    private long position = 0;

    public ReplayRun(DataSource dataSource, JdbcTemplate live, Serializer serializer, String schema, int pageSize)
            throws SQLException {
        this.live = live;
        this.serializer = serializer;
        this.schema = schema;
        this.pageSize = pageSize;
        this.connection = dataSource.getConnection();
        SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
        this.shadow = new ProjectionJdbc(single);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(single);
        this.shadowTransaction = new TransactionTemplate(transactions);
        ReplayedProjections.create(shadow, transactions, serializer)
                .forEach(projection -> projections.add(new AnnotationEventHandlerAdapter(projection)));
    }

    /** Creates the shadow schema with empty copies of the projections' tables, then resets the projections. */
    public void prepare() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            for (ReplayedProjections.ReplayedTable table : ReplayedProjections.TABLES) {
                statement.execute("CREATE TABLE " + schema + "." + table.name() + " (LIKE public." + table.name()
                        + " INCLUDING ALL)");
            }
            for (String copied : ReplayedProjections.COPIED_TABLES) {
                statement.execute("INSERT INTO " + schema + "." + copied + " SELECT * FROM public." + copied);
            }
            statement.execute("SET search_path TO " + schema);
        }
        projections.forEach(AnnotationEventHandlerAdapter::prepareReset);
    }

    /** Replays every event after the last one replayed up to {@code upTo}, reporting the events done. */
    public void replayUpTo(long upTo, LongConsumer eventsDone) {
        long done = 0;
        while (position < upTo) {
            List<TrackedEventData<?>> page = live.query(PAGE, (rs, row) -> new TrackedDomainEventData<>(
                    new GlobalSequenceTrackingToken(rs.getLong("global_index")),
                    new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregate_identifier"),
                            rs.getLong("sequence_number"), rs.getString("event_identifier"),
                            rs.getString("time_stamp"), rs.getString("payload_type"),
                            rs.getString("payload_revision"), rs.getBytes("payload"), rs.getBytes("meta_data"))),
                    position, upTo, pageSize);
            if (page.isEmpty()) {
                position = upTo;
                break;
            }
            List<EventMessage<?>> messages = new ArrayList<>();
            EventUtils.upcastAndDeserializeTrackedEvents(page.stream(), serializer, NoOpEventUpcaster.INSTANCE)
                    .forEach(messages::add);
            shadowTransaction.executeWithoutResult(status -> handle(messages));
            position = page.get(page.size() - 1).trackingToken().position().orElseThrow();
            done += page.size();
            eventsDone.accept(done);
        }
    }

    public long position() {
        return position;
    }

    private void handle(List<EventMessage<?>> messages) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        ResultMessage<?> result = batch.executeWithResult(() -> {
            EventMessage<?> message = batch.getMessage();
            for (AnnotationEventHandlerAdapter projection : projections) {
                if (projection.canHandle(message)) {
                    projection.handle(message);
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        // a failure at the page's prepare-commit (its deferred writes, the audit chain) is answered, not thrown
        if (result.isExceptional()) {
            throw new IllegalStateException("a page of the replay failed to commit", result.exceptionResult());
        }
        batch.getExecutionResults().values().stream().filter(ExecutionResult::isExceptionResult).findFirst()
                .ifPresent(failed -> {
                    throw new IllegalStateException("a projection failed during the replay",
                            failed.getExceptionResult());
                });
    }

    public List<TableComparison> compare(PublisherId publisher) {
        return ReplayedProjections.TABLES.stream()
                .map(table -> ReplayComparison.compare(live, table, schema, publisher)).toList();
    }

    /** Drops the shadow schema and gives the connection back as it was taken. */
    @Override
    public void close() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("RESET search_path");
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } finally {
            connection.close();
        }
    }
}
