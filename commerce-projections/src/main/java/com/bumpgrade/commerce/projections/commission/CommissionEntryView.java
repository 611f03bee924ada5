package com.bumpgrade.commerce.projections.commission;

import com.bumpgrade.commerce.projections.checkout.CheckoutIntentView;

import java.time.Instant;
import java.util.List;

/** A review-only commission entry: Bumpgrade ids, amounts in minor units, status, holds and its lines. */
public record CommissionEntryView(String entryId, String publisherId, String partnerId, String checkoutIntentId,
                                  String clickId, String status, boolean reviewed, List<String> holds,
                                  CheckoutIntentView.Amount amountPaid, int commissionBasisPoints,
                                  CheckoutIntentView.Amount commission, CheckoutIntentView.Amount reversed,
                                  CheckoutIntentView.Amount net, List<String> evidenceIds, long version,
                                  Instant createdAt, Instant updatedAt, List<Line> lines) {

    /** One ledger line: the commission itself (line 1) or a reversal (a negative amount). */
    public record Line(int lineNumber, String kind, CheckoutIntentView.Amount amount, String reason,
                       String evidenceId, String actor, Instant recordedAt) {
    }
}
