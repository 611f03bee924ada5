package com.bumpgrade.commerce.api.history;

import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeClosed;
import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutExpired;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutLine;
import com.bumpgrade.commerce.domain.checkout.CheckoutItemsBought;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaymentFailed;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaymentRejected;
import com.bumpgrade.commerce.domain.checkout.CheckoutReferralAttributed;
import com.bumpgrade.commerce.domain.checkout.CheckoutRefunded;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionExpired;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionFailed;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.checkout.OrderBumpMode;
import com.bumpgrade.commerce.domain.checkout.CheckoutStatus;
import com.bumpgrade.commerce.domain.checkout.PostPurchaseDecisionRecorded;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.projections.checkout.CheckoutIntentView;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The history of a checkout intent: its fields as the intent's GET names them. */
@Component
class CheckoutIntentHistory implements HistoryKind {
    static final String SEGMENT = "checkout-intents";

    @Override
    public String segment() {
        return SEGMENT;
    }

    @Override
    public String record() {
        return "checkout_intent";
    }

    @Override
    public boolean isWellFormed(String id) {
        return CheckoutIntentId.isWellFormed(id);
    }

    @Override
    public Optional<PublisherId> ownerOf(Object firstEvent) {
        return firstEvent instanceof CheckoutStarted started ? Optional.of(started.publisherId()) : Optional.empty();
    }

    @Override
    public HistoryStep step(Object event, Map<String, Object> before) {
        if (event instanceof CheckoutStarted e) {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("checkoutIntentId", e.checkoutIntentId().value());
            changes.put("offerId", e.offerId().value());
            changes.put("mode", e.mode().name().toLowerCase(Locale.ROOT));
            changes.put("status", CheckoutStatus.STARTED.publicName());
            changes.put("lines", e.lines().stream().map(CheckoutIntentHistory::line).toList());
            changes.put("total", amount(e.total()));
            changes.put("refunded", amount(Money.of(0, e.total().currency())));
            changes.put("openDisputes", 0);
            changes.put("createdAt", e.startedAt());
            changes.put("source", Map.of("startedBy", e.context().actor().value(), "client",
                    e.context().client().value(), "correlationId", e.context().correlationId().value()));
            if (e.orderBumpMode() == OrderBumpMode.BUYER_CHOICE) {
                changes.put("orderBumpMode", e.orderBumpMode().publicName());
            }
            return HistoryStep.by("checkout_started", e.context(), changes);
        }
        if (event instanceof CheckoutReferralAttributed e) {
            return new HistoryStep("checkout_referral_attributed", null, HistoryStep.Origin.CALLER, null,
                    Map.of("referral", Map.of("clickId", e.attribution().clickId().value(),
                            "partnerId", e.attribution().partnerId().value())));
        }
        if (event instanceof CheckoutSessionOpened e) {
            Map<String, Object> changes = status(CheckoutStatus.OPEN);
            changes.put("sessionAttempts", e.attempt());
            changes.put("sessionExpiresAt", e.sessionExpiresAt());
            return HistoryStep.by("checkout_session_opened", e.context(), changes);
        }
        if (event instanceof CheckoutSessionFailed e) {
            Map<String, Object> changes = status(CheckoutStatus.SESSION_FAILED);
            changes.put("sessionAttempts", e.attempt());
            changes.put("lastFailure", e.failure().name().toLowerCase(Locale.ROOT));
            return HistoryStep.by("checkout_session_failed", e.context(), changes);
        }
        if (event instanceof CheckoutExpired e) {
            Map<String, Object> changes = status(CheckoutStatus.EXPIRED);
            changes.put("expiryCause", e.cause().name().toLowerCase(Locale.ROOT));
            return HistoryStep.by("checkout_expired", e.context(), changes);
        }
        if (event instanceof PostPurchaseDecisionRecorded e) {
            return postPurchase(e, before);
        }
        return stripeStep(event, before);
    }

