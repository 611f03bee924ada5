package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.Confirmation;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.StaleStatePolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One offer of a publisher's catalogue and its price. A draft is free to edit; publishing and archiving are
 * confirmed and stale-state checked; a published price never changes (a different price is a different offer);
 * an archived offer is final.
 */
public class CatalogOffer {
    @AggregateIdentifier
    private CatalogKey offerKey;
    private PublisherId publisherId;
    private OfferId offerId;
    private ProductId productId;
    private String title;
    private OfferRole role;
    private CatalogPrice price;
    private OfferStatus status;
    private boolean stripeMapped;
    private List<OfferId> orderBumps = List.of();

    protected CatalogOffer() {
        // rebuilt from events by Axon
    }

    /** Creates or edits a draft; the same draft again changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DraftOffer command) {
        String newTitle = CatalogTitle.require(command.title());
        if (offerKey != null) {
            requireOwn(command.publisherId());
            boolean same = title.equals(newTitle) && role == command.role() && price.equals(command.price())
                    && productId.equals(command.productId());
            if (status == OfferStatus.ARCHIVED) {
                throw new BillingRuleViolation("offer_archived", "The offer is archived; create a new offer.");
            }
            if (status == OfferStatus.PUBLISHED && !same) {
                throw new BillingRuleViolation("offer_published", "A published offer and its price cannot change; "
                        + "a different price is a new offer (archive this one, then create it).");
            }
            if (same) {
                return;
            }
        }
        apply(new OfferDrafted(command.offerKey(), command.publisherId(), command.offerId(), command.productId(),
                newTitle, command.role(), command.price(), command.context(), command.at()));
    }

    /** Once: a later adoption of the same seed finds the aggregate and appends nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AdoptSeededOffer command) {
        if (offerKey != null) {
            requireOwn(command.publisherId());
            return;
        }
        apply(new SeededOfferAdopted(command.offerKey(), command.publisherId(), command.offerId(),
                command.productId(), command.title(), command.role(), command.price(), command.context(),
                command.at(), command.orderBumpOfferIds()));
    }

    @CommandHandler
    public void handle(PublishOffer command) {
        requireOwnerAction(command.publisherId(), command.expectedVersion(), command.confirmation(),
                CatalogConfirmationPolicy.publish(title, price));
        if (status == OfferStatus.PUBLISHED) {
            throw new BillingRuleViolation("offer_published", "The offer is already published.");
        }
        apply(new OfferPublished(offerKey, publisherId, offerId, price, command.context(), command.at()));
    }

    @CommandHandler
    public void handle(ArchiveOffer command) {
        requireOwnerAction(command.publisherId(), command.expectedVersion(), command.confirmation(),
                CatalogConfirmationPolicy.archive(title));
        apply(new OfferArchived(offerKey, publisherId, offerId, command.context(), command.at()));
    }

    /** The same list again appends nothing. */
    @CommandHandler
    public void handle(SetOrderBumps command) {
        requireOwnerAction(command.publisherId(), command.expectedVersion(), command.confirmation(),
                CatalogConfirmationPolicy.setOrderBumps(title, command.bumpOfferIds()));
        OrderBumpListPolicy.require(offerId, role, command.bumpOfferIds());
        if (orderBumps.equals(command.bumpOfferIds())) {
            return;
        }
        apply(new OfferOrderBumpsSet(offerKey, publisherId, offerId, command.bumpOfferIds(), command.context(),
                command.at()));
    }

    /** Recorded once; a mapping of another price than the published one is a programming error, refused. */
    @CommandHandler
    public void handle(RecordOfferStripeMapping command) {
        if (status == OfferStatus.DRAFT || !price.priceId().equals(command.priceId())) {
            throw new BillingRuleViolation("offer_not_published", "Only a published price is mapped to Stripe.");
        }
        if (stripeMapped) {
            return;
        }
        apply(new OfferStripeMapped(offerKey, publisherId, offerId, price.priceId(), command.context(),
                command.at()));
    }

    /** The post-purchase path after this main offer (issue 9, D87); the offers are checked by the path's rule. */
    @CommandHandler
    public void handle(SetPostPurchasePath command) {
        requireOwn(command.publisherId());
        List<PostPurchaseStep> steps = PostPurchasePathPolicy.steps(publisherId, role, price, command.upsell(),
                command.downsell());
        requireOwnerAction(command.publisherId(), command.expectedVersion(), command.confirmation(),
                PostPurchasePathPolicy.phrase(title, steps));
        apply(new PostPurchasePathSet(offerKey, publisherId, offerId, steps, command.context(), command.at()));
    }

    private void requireOwn(PublisherId caller) {
        if (!publisherId.equals(caller)) {
            throw new BillingRuleViolation("not_found", "The offer was not found.");
        }
    }

    private void requireOwnerAction(PublisherId caller, Long expectedVersion, String confirmation, String phrase) {
        requireOwn(caller);
        StaleStatePolicy.requireCurrent(expectedVersion, AggregateLifecycle.getVersion());
        if (!Confirmation.confirms(phrase, confirmation)) {
            throw new BillingRuleViolation("confirmation_required", "This action needs the confirmation: " + phrase);
        }
        if (status == OfferStatus.ARCHIVED) {
            throw new BillingRuleViolation("offer_archived", "The offer is archived; nothing more can change.");
        }
    }

    @EventSourcingHandler
    void on(OfferDrafted event) {
        become(event.offerKey(), event.publisherId(), event.offerId(), event.productId(), event.title(),
                event.role(), event.price(), OfferStatus.DRAFT);
    }

    @EventSourcingHandler
    void on(SeededOfferAdopted event) {
        // a seed is adopted as it stands: already published
        become(event.offerKey(), event.publisherId(), event.offerId(), event.productId(), event.title(),
                event.role(), event.price(), OfferStatus.PUBLISHED);
        orderBumps = event.orderBumpOfferIds();
    }

    private void become(CatalogKey offerKey, PublisherId publisherId, OfferId offerId, ProductId productId,
                        String title, OfferRole role, CatalogPrice price, OfferStatus status) {
        this.offerKey = offerKey;
        this.publisherId = publisherId;
        this.offerId = offerId;
        this.productId = productId;
        this.title = title;
        this.role = role;
        this.price = price;
        this.status = status;
    }

    @EventSourcingHandler
    void on(OfferPublished event) {
        status = OfferStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(OfferArchived event) {
        status = OfferStatus.ARCHIVED;
    }

    @EventSourcingHandler
    void on(OfferOrderBumpsSet event) {
        orderBumps = event.bumpOfferIds();
    }

    @EventSourcingHandler
    void on(OfferStripeMapped event) {
        stripeMapped = Objects.equals(event.priceId(), price.priceId());
    }
}
