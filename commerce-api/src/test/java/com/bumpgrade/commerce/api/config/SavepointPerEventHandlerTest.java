package com.bumpgrade.commerce.api.config;

import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.bumpgrade.commerce.projections.shared.ProjectionJdbc;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which handlers get a savepoint, and that a failure is rolled back to it before it leaves the handler. */
class SavepointPerEventHandlerTest {
    private final List<String> calls = new ArrayList<>();
    // no unit of work here, so nothing is deferred and no statement is sent: a data source is never asked
    private final ProjectionJdbc jdbc = new ProjectionJdbc(new DriverManagerDataSource());
    private final PlatformTransactionManager transactions = new PlatformTransactionManager() {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            calls.add("savepoint:" + definition.getPropagationBehavior());
            return new SimpleTransactionStatus(false);
        }

        @Override
        public void commit(TransactionStatus status) {
            calls.add("release");
        }

        @Override
        public void rollback(TransactionStatus status) {
            calls.add("rollback");
        }
    };

    @ProcessingGroup("some-view")
    static class View {
        @EventHandler
        void on(String event) {
            if (event.equals("poison")) {
                throw new IllegalStateException("refused");
            }
        }

        @QueryHandler
        String answer(Integer question) {
            return "answer";
        }
    }

    @ProcessingGroup(ProcessingGroups.READ_MODELS)
    static class ReadModel {
        @EventHandler
        void on(String event) {
            // defers its writes: sends nothing during the handler
        }
    }

    static class Aggregate {
        @EventSourcingHandler
        void on(String event) {
        }

        @CommandHandler
        void handle(Long command) {
        }
    }

    @BeforeEach
    void inATransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
    }

    @AfterEach
    void noTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @SuppressWarnings("unchecked")
    private <T> MessageHandlingMember<T> handler(Class<T> type, Message<?> message) {
        AnnotatedHandlerInspector<T> inspector = AnnotatedHandlerInspector.inspectType(type,
                ClasspathParameterResolverFactory.forClass(type),
                MultiHandlerDefinition.ordered(new SavepointPerEventHandler(transactions, jdbc),
                        ClasspathHandlerDefinition.forClass(type)));
        return (MessageHandlingMember<T>) inspector.getHandlers(type).filter(h -> h.canHandle(message))
                .findFirst().orElseThrow();
    }

    @Test
    void aProcessingGroupEventHandlerRunsBehindASavepointAndRollsBackToItOnFailure() throws Exception {
        Message<?> healthy = GenericEventMessage.asEventMessage("healthy");
        handler(View.class, healthy).handle(healthy, new View());
        assertThat(calls).containsExactly("savepoint:" + TransactionDefinition.PROPAGATION_NESTED, "release");

        calls.clear();
        Message<?> poison = GenericEventMessage.asEventMessage("poison");
        assertThatThrownBy(() -> handler(View.class, poison).handle(poison, new View()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(calls).containsExactly("savepoint:" + TransactionDefinition.PROPAGATION_NESTED, "rollback");
    }

    @Test
    void inAProcessorBatchAReadModelHandlerThatSendsNothingOpensNoSavepointAnotherGroupsOneDoes() throws Exception {
        Message<?> event = GenericEventMessage.asEventMessage("healthy");
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(event);
        try {
            handler(ReadModel.class, event).handle(event, new ReadModel());
            assertThat(calls).as("read model").isEmpty();
            handler(View.class, event).handle(event, new View());
            assertThat(calls).as("another group").containsExactly(
                    "savepoint:" + TransactionDefinition.PROPAGATION_NESTED, "release");
        } finally {
            batch.rollback();
        }
    }

    @Test
    void queryHandlersAndAggregatesAreLeftAlone() throws Exception {
        Message<?> query = new GenericQueryMessage<>(7, ResponseTypes.instanceOf(String.class));
        handler(View.class, query).handle(query, new View());
        Message<?> sourced = GenericEventMessage.asEventMessage("sourced");
        handler(Aggregate.class, sourced).handle(sourced, new Aggregate());
        Message<?> command = GenericCommandMessage.asCommandMessage(7L);
        handler(Aggregate.class, command).handle(command, new Aggregate());
        assertThat(calls).isEmpty();
    }

    @Test
    void withoutATransactionNoneIsOpened() throws Exception {
        TransactionSynchronizationManager.setActualTransactionActive(false);
        Message<?> healthy = GenericEventMessage.asEventMessage("healthy");
        handler(View.class, healthy).handle(healthy, new View());
        assertThat(calls).isEmpty();
    }
}
