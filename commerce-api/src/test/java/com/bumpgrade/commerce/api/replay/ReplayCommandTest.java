package com.bumpgrade.commerce.api.replay;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.projections.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operators' replay from the command line, against the service's database. */
class ReplayCommandTest extends ServiceTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int replay(String... args) {
        out.reset();
        err.reset();
        return ReplayCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void itReplaysWithAProgressBarAndExitsOneWhenALiveRowDiffers() {
        String id = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("cli"), "corr-cli").json(Map.of("offerId", "launch-pass",
                        "confirmation", "Create checkout for Bumpgrade launch pass at 9.00 USD")).send()
                .json().path("checkoutIntentId").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_entry WHERE subject_id = ?", Long.class, id) == 2);
        TestDatabase.Database database = TestDatabase.get();
        String[] args = {"--publisher=demo", "--url=" + database.url(), "--user=" + database.username(),
                "--password=" + database.password(), "--page-size=7"};

        assertThat(replay(args)).as(out + "\n" + err).isZero();
        assertThat(err.toString()).contains("[##############################] 100%").contains("events");
        assertThat(out.toString()).contains("checkout_intent_view     equal").contains("verdict: equal");

        String status = jdbc.queryForObject("SELECT status FROM checkout_intent_view WHERE checkout_intent_id = ?",
                String.class, id);
        jdbc.update("UPDATE checkout_intent_view SET status = 'tampered' WHERE checkout_intent_id = ?", id);
        try {
            assertThat(replay(args)).isEqualTo(1);
            assertThat(out.toString()).contains("checkout_intent_view     DIFFERS").contains(id)
                    .contains("verdict: differs");
        } finally {
            jdbc.update("UPDATE checkout_intent_view SET status = ? WHERE checkout_intent_id = ?", status, id);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.schemata "
                + "WHERE schema_name LIKE 'replay_%'", Long.class)).isZero();
        assertThat(replay("--url=" + database.url())).isEqualTo(2);
        assertThat(err.toString()).startsWith("usage: replay --publisher=");
    }
}
