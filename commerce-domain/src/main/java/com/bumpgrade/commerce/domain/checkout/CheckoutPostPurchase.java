package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.catalog.PostPurchaseStep;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.StaleStatePolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The post-purchase part of a {@link CheckoutIntent} (D88), an entity of its aggregate: whether a payment stands,
 * the path its first decision fixed and the decisions so far, all from the intent's own events. Evidence only:
 * it charges and grants nothing.
 */
public class CheckoutPostPurchase {
    private CheckoutIntentId checkoutIntentId;
    private PublisherId publisherId;
    private boolean paid;
    private List<PostPurchaseStep> path;
    private final List<PostPurchasePolicy.Decided> decisions = new ArrayList<>();

    @CommandHandler
    public void handle(RecordPostPurchaseDecision command) {
        if (!publisherId.equals(command.publisherId())) {
            throw new BillingRuleViolation("not_found", "The checkout intent was not found.");
        }
        StaleStatePolicy.requireCurrent(command.expectedVersion(), AggregateLifecycle.getVersion());
        // the path of the first decision stays the intent's, whatever the catalogue says later
        List<PostPurchaseStep> fixed = path != null ? path : List.copyOf(command.path());
        PostPurchaseStep step = PostPurchasePolicy.decide(paid, fixed, decisions, command.offerId(),
                command.decision(), command.confirmation());
        apply(new PostPurchaseDecisionRecorded(checkoutIntentId, publisherId, fixed, step, command.decision(),
                command.context(), command.at()));
    }

    @EventSourcingHandler
    void on(CheckoutStarted event) {
        checkoutIntentId = event.checkoutIntentId();
        publisherId = event.publisherId();
    }

    @EventSourcingHandler
    void on(CheckoutPaid event) {
        paid = true;
    }

    @EventSourcingHandler
    void on(CheckoutRefunded event) {
        // a fully refunded checkout is no longer paid (its status is refunded)
        paid = paid && !event.fullyRefunded();
    }

    @EventSourcingHandler
    void on(PostPurchaseDecisionRecorded event) {
        path = event.path();
        decisions.add(new PostPurchasePolicy.Decided(event.step().step(), event.decision()));
    }
}
