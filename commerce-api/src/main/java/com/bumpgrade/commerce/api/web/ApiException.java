package com.bumpgrade.commerce.api.web;

import org.springframework.http.HttpStatus;

/** A request refused with a stable public error code and a message that is safe to show. */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    /**
     * The one not-found answer of every route: it names no record kind, so another publisher's record, a
     * closed one and one that never existed cannot be told apart (no existence oracle).
     */
    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, ApiErrors.NOT_FOUND, ApiErrors.NOT_FOUND_MESSAGE);
    }
}
