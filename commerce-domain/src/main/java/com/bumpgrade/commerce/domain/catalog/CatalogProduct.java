package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A product of a publisher's catalogue: what is sold (title, kind). Offers sell it at a price. */
public class CatalogProduct {
    @AggregateIdentifier
    private CatalogKey productKey;
    private PublisherId publisherId;
    private String title;
    private ProductKind kind;

    protected CatalogProduct() {
        // rebuilt from events by Axon
    }

    /** Creates or edits; the same details again change nothing, so a retried request appends nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DraftProduct command) {
        if (productKey != null && !publisherId.equals(command.publisherId())) {
            throw new BillingRuleViolation("not_found", "The product was not found.");
        }
        String newTitle = CatalogTitle.require(command.title());
        if (productKey != null && title.equals(newTitle) && kind == command.kind()) {
            return;
        }
        apply(new ProductDrafted(command.productKey(), command.publisherId(), command.productId(), newTitle,
                command.kind(), command.context(), command.at()));
    }

    @EventSourcingHandler
    void on(ProductDrafted event) {
        productKey = event.productKey();
        publisherId = event.publisherId();
        title = event.title();
        kind = event.kind();
    }
}
