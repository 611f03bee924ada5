package com.bumpgrade.commerce.domain.shared;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The typed ids share one validation rule: 1-128 of letters, digits, '.', '_', ':' or '-', starting alphanumeric.
 * Client attribution names clients the way User-Agent does and has its own rule ({@link ClientAttributionTest}).
 */
class TypedIdentifiersTest {

    private static final List<Named<Function<String, Object>>> FACTORIES = List.of(
            Named.of("ActorId", ActorId::of),
            Named.of("PublisherId", PublisherId::of),
            Named.of("OfferId", OfferId::of),
            Named.of("IdempotencyKey", IdempotencyKey::of),
            Named.of("CorrelationId", CorrelationId::of));

    private static final String MAX_LENGTH = "a" + "b".repeat(127);

    static Stream<Arguments> goodValues() {
        return FACTORIES.stream().flatMap(factory -> Stream.of(
                "a", "pub_acme", "agent-7", "idem.0001", "urn:bumpgrade:actor:42", "0abc", MAX_LENGTH)
                .map(value -> Arguments.of(factory, value)));
    }

    static Stream<Arguments> badValues() {
        return FACTORIES.stream().flatMap(factory -> Stream.of(
                null, "", " ", "_leading", "-leading", ".leading", "has space", "slash/ed", "pipe|d",
                "new\nline", "ünicode", "quote'd", MAX_LENGTH + "c", " padded")
                .map(value -> Arguments.of(factory, value)));
    }

    @ParameterizedTest
    @MethodSource("goodValues")
    void safeValuesAreAcceptedAndKeptVerbatim(Function<String, Object> factory, String value) {
        Object id = factory.apply(value);

        assertThat(id).hasToString(value);
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void unsafeValuesAreRefused(Function<String, Object> factory, String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> factory.apply(value));
    }

    @Test
    void maximumLengthIs128Characters() {
        assertThat(MAX_LENGTH).hasSize(128);
        assertThatCode(() -> PublisherId.of(MAX_LENGTH)).doesNotThrowAnyException();
        assertThatIllegalArgumentException().isThrownBy(() -> PublisherId.of(MAX_LENGTH + "x"));
    }

    @Test
    void errorNamesTheKindOfIdButNotTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKey.of("secret value"))
                .withMessageStartingWith("idempotency key must be")
                .withMessageNotContaining("secret value");
    }

    @Test
    void idsWithEqualValuesAreEqual() {
        assertThat(PublisherId.of("pub_acme")).isEqualTo(new PublisherId("pub_acme"))
                .isNotEqualTo(PublisherId.of("pub_other"));
    }

    @Test
    void systemContextIsAttributedToStripeWithoutAnIdempotencyKey() {
        BillingContext context = BillingContext.system("stripe", CorrelationId.of("corr-1"));

        assertThat(context.actor()).isEqualTo(ActorId.of("stripe"));
        assertThat(context.client()).isEqualTo(ClientAttribution.of("stripe-webhook"));
        assertThat(context.correlationId()).isEqualTo(CorrelationId.of("corr-1"));
        assertThat(context.idempotencyKey()).isNull();
    }
}
