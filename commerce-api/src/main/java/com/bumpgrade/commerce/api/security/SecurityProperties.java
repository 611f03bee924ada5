package com.bumpgrade.commerce.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * API tokens, declared as {@code bumpgrade.security.tokens[N].token|actor|role|publisher}. The token value is a
 * secret: it is never logged and is compared in constant time.
 */
@ConfigurationProperties("bumpgrade.security")
public record SecurityProperties(List<Token> tokens) {
    public SecurityProperties {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    public record Token(String token, String actor, String role, String publisher) {
        @Override
        public String toString() {
            return "Token[actor=" + actor + ", role=" + role + ", publisher=" + publisher + "]";
        }
    }
}
