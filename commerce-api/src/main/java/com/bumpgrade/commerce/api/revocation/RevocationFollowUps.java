package com.bumpgrade.commerce.api.revocation;

import com.bumpgrade.commerce.domain.entitlement.CloseRevocationIntent;
import com.bumpgrade.commerce.domain.revocation.StartRevocationIntent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * The second half of an intent's opening and closing, which spans two aggregates (D60): the route sends it right
 * away, so its answer and a following GET show it, and a reaction sends it again from the event, so an
 * interruption in between heals. Both commands are idempotent; when the two copies race, the event store lets
 * one append and the other gets a ConcurrencyException, and is sent once more to find the work done.
 */
@Component
public class RevocationFollowUps {
    private final CommandGateway commands;

    public RevocationFollowUps(CommandGateway commands) {
        this.commands = commands;
    }

    public void start(StartRevocationIntent command) {
        sendTwiceIfRaced(command);
    }

    public void close(CloseRevocationIntent command) {
        sendTwiceIfRaced(command);
    }

    private void sendTwiceIfRaced(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (ConcurrencyException raced) {
            commands.sendAndWait(command);
        }
    }
}
