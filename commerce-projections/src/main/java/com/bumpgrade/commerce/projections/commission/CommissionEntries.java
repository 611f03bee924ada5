package com.bumpgrade.commerce.projections.commission;

import com.bumpgrade.commerce.projections.checkout.CheckoutIntentView;

import java.util.List;

/** Entries matching a query, with totals per currency (commission, reversed and net, in minor units). */
public record CommissionEntries(List<CommissionEntryView> entries, List<Total> totals) {
    public record Total(String currency, CheckoutIntentView.Amount commission, CheckoutIntentView.Amount reversed,
                        CheckoutIntentView.Amount net, int entries) {
    }
}
