package com.bumpgrade.commerce.domain.shared;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** X-Bumpgrade-Client names a client the way User-Agent does: product tokens, versions, comments; nothing else. */
class ClientAttributionTest {
    private static final String FULL = "my-agent/2.3.1 (+https://example.com/bot)";

    @Nested
    class Accepted {
        @ParameterizedTest
        @ValueSource(strings = {
                "my-agent/2.3.1 (+https://example.com/bot)",
                "my-agent/1.2.0",
                "my-agent",
                "curl/8.5.0",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
                "agent/1.0 (nested (comments) are fine) helper/0.1",
                "agent/1.0 (an escaped \\) paren and \\( another)",
                "agent/1.0 (punctuation: \"quotes\", <angles>, {braces}; all=visible ASCII!)",
                "agent/1.0  (two spaces between)",
                "tool/v2+build.7 lib/!#$%&'*+-.^_`|~",
                "x",
                "urn:bumpgrade:client:42"})
        void userAgentFormsAreKeptVerbatim(String value) {
            assertThat(ClientAttribution.of(value)).hasToString(value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "api-test", "stripe-webhook", "scheduler", "idem.0001", "urn:bumpgrade:actor:42",
                "0abc"})
        void everyValueOfTheEarlierRuleIsStillAccepted(String value) {
            assertThat(ClientAttribution.of(value).value()).isEqualTo(value);
        }

        @Test
        void upTo256Characters() {
            String longest = "a/" + "1".repeat(ClientAttribution.MAX_LENGTH - 2);
            assertThat(ClientAttribution.of(longest).value()).hasSize(256);
            String withComment = FULL + " (" + "c".repeat(ClientAttribution.MAX_LENGTH - FULL.length() - 3) + ")";
            assertThat(ClientAttribution.of(withComment).value()).hasSize(256);
        }
    }

    @Nested
    class Refused {
        static Stream<String> controlAndLineSplitting() {
            return Stream.of("agent/1.0\r\nX-Forged: 1", "agent/1.0\n", "agent/1.0\rnext", "agent/1.0 (a\nb)",
                    "agent/1.0\tlib/2", "agent/1.0 (tab\there)", "agent\u0000", "agent/1.0 (\u0000)", "agent\u001b[31m",
                    "agent\u007f", "agent/1.0 (\u0085)", "agent/1.0 (\u2028)", "agent/1.0 (\u2029)", "agent\u000b",
                    "agent\f");
        }

        @ParameterizedTest
        @MethodSource("controlAndLineSplitting")
        void controlCharactersAndLineSeparatorsAnywhere(String value) {
            assertThatIllegalArgumentException().isThrownBy(() -> ClientAttribution.of(value));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", " agent", "agent ", "_agent", "-agent", "(comment) first", "/1.0", "agent/",
                "agent/1.0/2", "agent//1", "agent (unclosed", "agent (a (b)", "agent closed)", "agent(no-space)",
                "agent/1.0 (x)lib", "agent \"quoted\"", "agent, other", "agent;v=1", "agent@host", "agent=1",
                "agent [x]", "agent {x}", "agent/1.0 (bad escape \\", "ünicode/1", "agent/1.0 (é)", "agent/1.0 é",
                "agent/1.0 (((((((((nine deep)))))))))"})
        void whatIsNoProductOrComment(String value) {
            assertThatIllegalArgumentException().isThrownBy(() -> ClientAttribution.of(value));
        }

        @Test
        void nullAndOver256Characters() {
            assertThatIllegalArgumentException().isThrownBy(() -> ClientAttribution.of(null));
            assertThatIllegalArgumentException().isThrownBy(() -> ClientAttribution.of("a/" + "1".repeat(255)));
            assertThatIllegalArgumentException().isThrownBy(() -> ClientAttribution.of(FULL + " ("
                    + "c".repeat(ClientAttribution.MAX_LENGTH - FULL.length() - 2) + ")"));
        }

        @Test
        void theErrorNamesTheRuleButNotTheValue() {
            assertThatIllegalArgumentException().isThrownBy(() -> ClientAttribution.of("secret\nvalue"))
                    .withMessageStartingWith("client attribution must be")
                    .withMessageNotContaining("secret");
        }
    }
}
