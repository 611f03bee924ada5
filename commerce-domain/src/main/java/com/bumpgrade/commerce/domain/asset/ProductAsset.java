package com.bumpgrade.commerce.domain.asset;

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

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The record of one private product asset: what was uploaded (name, size, SHA-256, detected type), by whom and
 * when, and whether it is still in use. The bytes live in the asset storage, under a key derived from the id.
 */
public class ProductAsset {
    @AggregateIdentifier
    private AssetId assetId;
    private PublisherId publisherId;
    private ProductId productId;
    private String displayName;
    private String sha256;
    private long sizeBytes;
    private AssetStatus status;

    protected ProductAsset() {
        // rebuilt from events by Axon
    }

    /** Once: the same upload again (a retry that stored the same bytes) appends nothing; other bytes are refused. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordProductAsset command) {
        if (assetId != null) {
            if (!publisherId.equals(command.publisherId())) {
                throw new BillingRuleViolation("not_found", "The asset was not found.");
            }
            if (sha256.equals(command.sha256()) && sizeBytes == command.sizeBytes()) {
                return;
            }
            throw new BillingRuleViolation("idempotency_key_reused",
                    "This Idempotency-Key already recorded an upload of other bytes.");
        }
        String name = AssetDisplayName.sanitize(command.displayName());
        String phrase = AssetConfirmationPolicy.upload(name, command.sizeBytes(), command.productId());
        if (!Confirmation.confirms(phrase, command.confirmation())) {
            throw new BillingRuleViolation("confirmation_required", "This upload needs the confirmation: " + phrase);
        }
        if (command.sizeBytes() <= 0 || command.sha256() == null || !command.sha256().matches("[0-9a-f]{64}")) {
            throw new BillingRuleViolation("invalid_asset", "An asset has bytes and their SHA-256.");
        }
        apply(new ProductAssetRecorded(command.assetId(), command.publisherId(), command.productId(), name,
                command.sizeBytes(), command.sha256(), command.contentType(), command.context(), command.at()));
    }

    @CommandHandler
    public void handle(ArchiveProductAsset command) {
        if (!publisherId.equals(command.publisherId())) {
            throw new BillingRuleViolation("not_found", "The asset was not found.");
        }
        StaleStatePolicy.requireCurrent(command.expectedVersion(), AggregateLifecycle.getVersion());
        String phrase = AssetConfirmationPolicy.archive(displayName, productId);
        if (!Confirmation.confirms(phrase, command.confirmation())) {
            throw new BillingRuleViolation("confirmation_required", "This action needs the confirmation: " + phrase);
        }
        if (status == AssetStatus.ARCHIVED) {
            throw new BillingRuleViolation("asset_archived", "The asset is already archived.");
        }
        apply(new ProductAssetArchived(assetId, publisherId, productId, command.context(), command.at()));
    }

    @EventSourcingHandler
    void on(ProductAssetRecorded event) {
        assetId = event.assetId();
        publisherId = event.publisherId();
        productId = event.productId();
        displayName = event.displayName();
        sha256 = event.sha256();
        sizeBytes = event.sizeBytes();
        status = AssetStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ProductAssetArchived event) {
        status = AssetStatus.ARCHIVED;
    }
}
