package com.bumpgrade.commerce.api.redaction;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.CapturedLogs;
import com.bumpgrade.commerce.api.support.FakeStripe;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule 3, checked over what the whole suite left behind: no raw Stripe id or secret in any response body, log
 * line, event payload or metadata, dead letter, read model, stored idempotent response or audit entry, and no
 * portal link reference outside its answer. The private reference table is the one place Stripe values may be,
 * and it must hold some, or the scan would prove nothing. Run by {@link RedactionScanListener} after the suite.
 */
final class RedactionScan {
    static final Pattern RAW_STRIPE = Pattern.compile(
            "(?<![A-Za-z0-9_])(cs|pi|cus|sub|acct|evt|req|ch|in|py|pm|seti|si|sk|rk|pk|whsec|price|prod|re|dp|bpc|bps)"
                    + "_(test_|live_)?[A-Za-z0-9]{6,}");
    private static final Pattern PORTAL_LINK = Pattern.compile("/portal/(prt_[0-9a-f]{64})");

    private final JdbcTemplate jdbc;

    RedactionScan(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static List<String> findings(String where, List<String> texts) {
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher matcher = RAW_STRIPE.matcher(text);
            while (matcher.find()) {
                found.add(where + ": " + matcher.group());
            }
            if (text.contains(FakeStripe.LEAKY_ERROR_TEXT) || text.contains("checkout.stripe.com")
                    || text.contains("billing.stripe.com")) {
                found.add(where + ": Stripe text or URL");
            }
        }
        return found;
    }

    private List<String> column(String sql) {
        return jdbc.queryForList(sql, String.class);
    }

    /** Every finding, and every reason the scan would prove nothing; empty when the suite kept rule 3. */
    List<String> run() {
        List<String> findings = new ArrayList<>();
        findings.addAll(noRawStripeValueOutsideThePrivateReferenceTable());
        findings.addAll(noPortalLinkReferenceOutsideItsAnswer());
        return findings;
    }

    private List<String> noRawStripeValueOutsideThePrivateReferenceTable() {
        List<String> findings = new ArrayList<>();
        findings.addAll(findings("response", ApiClient.allResponseBodies()));
        findings.addAll(findings("log", CapturedLogs.lines()));
        findings.addAll(findings("event payload",
                column("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry")));
        findings.addAll(findings("event metadata",
                column("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE meta_data IS NOT NULL")));
        findings.addAll(findings("snapshot", column("SELECT convert_from(payload, 'UTF8') FROM snapshot_event_entry")));
        findings.addAll(findings("dead letter", column("SELECT convert_from(payload, 'UTF8') || ' ' || "
                + "coalesce(cause_message, '') FROM dead_letter_entry")));
        findings.addAll(findings("audit", column("SELECT row_to_json(a)::text FROM audit_entry a")));
        findings.addAll(findings("checkout view", column("SELECT row_to_json(v)::text FROM checkout_intent_view v")));
        findings.addAll(findings("webhook evidence",
                column("SELECT row_to_json(w)::text FROM webhook_evidence_view w")));
        findings.addAll(findings("commission entries",
                column("SELECT row_to_json(c)::text FROM commission_entry_view c")));
        findings.addAll(findings("commission lines", column("SELECT row_to_json(l)::text FROM commission_line_view l")));
        findings.addAll(findings("referral clicks", column("SELECT row_to_json(r)::text FROM referral_click r")));
        findings.addAll(findings("entitlements", column("SELECT row_to_json(e)::text FROM entitlement_view e")));
        findings.addAll(findings("revocation intents",
                column("SELECT row_to_json(r)::text FROM revocation_intent_view r")));
        findings.addAll(findings("idempotent response",
                column("SELECT response_body FROM idempotency_record WHERE response_body IS NOT NULL")));

        // the suite really produced Stripe values, and they sit in the private table
        if (ApiClient.allResponseBodies().size() <= 20) {
            findings.add("proves nothing: only " + ApiClient.allResponseBodies().size() + " responses were kept");
        }
        if (CapturedLogs.lines().isEmpty()) {
            findings.add("proves nothing: no log line was captured");
        }
        if (findings("vault", column("SELECT stripe_value FROM stripe_private_reference")).isEmpty()) {
            findings.add("proves nothing: the private reference table holds no Stripe value");
        }
        return findings;
    }

    /** The single-use references in portal links are secrets too: kept only as a digest, never recorded. */
    private List<String> noPortalLinkReferenceOutsideItsAnswer() {
        List<String> refs = new ArrayList<>();
        for (String body : ApiClient.allResponseBodies()) {
            Matcher matcher = PORTAL_LINK.matcher(body == null ? "" : body);
            while (matcher.find()) {
                refs.add(matcher.group(1));
            }
        }
        if (refs.isEmpty()) {
            return List.of("proves nothing: the suite opened no portal session");
        }
        List<String> places = new ArrayList<>(CapturedLogs.lines());
        places.addAll(column("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"));
        places.addAll(column("SELECT row_to_json(a)::text FROM audit_entry a"));
        places.addAll(column("SELECT row_to_json(e)::text FROM entitlement_view e"));
        places.addAll(column("SELECT row_to_json(p)::text FROM portal_reference p"));
        places.addAll(column("SELECT bumpgrade_id || ' ' || stripe_value FROM stripe_private_reference"));
        List<String> findings = new ArrayList<>();
        for (String ref : refs) {
            String secret = ref.substring("prt_".length());
            if (places.stream().anyMatch(text -> text != null && text.contains(secret))) {
                findings.add("portal link reference recorded: " + ref.substring(0, 8) + "...");
            }
        }
        return findings;
    }
}
