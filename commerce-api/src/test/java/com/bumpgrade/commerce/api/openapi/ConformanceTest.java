package com.bumpgrade.commerce.api.openapi;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.WebhookTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;

/** Answers of real flows held to the OpenAPI document the service serves (soft assertions, checked per test). */
abstract class ConformanceTest extends WebhookTest {
    protected OpenApiDocument document;
    protected SoftAssertions softly;

    @BeforeEach
    void fetchTheDocument() {
        document = new OpenApiDocument(api().get("/v3/api-docs").send().json());
        softly = new SoftAssertions();
    }

    /** The answer, after checking it against the operation of the route pattern it was sent to. */
    protected ApiClient.Response held(String method, String pattern, ApiClient.Response response) {
        return document.hold(softly, method, pattern, response);
    }
}
