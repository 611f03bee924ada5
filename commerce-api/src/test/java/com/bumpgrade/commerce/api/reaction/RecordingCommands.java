package com.bumpgrade.commerce.api.reaction;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A command gateway that records every command sent, in order, and answers each with what the test said the
 * aggregate would answer (or throws what it would throw). Reaction tests assert on {@link #sent()}: exactly
 * these commands, and nothing else.
 */
public final class RecordingCommands implements CommandGateway {
    private final List<Object> sent = new ArrayList<>();
    private final Map<Class<?>, Function<Object, Object>> answers = new HashMap<>();

    public <C> RecordingCommands answer(Class<C> type, Function<C, Object> answer) {
        answers.put(type, command -> answer.apply(type.cast(command)));
        return this;
    }

    public <C> RecordingCommands refuse(Class<C> type, RuntimeException failure) {
        return answer(type, command -> {
            throw failure;
        });
    }

    public List<Object> sent() {
        return List.copyOf(sent);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R sendAndWait(Object command) {
        sent.add(command);
        Function<Object, Object> answer = answers.get(command.getClass());
        return answer == null ? null : (R) answer.apply(command);
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return sendAndWait(command);
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        try {
            return CompletableFuture.completedFuture(sendAndWait(command));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        throw new UnsupportedOperationException("reactions send and wait");
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        throw new UnsupportedOperationException();
    }
}
