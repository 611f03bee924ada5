package com.bumpgrade.commerce.api.config;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntent;
import com.bumpgrade.commerce.domain.catalog.CatalogOffer;
import com.bumpgrade.commerce.domain.asset.ProductAsset;
import com.bumpgrade.commerce.domain.content.ProductContent;
import com.bumpgrade.commerce.domain.catalog.CatalogProduct;
import com.bumpgrade.commerce.domain.commission.CommissionLedger;
import com.bumpgrade.commerce.domain.entitlement.Entitlement;
import com.bumpgrade.commerce.domain.revocation.RevocationIntent;
import com.bumpgrade.commerce.domain.referral.Partner;
import com.bumpgrade.commerce.domain.referral.ReferralClick;
import com.bumpgrade.commerce.domain.refusal.RefusedWrites;
import com.bumpgrade.commerce.domain.webhook.StripeEventEvidence;
import com.bumpgrade.commerce.api.deadletter.DeadLetterAttempts;
import com.bumpgrade.commerce.projections.shared.ProjectionJdbc;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Registers the domain's aggregates (the domain module has no Spring annotations) and makes every processing
 * group propagate handler failures: Axon's default would log the failure and skip the event, silently losing a
 * read-model row. Propagated failures are parked in the group's dead-letter queue (application.yml enables one
 * for every group) with an attempt counter, retried by {@code RetryDeadLetters} a bounded number of times, and
 * after that kept for inspection and re-driving. Each event handler runs behind a savepoint
 * ({@link SavepointPerEventHandler}), so a failed SQL statement cannot spoil the dead-letter insert or the rest of
 * the batch. Processor transactions commit asynchronously ({@link AsynchronousCommit}), and processors are woken
 * when events arrive ({@link EventArrivalSignal}).
 */
@Configuration(proxyBeanMethods = false)
public class AxonProcessingConfiguration {

    @Bean
    public ConfigurerModule aggregatesAndErrorHandling(TransactionManager transactions, JdbcTemplate jdbc) {
        return configurer -> {
            configurer.configureAggregate(CheckoutIntent.class);
            configurer.configureAggregate(StripeEventEvidence.class);
            configurer.configureAggregate(CommissionLedger.class);
            configurer.configureAggregate(Entitlement.class);
            configurer.configureAggregate(RevocationIntent.class);
            configurer.configureAggregate(CatalogProduct.class);
            configurer.configureAggregate(CatalogOffer.class);
            configurer.configureAggregate(ProductAsset.class);
            configurer.configureAggregate(ProductContent.class);
            configurer.configureAggregate(Partner.class);
            configurer.configureAggregate(ReferralClick.class);
            configurer.configureAggregate(RefusedWrites.class);
            configurer.eventProcessing(processing -> processing
                    .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                    .registerDefaultDeadLetterPolicy(c -> DeadLetterAttempts.countingPolicy())
                    .registerDefaultTransactionManager(c -> new AsynchronousCommit(transactions, jdbc)));
        };
    }

    /** Every group's {@code source} in application.yml names this bean (Axon's default would be the store). */
    @Bean
    public EventArrivalSignal eventArrivalSignal(@Lazy EventStore events) {
        // lazy: Axon's event store bean needs the configuration that this class's ConfigurerModule is part of
        return new EventArrivalSignal(events);
    }

    /** Axon's Spring Boot autoconfiguration applies every HandlerEnhancerDefinition bean to all annotated handlers. */
    @Bean
    public HandlerEnhancerDefinition savepointPerEventHandler(PlatformTransactionManager transactions,
                                                              ProjectionJdbc jdbc) {
        return new SavepointPerEventHandler(transactions, jdbc);
    }
}
