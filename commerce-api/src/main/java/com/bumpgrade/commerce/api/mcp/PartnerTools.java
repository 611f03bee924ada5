package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.referral.PartnerRegistration;
import com.bumpgrade.commerce.api.referral.ReferralController;
import com.bumpgrade.commerce.api.referral.RegisterPartnerRequest;
import io.modelcontextprotocol.server.McpServerFeatures;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.bumpgrade.commerce.api.mcp.ToolSchemas.billing;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.billingRequired;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.integer;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.object;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.string;

/** The referral partner tools: the owner registers partners, owners and auditors list them. */
@Component
class PartnerTools implements McpTools {
    private final ToolAnswers answers;
    private final ReferralController referrals;
    private final PartnerRegistration registration;

    PartnerTools(ToolAnswers answers, ReferralController referrals, PartnerRegistration registration) {
        this.answers = answers;
        this.referrals = referrals;
        this.registration = registration;
    }

    @Override
    public List<McpServerFeatures.AsyncToolSpecification> tools() {
        return List.of(listPartners(), registerPartner());
    }

    private McpServerFeatures.AsyncToolSpecification listPartners() {
        return answers.tool("list_partners", "Your publisher's referral partners and their codes and rates. "
                        + "Read-only, free.",
                object(Map.of()), HttpMethod.GET, "/api/commerce/partners",
                call -> ResponseEntity.ok(referrals.partners(call.exchange()).block()));
    }

    private McpServerFeatures.AsyncToolSpecification registerPartner() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("partnerId", string("1-64 lowercase letters, digits or '-', e.g. partner-ada"));
        own.put("displayName", string("At most 200 characters"));
        own.put("referralCode", string("2-64 letters, digits, '_' or '-', e.g. ADA30"));
        own.put("commissionBasisPoints", integer("The partner's share of the amount paid, 0-10000 basis points"));
        return answers.tool("register_partner", "Register a referral partner with a code and a commission rate. "
                        + "Previews without 'confirmation'; with the exact phrase the partner is registered. "
                        + "Charges nothing; later referred purchases open review-only commission entries, and "
                        + "nothing is paid out.",
                object(billing(own, false), billingRequired(false, "partnerId", "displayName", "referralCode",
                        "commissionBasisPoints")),
                HttpMethod.POST, "/api/commerce/partners",
                call -> ToolAnswers.written(registration.register(call.caller(), call.envelope(),
                        new RegisterPartnerRequest(call.text("partnerId"), call.text("displayName"),
                                call.text("referralCode"), call.integer("commissionBasisPoints"),
                                call.text("confirmation")))));
    }
}
