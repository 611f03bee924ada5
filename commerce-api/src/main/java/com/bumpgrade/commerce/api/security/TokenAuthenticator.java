package com.bumpgrade.commerce.api.security;

import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Resolves bearer tokens. Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, and every
 * declared token is compared on every call, so timing reveals neither a prefix nor which entry matched.
 */
@Component
public class TokenAuthenticator {
    private record Known(byte[] digest, ApiCaller caller) {
    }

    private final List<Known> known;

    public TokenAuthenticator(SecurityProperties properties) {
        this.known = properties.tokens().stream()
                .filter(t -> t.token() != null && !t.token().isBlank())
                .map(t -> new Known(digest(t.token()), caller(t)))
                .toList();
    }

    private static ApiCaller caller(SecurityProperties.Token token) {
        Role role = Role.parse(token.role());
        boolean named = token.publisher() != null && !token.publisher().isBlank();
        return new ApiCaller(ActorId.of(token.actor()), role, named ? PublisherId.of(token.publisher()) : null);
    }

    public Optional<ApiCaller> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] candidate = digest(presented);
        ApiCaller match = null;
        for (Known entry : known) {
            if (MessageDigest.isEqual(entry.digest(), candidate)) {
                match = entry.caller();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
