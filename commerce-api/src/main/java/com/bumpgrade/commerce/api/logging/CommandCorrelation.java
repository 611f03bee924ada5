package com.bumpgrade.commerce.api.logging;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A command dispatched where the MDC holds correlation values (a request's thread, or an event processor's
 * while it handles an event) carries them as metadata, unless the command already has them. Kept apart from
 * {@link ProcessingCorrelation}, whose beans Axon's configuration needs before the command bus exists.
 */
@Configuration(proxyBeanMethods = false)
public class CommandCorrelation implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Autowired
    void register(CommandBus commands) {
        commands.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> missing = new HashMap<>(LogCorrelation.toMetaData(LogCorrelation.current()));
            missing.keySet().removeAll(command.getMetaData().keySet());
            return missing.isEmpty() ? command : command.andMetaData(missing);
        };
    }
}
