package com.bumpgrade.commerce.api.logging;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's half of the log correlation (decision D53), built from Axon's own parts: a command dispatched during a
 * request takes the request's correlation values as metadata ({@link CommandCorrelation}); Axon's correlation
 * data mechanism copies them from the command into every event it applies, and from an event into every command
 * a reaction sends while handling it; and each event processor puts them into the MDC around every event it
 * handles, so the lines of the processing a request caused carry the request's correlation id. With DEBUG on
 * this class's logger, every handled event is logged once per group.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingCorrelation {
    private static final Logger log = LoggerFactory.getLogger(ProcessingCorrelation.class);

    /** Any CorrelationDataProvider bean replaces Axon's default one, so it is declared here too. */
    @Bean
    public static CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public static CorrelationDataProvider logCorrelationProvider() {
        return new SimpleCorrelationDataProvider(LogCorrelation.METADATA_KEYS);
    }

    @Bean
    public static ConfigurerModule logCorrelationOnEventProcessors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultHandlerInterceptor((configuration, processor) -> new EventHandling(processor)));
    }

    /** Around each event a processor handles: the event's correlation values in the MDC, then the earlier ones. */
    record EventHandling(String processor) implements MessageHandlerInterceptor<EventMessage<?>> {
        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            EventMessage<?> event = unitOfWork.getMessage();
            try (LogCorrelation.Scope scope = LogCorrelation.with(LogCorrelation.fromMetaData(event.getMetaData()))) {
                log.debug("{} handles {} {}", processor, event.getPayloadType().getSimpleName(), event.getIdentifier());
                return chain.proceed();
            }
        }
    }
}
