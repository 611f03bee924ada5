package com.bumpgrade.commerce.api.redaction;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.CapturedLogs;
import com.bumpgrade.commerce.api.support.FakeStripe;
import com.bumpgrade.commerce.api.support.ServiceTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 3, checked after the whole suite: no raw Stripe id or secret in any response body, log line, event
 * payload or metadata, dead letter, read model, stored idempotent response or audit entry. The private reference
 * table is the one place they may be, and it must hold some, or the scan would prove nothing.
 */
@Order(Integer.MAX_VALUE)
class RedactionScanTest extends ServiceTest {
    static final Pattern RAW_STRIPE = Pattern.compile(
            "(?<![A-Za-z0-9])(cs|pi|cus|sub|acct|evt|req|ch|in|py|pm|seti|si|sk|rk|pk|whsec|price|prod|re|dp|bpc|bps)"
                    + "_(test_|live_)?[A-Za-z0-9]{6,}");

    private static List<String> findings(String where, List<String> texts) {
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher matcher = RAW_STRIPE.matcher(text);
            while (matcher.find()) {
                found.add(where + ": " + matcher.group());
            }
            if (text.contains(FakeStripe.LEAKY_ERROR_TEXT) || text.contains("checkout.stripe.com") || text.contains("billing.stripe.com")) {
                found.add(where + ": Stripe text or URL");
            }
        }
        return found;
    }

    private List<String> column(String sql) {
        return jdbc.queryForList(sql, String.class);
    }

    @Test
    void noRawStripeValueOutsideThePrivateReferenceTable() {
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
        findings.addAll(findings("idempotent response",
                column("SELECT response_body FROM idempotency_record WHERE response_body IS NOT NULL")));

        assertThat(findings).isEmpty();
        // the suite really produced Stripe values, and they sit in the private table
        assertThat(ApiClient.allResponseBodies()).hasSizeGreaterThan(20);
        assertThat(CapturedLogs.lines()).isNotEmpty();
        assertThat(findings("vault", column("SELECT stripe_value FROM stripe_private_reference"))).isNotEmpty();
    }

    /** The single-use references in portal links are secrets too: kept only as a digest, never recorded. */
    @Test
    void noPortalLinkReferenceOutsideItsAnswer() {
        Pattern link = Pattern.compile("/portal/(prt_[0-9a-f]{64})");
        List<String> refs = new ArrayList<>();
        for (String body : ApiClient.allResponseBodies()) {
            Matcher matcher = link.matcher(body == null ? "" : body);
            while (matcher.find()) {
                refs.add(matcher.group(1));
            }
        }
        assertThat(refs).as("the suite opened portal sessions").isNotEmpty();
        List<String> places = new ArrayList<>(CapturedLogs.lines());
        places.addAll(column("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"));
        places.addAll(column("SELECT row_to_json(a)::text FROM audit_entry a"));
        places.addAll(column("SELECT row_to_json(e)::text FROM entitlement_view e"));
        places.addAll(column("SELECT row_to_json(p)::text FROM portal_reference p"));
        places.addAll(column("SELECT bumpgrade_id || ' ' || stripe_value FROM stripe_private_reference"));
        for (String ref : refs) {
            String secret = ref.substring("prt_".length());
            assertThat(places).as(ref).noneMatch(text -> text != null && text.contains(secret));
        }
    }

    @Test
    void theScanRecognisesWhatItLooksFor() {
        assertThat(findings("sample", List.of("{\"id\":\"cs_test_a1B2c3D4e5\"}", "pi_3MtwBwLkdIwHu7ix28a3tqPa",
                "Bearer sk_test_51Abc123xyz", "whsec_abcdef123456", "evt_1NG8Du2eZvKYlo2CUI79vXWy",
                "req_LeakyRequest42"))).hasSize(6);
        assertThat(findings("sample", List.of("session_failed", "checkout_intent", "chk_0123456789abcdef",
                "idempotency_key_reused", "launch-pass"))).isEmpty();
    }
}
