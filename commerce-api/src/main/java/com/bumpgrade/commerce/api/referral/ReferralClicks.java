package com.bumpgrade.commerce.api.referral;

import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.RecordReferralClick;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.function.Function;

/**
 * Records a referral click: its lookup row (what attribution reads) and {@code ReferralClickRecorded} (what the
 * audit trail is built from) in one transaction (D73). The visitor is anonymous: actor {@code visitor}, role
 * {@code public}; the client and correlation id are the request's when it sent valid ones, else
 * {@code referral-link} and the click id. Blocking (JDBC).
 */
@Service
public class ReferralClicks {
    static final String ANONYMOUS_CLIENT = "referral-link";

    private final ReferralRegistry registry;
    private final CommandGateway commands;
    private final InOneTransaction transaction;

    public ReferralClicks(ReferralRegistry registry, CommandGateway commands, InOneTransaction transaction) {
        this.registry = registry;
        this.commands = commands;
        this.transaction = transaction;
    }

    public void record(ReferralClickId click, PublisherId publisher, PartnerId partner, HttpHeaders headers,
                       Instant at) {
        ClientAttribution client = header(headers, BillingWriteEnvelope.CLIENT, ClientAttribution::of,
                ClientAttribution.of(ANONYMOUS_CLIENT));
        CorrelationId correlation = header(headers, BillingWriteEnvelope.CORRELATION_ID, CorrelationId::of,
                CorrelationId.of(click.value()));
        BillingContext visitor = new BillingContext(ActorId.of("visitor"), "public", client, correlation, null);
        transaction.run(() -> {
            registry.recordClick(click, publisher, partner.value(), at);
            commands.sendAndWait(new RecordReferralClick(click, publisher, partner, visitor, at));
            return null;
        });
    }

    /** The header's value when the envelope would accept it; a public route refuses nothing for a bad one. */
    private static <T> T header(HttpHeaders headers, String name, Function<String, T> parser, T otherwise) {
        String value = headers.getFirst(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }
}
