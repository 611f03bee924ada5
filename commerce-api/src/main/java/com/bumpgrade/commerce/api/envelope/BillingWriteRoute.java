package com.bumpgrade.commerce.api.envelope;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a route whose handler goes through {@link BillingWriteEnvelope#submit}, so that the API's contract (the
 * OpenAPI document) names its envelope headers, its preview and the envelope's refusals. The contract test checks
 * the mark against what the route really demands: every authenticated write carries it, and If-Match is required
 * exactly where {@code targetsExistingRecord} says.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BillingWriteRoute {
    /** As {@link WriteRequest#targetsExistingRecord()}: the write needs If-Match with the record's version. */
    boolean targetsExistingRecord();

    /** The fields a preview shows besides its status, phrase and reason: a record, documented as its schema. */
    Class<?> previewFields() default Void.class;

    /** Why a confirmed write may still answer a preview, besides a missing or different phrase. */
    String[] previewReasons() default {};
}
