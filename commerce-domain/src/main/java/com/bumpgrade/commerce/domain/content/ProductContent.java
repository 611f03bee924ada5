package com.bumpgrade.commerce.domain.content;

import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.Confirmation;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.StaleStatePolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A product's protected content structure (modules and lessons, for later course and member-area delivery) and
 * the owner's mark that it is ready for delivery. Structure metadata only: no lesson body is ever stored here,
 * and nothing is delivered.
 */
public class ProductContent {
    @AggregateIdentifier
    private ContentKey contentKey;
    private PublisherId publisherId;
    private ProductId productId;
    private List<ContentModule> modules;
    private boolean markedReady;

    protected ProductContent() {
        // rebuilt from events by Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SaveContentStructure command) {
        if (contentKey != null && !publisherId.equals(command.publisherId())) {
            throw new BillingRuleViolation("not_found", "The product was not found.");
        }
        List<ContentModule> structure = ContentStructureRule.require(command.modules());
        if (contentKey != null && modules.equals(structure)) {
            return;
        }
        apply(new ContentStructureSaved(command.contentKey(), command.publisherId(), command.productId(), structure,
                command.context(), command.at()));
    }

    @CommandHandler
    public void handle(MarkContentReady command) {
        if (!publisherId.equals(command.publisherId())) {
            throw new BillingRuleViolation("not_found", "The product was not found.");
        }
        StaleStatePolicy.requireCurrent(command.expectedVersion(), AggregateLifecycle.getVersion());
        String phrase = ContentConfirmationPolicy.markReady(productId);
        if (!Confirmation.confirms(phrase, command.confirmation())) {
            throw new BillingRuleViolation("confirmation_required", "This action needs the confirmation: " + phrase);
        }
        ContentReadiness readiness = ContentReadinessRule.evaluate(modules,
                asset -> command.assets().getOrDefault(asset, AssetState.MISSING));
        if (!readiness.ready()) {
            throw new BillingRuleViolation("content_not_ready", "The content is not ready for delivery: "
                    + readiness.reasons().stream().map(ContentReadiness.Reason::code).distinct().toList() + ".");
        }
        if (markedReady) {
            return;
        }
        apply(new ContentMarkedReady(contentKey, publisherId, productId, command.context(), command.at()));
    }

    @EventSourcingHandler
    void on(ContentStructureSaved event) {
        contentKey = event.contentKey();
        publisherId = event.publisherId();
        productId = event.productId();
        modules = event.modules();
        markedReady = false;
    }

    @EventSourcingHandler
    void on(ContentMarkedReady event) {
        markedReady = true;
    }
}