    /** A post-purchase decision (D88) adds to the intent's postPurchase list, as its GET shows it. */
    private static HistoryStep postPurchase(PostPurchaseDecisionRecorded e, Map<String, Object> before) {
        List<Object> decisions = new ArrayList<>(before.get("postPurchase") instanceof List<?> list ? list : List.of());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("step", e.step().step());
        entry.put("offerId", e.step().offerId().value());
        entry.put("kind", e.step().role().publicName());
        entry.put("title", e.step().title());
        entry.put("price", amount(e.step().price().amount()));
        entry.put("decision", e.decision().publicName());
        decisions.add(entry);
        return HistoryStep.by("checkout_post_purchase_decision_recorded", e.context(),
                Map.of("postPurchase", decisions));
    }

    /** The changes verified webhooks cause: each carries the evidence id of its webhook. */
    private static HistoryStep stripeStep(Object event, Map<String, Object> before) {
        if (event instanceof CheckoutItemsBought e) {
            return HistoryStep.fromStripe("checkout_items_bought", e.evidenceId(), Map.of("lines",
                    e.lines().stream().map(CheckoutIntentHistory::line).toList(), "total", amount(e.total())));
        }
        if (event instanceof CheckoutPaid e) {
            Map<String, Object> changes = status(CheckoutStatus.PAID);
            changes.put("paid", amount(e.amountPaid()));
            changes.put("paidAt", e.paidAt());
            return HistoryStep.fromStripe("checkout_paid", e.evidenceId(), changes);
        }
        if (event instanceof CheckoutPaymentRejected e) {
            // the intent's state stays; what was refused is kept as evidence of the attempt
            return HistoryStep.fromStripe("checkout_payment_rejected", e.evidenceId(), Map.of("lastRejection",
                    Map.of("reasons", e.reasons(), "amountReported", amount(e.amountReported()))));
        }
        if (event instanceof CheckoutPaymentFailed e) {
            return HistoryStep.fromStripe("checkout_payment_failed", e.evidenceId(), status(CheckoutStatus.FAILED));
        }
        if (event instanceof CheckoutSessionExpired e) {
            Map<String, Object> changes = status(CheckoutStatus.EXPIRED);
            changes.put("expiryCause", "stripe");
            return HistoryStep.fromStripe("checkout_session_expired", e.evidenceId(), changes);
        }
        if (event instanceof CheckoutRefunded e) {
            Map<String, Object> changes = e.fullyRefunded() ? status(CheckoutStatus.REFUNDED) : new LinkedHashMap<>();
            changes.put("refunded", amount(e.refundedTotal()));
            return HistoryStep.fromStripe(e.fullyRefunded() ? "checkout_refunded" : "checkout_partially_refunded",
                    e.evidenceId(), changes);
        }
        int open = before.get("openDisputes") instanceof Integer n ? n : 0;
        if (event instanceof CheckoutDisputeOpened e) {
            return HistoryStep.fromStripe("checkout_dispute_opened", e.evidenceId(), Map.of("openDisputes", open + 1,
                    "disputeStatus", e.disputeStatus()));
        }
        if (event instanceof CheckoutDisputeClosed e) {
            return HistoryStep.fromStripe("checkout_dispute_closed", e.evidenceId(), Map.of("openDisputes",
                    Math.max(open - 1, 0), "disputeStatus", e.disputeStatus()));
        }
        return HistoryStep.untold(event);
    }

    private static Map<String, Object> line(CheckoutLine line) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("offerId", line.offerId().value());
        fields.put("title", line.title());
        fields.put("quantity", line.quantity());
        fields.put("unitPrice", amount(line.unitPrice()));
        fields.put("orderBump", line.orderBump());
        return fields;
    }

    private static Map<String, Object> status(CheckoutStatus status) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", status.publicName());
        return changes;
    }

    static CheckoutIntentView.Amount amount(Money money) {
        return new CheckoutIntentView.Amount(money.amountMinor(), money.currency(), money.display());
    }
}
