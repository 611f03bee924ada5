package com.bumpgrade.commerce.domain.revocation;

import com.bumpgrade.commerce.domain.entitlement.Entitlement;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;

/** The exact phrases that confirm an owner's action on revocation intents; each names the intent's entitlement. */
public final class RevocationConfirmationPolicy {
    private RevocationConfirmationPolicy() {
    }

    /** Checked by the entitlement, which guards the one open intent. */
    public static String record(EntitlementId entitlement, String reason) {
        return Entitlement.phraseToRecordRevocation(entitlement, reason);
    }

    public static String confirm(RevocationIntentId id, EntitlementId entitlement) {
        return "Confirm revocation intent " + id.value() + " for entitlement " + entitlement.value();
    }

    public static String dismiss(RevocationIntentId id, EntitlementId entitlement) {
        return "Dismiss revocation intent " + id.value() + " for entitlement " + entitlement.value();
    }

    public static String cancel(RevocationIntentId id, EntitlementId entitlement) {
        return "Cancel revocation intent " + id.value() + " for entitlement " + entitlement.value();
    }
}
