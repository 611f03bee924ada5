package com.bumpgrade.commerce.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error codes a route answers with a status, in the API's error shape ({@link ApiErrors}), besides those every
 * route of its kind shares (the request checks, authentication, a JSON body, the billing-write envelope), which the
 * OpenAPI document adds by itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ErrorCodes.List.class)
public @interface ErrorCodes {
    int status();

    String[] value();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ErrorCodes[] value();
    }
}
