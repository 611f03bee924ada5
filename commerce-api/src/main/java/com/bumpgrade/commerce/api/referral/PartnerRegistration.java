package com.bumpgrade.commerce.api.referral;

import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.ConfirmedAction;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteRequest;
import com.bumpgrade.commerce.api.envelope.WriteResult;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.PartnerRecordId;
import com.bumpgrade.commerce.domain.referral.RegisterPartner;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Map;

/**
 * An owner registers a partner of their publisher: a confirmed billing write. The lookup row (whose unique keys
 * keep ids and codes apart) and the {@code PartnerRegistered} event commit in one transaction, so the audit trail
 * has the registration exactly when the partner exists (D72). Blocking (JDBC).
 */
@Service
public class PartnerRegistration {
    private final ReferralRegistry registry;
    private final BillingWriteEnvelope envelope;
    private final CommandGateway commands;
    private final InOneTransaction transaction;
    private final Clock clock;

    public PartnerRegistration(ReferralRegistry registry, BillingWriteEnvelope envelope, CommandGateway commands,
                               InOneTransaction transaction, Clock clock) {
        this.registry = registry;
        this.envelope = envelope;
        this.commands = commands;
        this.transaction = transaction;
        this.clock = clock;
    }

    public WriteOutcome register(ApiCaller caller, HttpHeaders headers, RegisterPartnerRequest request) {
        return envelope.submit(caller, headers, WriteRequest.create("partner.register", request), write -> {
            Integer bps = requireValid(request);
            if (!registry.publisherExists(caller.publisher())) {
                throw noCatalogue();
            }
            String phrase = "Register partner " + request.partnerId() + " with code " + request.referralCode()
                    + " at " + bps + " basis points";
            return ConfirmedAction.of(phrase, request.confirmation(), Map.of(), () -> {
                ReferralRegistry.Partner partner = new ReferralRegistry.Partner(request.partnerId(),
                        request.displayName().strip(), request.referralCode(), bps, true);
                return switch (recorded(caller, write.context(), partner)) {
                    case REGISTERED -> WriteResult.done(HttpStatus.CREATED,
                            Map.of("status", "registered", "partner", partner));
                    case TAKEN -> WriteResult.done(HttpStatus.CONFLICT, ApiErrors.body(
                            "partner_exists", "The partner id or referral code is already registered."));
                    case NO_PUBLISHER -> throw noCatalogue();
                };
            });
        });
    }

    /** The row, then the event, in one transaction: a taken id or code, or a publisher gone meanwhile, rolls both back. */
    private ReferralRegistry.Registration recorded(ApiCaller caller, BillingContext context,
                                                   ReferralRegistry.Partner partner) {
        try {
            return transaction.run(() -> {
                ReferralRegistry.Registration registration = registry.register(caller.publisher(), partner);
                if (registration != ReferralRegistry.Registration.REGISTERED) {
                    throw new NotRegistered(registration);
                }
                PartnerId id = PartnerId.of(partner.partnerId());
                commands.sendAndWait(new RegisterPartner(PartnerRecordId.forPartner(caller.publisher(), id),
                        caller.publisher(), id, partner.displayName(), partner.referralCode(),
                        partner.commissionBasisPoints(), context, clock.instant()));
                return registration;
            });
        } catch (NotRegistered refused) {
            return refused.registration;
        }
    }

    /** Rolls the unit of work back: the lookup row was refused, and no event may be appended. */
    private static final class NotRegistered extends RuntimeException {
        private final ReferralRegistry.Registration registration;

        NotRegistered(ReferralRegistry.Registration registration) {
            super(registration.name(), null, false, false);
            this.registration = registration;
        }
    }

    /** The commission basis points, once every field is valid. */
    private static Integer requireValid(RegisterPartnerRequest request) {
        try {
            PartnerId.of(request.partnerId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest("invalid_field", "Field 'partnerId' must be 1-64 lower-case letters, digits or '-'.");
        }
        if (request.referralCode() == null || !request.referralCode().matches("[A-Za-z0-9_-]{2,64}")) {
            throw ApiException.badRequest("invalid_field", "Field 'referralCode' must be 2-64 letters, digits, '_' or '-'.");
        }
        if (request.displayName() == null || request.displayName().isBlank() || request.displayName().length() > 200) {
            throw ApiException.badRequest("invalid_field", "Field 'displayName' must be 1-200 characters.");
        }
        Integer bps = request.commissionBasisPoints();
        if (bps == null || bps < 0 || bps > 10_000) {
            throw ApiException.badRequest("invalid_field", "Field 'commissionBasisPoints' must be 0-10000.");
        }
        return bps;
    }

    private static ApiException noCatalogue() {
        return new ApiException(HttpStatus.CONFLICT, "publisher_has_no_catalog",
                "This publisher has no catalogue yet; partners can be registered once it has one.");
    }
}
