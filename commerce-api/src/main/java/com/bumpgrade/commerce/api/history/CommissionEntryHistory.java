package com.bumpgrade.commerce.api.history;

import com.bumpgrade.commerce.domain.commission.CommissionEntryId;
import com.bumpgrade.commerce.domain.commission.CommissionEntryOpened;
import com.bumpgrade.commerce.domain.commission.CommissionHeld;
import com.bumpgrade.commerce.domain.commission.CommissionHoldReleased;
import com.bumpgrade.commerce.domain.commission.CommissionMarkedReviewed;
import com.bumpgrade.commerce.domain.commission.CommissionReversalRecorded;
import com.bumpgrade.commerce.domain.commission.CommissionReversed;
import com.bumpgrade.commerce.domain.commission.CommissionStatus;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.projections.checkout.CheckoutIntentView;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.bumpgrade.commerce.api.history.CheckoutIntentHistory.amount;

/**
 * The history of a commission entry: status, review, holds and reversed amounts as the entry's GET names them.
 * Owners' free-text reasons are left out: they are the owner's words, not a field of the entry's state.
 */
@Component
class CommissionEntryHistory implements HistoryKind {
    static final String SEGMENT = "commission-entries";

    @Override
    public String segment() {
        return SEGMENT;
    }

    @Override
    public String record() {
        return "commission_entry";
    }

    @Override
    public boolean isWellFormed(String id) {
        return CommissionEntryId.isWellFormed(id);
    }

    @Override
    public Optional<PublisherId> ownerOf(Object firstEvent) {
        return firstEvent instanceof CommissionEntryOpened opened ? Optional.of(opened.publisherId())
                : Optional.empty();
    }

    @Override
    public HistoryStep step(Object event, Map<String, Object> before) {
        if (event instanceof CommissionEntryOpened e) {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("entryId", e.entryId().value());
            changes.put("partnerId", e.partnerId().value());
            changes.put("checkoutIntentId", e.checkoutIntentId().value());
            changes.put("clickId", e.clickId().value());
            changes.put("status", CommissionStatus.PENDING_REVIEW.publicName());
            changes.put("reviewed", false);
            changes.put("holds", List.of());
            changes.put("amountPaid", amount(e.amountPaid()));
            changes.put("commissionBasisPoints", e.commissionBasisPoints());
            changes.put("commission", amount(e.commission()));
            changes.put("lineCount", 1);
            changes.put("reversed", amount(Money.of(0, e.commission().currency())));
            changes.put("net", amount(e.commission()));
            changes.put("createdAt", e.openedAt());
            return HistoryStep.fromStripe("commission_entry_opened", e.evidenceId(), changes);
        }
        if (event instanceof CommissionMarkedReviewed e) {
            Map<String, Object> changes = new LinkedHashMap<>(Map.of("reviewed", true));
            changes.put("status", status(before, changes));
            return HistoryStep.by("commission_marked_reviewed", e.context(), changes);
        }
        if (event instanceof CommissionHeld e) {
            Set<String> holds = new LinkedHashSet<>(holds(before));
            holds.add(e.holdReason().name().toLowerCase(Locale.ROOT));
            return HistoryStep.either("commission_held", e.context(), e.evidenceId(), withStatus(before, holds));
        }
        if (event instanceof CommissionHoldReleased e) {
            Set<String> holds = new LinkedHashSet<>(holds(before));
            e.released().forEach(released -> holds.remove(released.name().toLowerCase(Locale.ROOT)));
            return HistoryStep.either("commission_hold_released", e.context(), e.evidenceId(),
                    withStatus(before, holds));
        }
        if (event instanceof CommissionReversalRecorded e) {
            long reversed = minor(before, "reversed") + e.amount().amountMinor();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("reversed", amount(Money.of(reversed, e.amount().currency())));
            changes.put("net", amount(Money.of(minor(before, "commission") - reversed, e.amount().currency())));
            changes.put("lineCount", e.lineNumber());
            return HistoryStep.either("commission_reversal_recorded", e.context(), e.evidenceId(), changes);
        }
        if (event instanceof CommissionReversed e) {
            return HistoryStep.either("commission_reversed", e.context(), e.evidenceId(),
                    Map.of("status", CommissionStatus.REVERSED.publicName()));
        }
        return HistoryStep.untold(event);
    }

    private static Map<String, Object> withStatus(Map<String, Object> before, Set<String> holds) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("holds", List.copyOf(holds));
        changes.put("status", status(before, changes));
        return changes;
    }

    /** As the entry's view derives it: reversed wins, then any hold, then the review. */
    private static String status(Map<String, Object> before, Map<String, Object> changes) {
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.putAll(changes);
        CommissionStatus status = CommissionStatus.REVERSED.publicName().equals(after.get("status"))
                ? CommissionStatus.REVERSED
                : !holds(after).isEmpty() ? CommissionStatus.ON_HOLD
                : Boolean.TRUE.equals(after.get("reviewed")) ? CommissionStatus.REVIEWED
                : CommissionStatus.PENDING_REVIEW;
        return status.publicName();
    }

    @SuppressWarnings("unchecked")
    private static List<String> holds(Map<String, Object> state) {
        return state.get("holds") instanceof List<?> list ? (List<String>) list : new ArrayList<>();
    }

    private static long minor(Map<String, Object> state, String field) {
        return state.get(field) instanceof CheckoutIntentView.Amount amount ? amount.amountMinor() : 0;
    }
}
