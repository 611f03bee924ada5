package com.bumpgrade.commerce.api.security;

import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.springframework.web.server.ServerWebExchange;

import java.util.Optional;

/**
 * The authenticated caller of an API request: who, in which role, for which publisher. The publisher is
 * {@code null} exactly for the platform {@link Role#OPERATOR}, which belongs to none.
 */
public record ApiCaller(ActorId actor, Role role, PublisherId publisher) {
    static final String ATTRIBUTE = ApiCaller.class.getName();

    public ApiCaller {
        if (role.belongsToPublisher() != (publisher != null)) {
            throw new IllegalArgumentException(role.belongsToPublisher()
                    ? "the " + role.publicName() + " role needs a publisher"
                    : "the operator role belongs to no publisher");
        }
    }

    public static ApiCaller of(ServerWebExchange exchange) {
        ApiCaller caller = exchange.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("request reached a handler without authentication");
        }
        return caller;
    }

    /** The caller of an authenticated request; empty on a public route or before authentication. */
    public static Optional<ApiCaller> find(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
