package com.bumpgrade.commerce.api.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import java.net.URI;

/**
 * The base of the Bumpgrade URLs handed to buyers and Stripe (redirect and return pages). Configured with
 * bumpgrade.public-base-url in production; otherwise taken from the request.
 */
@Component
public class PublicBaseUrl {
    private final String configured;

    public PublicBaseUrl(@Value("${bumpgrade.public-base-url:}") String configured) {
        this.configured = configured == null ? "" : configured.replaceAll("/+$", "");
    }

    public String of(ServerHttpRequest request) {
        if (!configured.isEmpty()) {
            return configured;
        }
        URI uri = request.getURI();
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
