package com.bumpgrade.commerce.domain.referral;

import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Names one publisher's partner as an aggregate: "ptn_" + 32 hex digits derived from the publisher and the
 * partner id, because partner ids are unique only per publisher and the event store's are global.
 */
public record PartnerRecordId(@JsonValue String value) {
    public PartnerRecordId {
        if (value == null || !value.matches("ptn_[0-9a-f]{32}")) {
            throw new IllegalArgumentException("id must look like ptn_ followed by 32 hex digits");
        }
    }

    @JsonCreator
    public static PartnerRecordId of(String value) {
        return new PartnerRecordId(value);
    }

    public static PartnerRecordId forPartner(PublisherId publisher, PartnerId partner) {
        return new PartnerRecordId(DerivedIds.hashed("ptn", "partner|" + publisher.value() + "|" + partner.value()));
    }

    @Override
    public String toString() {
        return value;
    }
}
