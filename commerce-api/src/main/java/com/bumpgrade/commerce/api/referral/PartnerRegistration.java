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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.Map;

/** An owner registers a partner of their publisher: a confirmed billing write. Blocking (JDBC). */
@Service
public class PartnerRegistration {
    private final ReferralRegistry registry;
    private final BillingWriteEnvelope envelope;

    public PartnerRegistration(ReferralRegistry registry, BillingWriteEnvelope envelope) {
        this.registry = registry;
        this.envelope = envelope;
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
                return switch (registry.register(caller.publisher(), partner)) {
                    case REGISTERED -> WriteResult.done(HttpStatus.CREATED,
                            Map.of("status", "registered", "partner", partner));
                    case TAKEN -> WriteResult.done(HttpStatus.CONFLICT, ApiErrors.body(
                            "partner_exists", "The partner id or referral code is already registered."));
                    case NO_PUBLISHER -> throw noCatalogue();
                };
            });
        });
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
