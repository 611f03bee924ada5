package com.bumpgrade.commerce.projections.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.bumpgrade.commerce.projections.shared.ProjectionJdbc;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every projection promises its processor (D4, D43): a batch processed again (retry, stolen claim, re-drive)
 * changes nothing, and a reset followed by a replay from empty tables gives exactly the rows built live.
 * A subclass names its projection, its tables and a realistic history, and specifies the rows it expects.
 */
public abstract class ReplayableProjectionTest {
    protected final ProjectionJdbc jdbc = ProjectionDatabase.get().jdbc();
    private List<DomainEventMessage<?>> history;

    protected abstract Object projection();

    /** The tables the projection owns, each with the key its rows are compared in. */
    protected abstract Tables tables();

    protected abstract List<DomainEventMessage<?>> history();

    /** What else a reset must undo, beyond emptying the tables; checked after the reset. */
    protected void assertResetUndoneBeyondTables() {
    }

    @BeforeEach
    void emptyTables() {
        tables().truncate();
        history = Projector.atStorePositions(history());
    }

    /** This test's history, with the event ids and store positions {@link #applyHistory()} applies. */
    protected List<DomainEventMessage<?>> events() {
        return history;
    }

    protected Map<String, List<String>> applyHistory() {
        new Projector(projection()).apply(history);
        return tables().rows();
    }

    @Test
    void anyEventDeliveredAgainAndTheWholeHistoryAgainChangeNoRow() {
        Map<String, List<String>> once = applyHistory();
        assertThat(once.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        Projector projector = new Projector(projection());

        // one event at a time, as a re-driven dead letter arrives after everything later
        for (DomainEventMessage<?> event : history) {
            projector.apply(List.of(event));
            assertThat(tables().rows()).as("after %s #%d again", event.getPayloadType().getSimpleName(),
                    event.getSequenceNumber()).isEqualTo(once);
        }
        // and the whole batch, as after a retry or a stolen claim
        projector.apply(history);
        assertThat(tables().rows()).isEqualTo(once);
    }

    /**
     * A processor hands the projection whole batches, whose writes are deferred to the batch's end (D95): the
     * rows must be those of the events applied one by one, and the batch again, or a part of it, changes nothing.
     */
    @Test
    void theHistoryAsProcessorBatchesGivesTheRowsOfTheEventsOneByOne() {
        Map<String, List<String>> oneByOne = applyHistory();
        tables().truncate();
        Projector projector = new Projector(projection());

        projector.applyAsOneBatch(history, ProjectionDatabase.get().transactions());
        assertThat(tables().rows()).isEqualTo(oneByOne);

        projector.applyAsOneBatch(history, ProjectionDatabase.get().transactions());
        projector.applyAsOneBatch(history.subList(history.size() / 2, history.size()),
                ProjectionDatabase.get().transactions());
        assertThat(tables().rows()).isEqualTo(oneByOne);
    }

    @Test
    void aResetThenAReplayFromEmptyTablesGivesExactlyTheLiveRows() {
        Projector projector = new Projector(projection());
        projector.apply(history);
        // live processing also saw the second half twice, as after a stolen claim
        projector.apply(history.subList(history.size() / 2, history.size()));
        Map<String, List<String>> live = tables().rows();

        projector.reset();
        assertThat(tables().rows().values()).as("tables after the reset")
                .allSatisfy(rows -> assertThat(rows).isEmpty());
        assertResetUndoneBeyondTables();
        projector.apply(history);

        assertThat(tables().rows()).isEqualTo(live);
    }
}
