package com.bumpgrade.commerce.api.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Locale;

/**
 * The base of the Bumpgrade URLs handed to buyers and Stripe (redirect, return and portal pages). It is
 * configuration ({@code bumpgrade.public-base-url}), never a header a caller chooses. Only a local set-up (the
 * demo, local and test profiles set {@code bumpgrade.loopback-base-url}) may leave it empty; then the base is
 * taken from the request, and only a loopback Host is accepted (see {@code RequestHygieneFilter}).
 */
@Component
public class PublicBaseUrl {
    private final String configured;

    public PublicBaseUrl(@Value("${bumpgrade.public-base-url:}") String configured,
                         @Value("${bumpgrade.loopback-base-url:false}") boolean loopbackAllowed) {
        this.configured = configured == null ? "" : configured.trim().replaceAll("/+$", "");
        if (this.configured.isEmpty() && !loopbackAllowed) {
            throw new IllegalStateException("bumpgrade.public-base-url (BUMPGRADE_PUBLIC_BASE_URL) must be set: it is "
                    + "the base of the URLs given to buyers and Stripe. Only the demo and local profiles may leave "
                    + "it empty (they take a loopback Host from the request).");
        }
        if (!this.configured.isEmpty()) {
            URI uri;
            try {
                uri = new URI(this.configured);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException("bumpgrade.public-base-url must be an absolute http(s) URL.");
            }
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalStateException("bumpgrade.public-base-url must be an absolute http(s) URL.");
            }
        }
    }

    /** True when the base comes from the request (local set-ups only). */
    public boolean takenFromRequest() {
        return configured.isEmpty();
    }

    public String of(ServerHttpRequest request) {
        if (!configured.isEmpty()) {
            return configured;
        }
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        if (!isLoopback(host)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_host",
                    "Without a configured public base URL only a loopback Host is accepted.");
        }
        return request.getURI().getScheme() + "://" + host;
    }

    /** localhost, 127.0.0.0/8 or [::1], with an optional port. */
    public static boolean isLoopback(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        String port = "";
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0) {
                return false;
            }
            port = host.substring(end + 1);
            host = host.substring(0, end + 1);
        } else if (host.indexOf(':') >= 0) {
            port = host.substring(host.indexOf(':'));
            host = host.substring(0, host.indexOf(':'));
        }
        if (!port.isEmpty() && !port.matches(":[0-9]{1,5}")) {
            return false;
        }
        return host.equals("localhost") || host.equals("[::1]")
                || host.matches("127\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){2}");
    }
}
