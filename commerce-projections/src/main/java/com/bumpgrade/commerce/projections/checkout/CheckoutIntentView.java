package com.bumpgrade.commerce.projections.checkout;

import java.time.Instant;
import java.util.List;

/**
 * Public-safe state of a checkout intent: Bumpgrade ids, statuses, amounts and source evidence only
 * ({@code evidenceIds} name the webhook evidence behind each trusted change; {@code postPurchase} lists the
 * post-purchase decisions recorded after the payment, D88). Nothing in
 * here is a Stripe value; the Checkout Session itself is reachable only through the Bumpgrade redirect. With
 * {@code orderBumpMode} {@code buyer_choice}, {@code lines} and {@code total} are what was offered (the total being the
 * main line's) until the buyer paid, then what was bought.
 */
public record CheckoutIntentView(String checkoutIntentId, String publisherId, String offerId, String mode,
                                 String status, long version, List<Line> lines, Amount total,
                                 int sessionAttempts, String lastFailure, Instant createdAt, Instant updatedAt,
                                 Instant sessionExpiresAt, Source source, Amount paid, Amount refunded,
                                 Instant paidAt, int openDisputes, String disputeStatus,
                                 List<String> evidenceIds, Referral referral,
                                 List<PostPurchaseEntry> postPurchase, String orderBumpMode) {

    /** Public-safe attribution evidence: the validated referral click and its partner. */
    public record Referral(String clickId, String partnerId) {
    }

    public record Line(String offerId, String title, long quantity, Amount unitPrice, Amount lineTotal,
                       boolean orderBump) {
    }

    public record Amount(long amountMinor, String currency, String display) {
    }

    /** Who started the checkout, through which client, under which correlation id. */
    public record Source(String startedBy, String client, String correlationId) {
    }
}
