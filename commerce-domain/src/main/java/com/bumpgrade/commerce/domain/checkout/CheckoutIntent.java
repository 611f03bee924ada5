package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.StaleStatePolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The idempotent checkout-start record. It exists before Stripe is called, so a crash or a Stripe failure
 * never leaves a Checkout Session that Bumpgrade does not know about. Command handlers only guard and apply;
 * state changes happen in the event-sourcing handlers. Registered with Axon by the api module's configuration,
 * so the domain stays free of Spring.
 */
public class CheckoutIntent {

    @AggregateIdentifier
    private CheckoutIntentId checkoutIntentId;
    private PublisherId publisherId;
    private CheckoutStatus status;
    private String requestFingerprint;
    private int failedAttempts;

    protected CheckoutIntent() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CheckoutProgress handle(StartCheckout command) {
        if (checkoutIntentId == null) {
            if (command.lines().isEmpty()) {
                throw new BillingRuleViolation("empty_checkout", "A checkout needs at least one line.");
            }
            apply(new CheckoutStarted(command.checkoutIntentId(), command.publisherId(), command.offerId(),
                    command.mode(), command.lines(), command.total(), command.requestFingerprint(),
                    command.context(), command.requestedAt()));
            return new CheckoutProgress(command.checkoutIntentId(), CheckoutStatus.STARTED, 1, true);
        }
        if (!requestFingerprint.equals(command.requestFingerprint())) {
            throw new BillingRuleViolation("idempotency_key_reused",
                    "This idempotency key was already used for a different checkout request.");
        }
        return new CheckoutProgress(checkoutIntentId, status, failedAttempts + 1, false);
    }

    @CommandHandler
    public void handle(RecordCheckoutSessionOpened command) {
        if (status == CheckoutStatus.OPEN && command.attempt() == failedAttempts + 1) {
            return; // the same outcome recorded twice: nothing new happened
        }
        requireAwaitingAttempt(command.attempt());
        apply(new CheckoutSessionOpened(checkoutIntentId, publisherId, command.attempt(),
                command.sessionExpiresAt(), command.context(), command.openedAt()));
    }

    @CommandHandler
    public void handle(RecordCheckoutSessionFailed command) {
        requireAwaitingAttempt(command.attempt());
        apply(new CheckoutSessionFailed(checkoutIntentId, publisherId, command.attempt(), command.failure(),
                command.context(), command.failedAt()));
    }

    @CommandHandler
    public CheckoutStatus handle(ExpireCheckout command) {
        if (!publisherId.equals(command.publisherId())) {
            throw new BillingRuleViolation("not_found", "The checkout intent was not found.");
        }
        StaleStatePolicy.requireCurrent(command.expectedVersion(), AggregateLifecycle.getVersion());
        if (status == CheckoutStatus.EXPIRED) {
            return status; // already where the agent wants it
        }
        apply(new CheckoutExpired(checkoutIntentId, publisherId, ExpiryCause.AGENT_REQUEST, command.context(),
                command.requestedAt()));
        return CheckoutStatus.EXPIRED;
    }

    private void requireAwaitingAttempt(int attempt) {
        if (!status.awaitsSession()) {
            throw new BillingRuleViolation("checkout_not_awaiting_session",
                    "The checkout is " + status.publicName() + " and awaits no Checkout Session.");
        }
        if (attempt != failedAttempts + 1) {
            throw new BillingRuleViolation("stale_session_attempt",
                    "Attempt " + attempt + " is not the current attempt " + (failedAttempts + 1) + ".");
        }
    }

    @EventSourcingHandler
    void on(CheckoutStarted event) {
        checkoutIntentId = event.checkoutIntentId();
        publisherId = event.publisherId();
        requestFingerprint = event.requestFingerprint();
        status = CheckoutStatus.STARTED;
    }

    @EventSourcingHandler
    void on(CheckoutSessionOpened event) {
        status = CheckoutStatus.OPEN;
    }

    @EventSourcingHandler
    void on(CheckoutSessionFailed event) {
        status = CheckoutStatus.SESSION_FAILED;
        failedAttempts = event.attempt();
    }

    @EventSourcingHandler
    void on(CheckoutExpired event) {
        status = CheckoutStatus.EXPIRED;
    }
}
