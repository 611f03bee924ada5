package com.bumpgrade.commerce.domain.refusal;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A billing write was refused after the envelope had the caller and its headers: the refusal code, the route's
 * action, the caller's context and, when the use case had read it for the caller, the record's id. Every value
 * is one the service parsed and validated, never a raw input (D97).
 */
public record RecordRefusedWrite(@TargetAggregateIdentifier RefusedWritesId refusedWritesId, PublisherId publisherId,
                                 String action, String code, String recordId, BillingContext context,
                                 Instant refusedAt) {

    public static RecordRefusedWrite of(PublisherId publisher, String action, String code, String recordId,
                                        BillingContext context, Instant refusedAt) {
        return new RecordRefusedWrite(RefusedWritesId.forDay(publisher, refusedAt), publisher, action, code, recordId,
                context, refusedAt);
    }
}
