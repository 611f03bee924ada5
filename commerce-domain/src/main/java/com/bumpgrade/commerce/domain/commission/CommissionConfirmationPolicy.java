package com.bumpgrade.commerce.domain.commission;

/** The exact phrases that confirm an owner's action on a commission entry. */
public final class CommissionConfirmationPolicy {
    private CommissionConfirmationPolicy() {
    }

    public static String markReviewed(CommissionEntryId id) {
        return "Mark commission " + id.value() + " reviewed";
    }

    public static String hold(CommissionEntryId id, String reason) {
        return "Hold commission " + id.value() + ": " + reason;
    }

    public static String release(CommissionEntryId id) {
        return "Release hold on commission " + id.value();
    }

    public static String reverse(CommissionEntryId id, String reason) {
        return "Reverse commission " + id.value() + ": " + reason;
    }
}
