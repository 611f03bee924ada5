package com.bumpgrade.commerce.domain.shared;

import org.hamcrest.CustomMatcher;
import org.hamcrest.Matcher;

/** Hamcrest matchers for the aggregate fixtures' {@code expectException(..)}. */
public final class RuleViolations {
    private RuleViolations() {
    }

    /** Matches a {@link BillingRuleViolation} with exactly this code (any other exception does not match). */
    public static Matcher<Object> violation(String code) {
        return new CustomMatcher<>("BillingRuleViolation with code '" + code + "'") {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof BillingRuleViolation v && code.equals(v.code());
            }
        };
    }
}
