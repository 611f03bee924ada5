package com.bumpgrade.commerce.domain.entitlement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The bearer reference of a buyer's portal link ("prt_" + 64 hex digits). */
class PortalReferenceTest {

    private static final String WELL_FORMED = "prt_" + "0123456789abcdef".repeat(4);

    @Test
    void aWellFormedReferenceIsAccepted() {
        assertThat(PortalReference.isWellFormed(WELL_FORMED)).isTrue();
        assertThat(PortalReference.of(WELL_FORMED).value()).isEqualTo(WELL_FORMED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "prt_0123456789abcdef0123456789abcdef", // a legacy portal session id is not a link reference
            "prt_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
            "prt_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
            "prt_0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
            "pss_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "prt_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\u0000"})
    void anythingElseIsNotAReference(String value) {
        assertThat(PortalReference.isWellFormed(value)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> PortalReference.of(value));
    }

    @Test
    void randomReferencesAreWellFormedAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String value = PortalReference.random().value();
            assertThat(PortalReference.isWellFormed(value)).isTrue();
            assertThat(seen.add(value)).isTrue();
        }
    }

    @Test
    void itsTextNeverShowsTheSecret() {
        PortalReference reference = PortalReference.of(WELL_FORMED);

        assertThat(reference.toString()).doesNotContain("0123456789abcdef");
    }
}
