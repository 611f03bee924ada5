package com.bumpgrade.commerce.api.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/**
 * Spring Security's view of a request: either a presented bearer token not yet checked, or the caller it
 * resolved to. The token is erased once checked and is never part of {@link #toString()}.
 */
final class CallerAuthentication extends AbstractAuthenticationToken {
    private final transient String presented;
    private final ApiCaller caller;

    private CallerAuthentication(String presented, ApiCaller caller) {
        super(caller == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
        this.presented = presented;
        this.caller = caller;
        setAuthenticated(caller != null);
    }

    static CallerAuthentication presented(String token) {
        return new CallerAuthentication(token, null);
    }

    static CallerAuthentication of(ApiCaller caller) {
        return new CallerAuthentication(null, caller);
    }

    String presentedToken() {
        return presented;
    }

    ApiCaller caller() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return caller == null ? "" : caller.actor().value();
    }

    @Override
    public String toString() {
        return caller == null ? "CallerAuthentication[unchecked]" : "CallerAuthentication[" + caller.actor() + "]";
    }
}
