package com.bumpgrade.commerce.api.security;

import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.CleanText;
import com.bumpgrade.commerce.api.web.PublicBaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * Refuses, before authentication and before any handler, every request whose headers, query or path hold what
 * the service never accepts: control characters (NUL above all: PostgreSQL refuses it), bytes that are not
 * UTF-8, oversized headers or URIs, and, when the buyer URLs come from the request, a Host that is not loopback.
 * Each refusal is the API's JSON error and one short log line, never a stack trace and never the value itself.
 * Runs inside the Spring Security chain, after its header writer, so refusals carry the security headers too.
 */
public class RequestHygieneFilter implements WebFilter {
    private static final Logger log = LoggerFactory.getLogger(RequestHygieneFilter.class);
    static final int MAX_URI_LENGTH = 4096;
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private record Refusal(HttpStatus status, String code, String message) {
    }

    private final ApiErrors errors;
    private final PublicBaseUrl baseUrl;

    public RequestHygieneFilter(ApiErrors errors, PublicBaseUrl baseUrl) {
        this.errors = errors;
        this.baseUrl = baseUrl;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Refusal refusal = check(exchange.getRequest());
        if (refusal == null) {
            return chain.filter(exchange);
        }
        log.info("Refused a request: {} ({})", refusal.code(), refusal.message());
        return errors.write(exchange, refusal.status(), refusal.code(), refusal.message());
    }

    private Refusal check(ServerHttpRequest request) {
        String rawPath = request.getURI().getRawPath();
        String rawQuery = request.getURI().getRawQuery();
        int uriLength = (rawPath == null ? 0 : rawPath.length()) + (rawQuery == null ? 0 : rawQuery.length() + 1);
        if (uriLength > MAX_URI_LENGTH) {
            return new Refusal(HttpStatus.URI_TOO_LONG, "uri_too_long", "The request URI is too long.");
        }
        Refusal headers = checkHeaders(request.getHeaders());
        if (headers != null) {
            return headers;
        }
        if (baseUrl.takenFromRequest() && !PublicBaseUrl.isLoopback(request.getHeaders().getFirst(HttpHeaders.HOST))) {
            return new Refusal(HttpStatus.BAD_REQUEST, "invalid_host",
                    "Without a configured public base URL only a loopback Host is accepted.");
        }
        try {
            if (rawPath != null && !CleanText.isClean(CleanText.percentDecode(rawPath, false))) {
                return invalidPath();
            }
        } catch (IllegalArgumentException e) {
            return invalidPath();
        }
        return rawQuery == null ? null : checkQuery(rawQuery);
    }

    private static Refusal invalidPath() {
        return new Refusal(HttpStatus.BAD_REQUEST, "invalid_path",
                "The request path holds a control character or bytes that are not UTF-8.");
    }

    private static Refusal checkHeaders(HttpHeaders headers) {
        int bytes = 0;
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            String name = header.getKey();
            bytes += name.length();
            if (!isToken(name)) {
                return new Refusal(HttpStatus.BAD_REQUEST, "invalid_header", "A header name is not allowed.");
            }
            for (String value : header.getValue()) {
                bytes += value.length() + 4;
                if (!StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(value) || !CleanText.isClean(value)) {
                    return new Refusal(HttpStatus.BAD_REQUEST, "invalid_header",
                            "Header '" + name + "' holds a character that is not allowed.");
                }
            }
        }
        if (bytes > MAX_HEADER_BYTES) {
            return new Refusal(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers_too_large",
                    "The request headers are too large.");
        }
        return null;
    }

    /** RFC 9110 token characters: what a header name may be made of. */
    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Refusal checkQuery(String rawQuery) {
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            String name;
            try {
                name = CleanText.percentDecode(rawName, true);
            } catch (IllegalArgumentException e) {
                return invalidQuery(null);
            }
            if (!CleanText.isClean(name)) {
                return invalidQuery(null);
            }
            try {
                if (!CleanText.isClean(CleanText.percentDecode(rawValue, true))) {
                    return invalidQuery(name);
                }
            } catch (IllegalArgumentException e) {
                return invalidQuery(name);
            }
        }
        return null;
    }

    private static Refusal invalidQuery(String name) {
        String which = name == null || !name.matches("[A-Za-z0-9_.-]{1,64}") ? "A query parameter"
                : "Query parameter '" + name + "'";
        return new Refusal(HttpStatus.BAD_REQUEST, "invalid_field",
                which + " holds a control character or bytes that are not UTF-8.");
    }
}
