package com.bumpgrade.commerce.api.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Buyer URLs are configuration; only a local set-up takes them from the request, and then only from loopback. */
class PublicBaseUrlTest {

    private static MockServerHttpRequest requestWithHost(String host) {
        return MockServerHttpRequest.get("http://" + host + "/api/commerce/checkout").header("Host", host).build();
    }

    @Test
    void startUpFailsWithAClearMessageWhenNoBaseIsConfiguredOutsideALocalProfile() {
        assertThatThrownBy(() -> new PublicBaseUrl("", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BUMPGRADE_PUBLIC_BASE_URL")
                .hasMessageContaining("demo and local profiles");
        assertThatThrownBy(() -> new PublicBaseUrl("   ", false)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pay.example.com", "ftp://pay.example.com", "https://"})
    void aConfiguredBaseMustBeAnAbsoluteHttpUrl(String configured) {
        assertThatThrownBy(() -> new PublicBaseUrl(configured, false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aConfiguredBaseIsUsedWhateverHostTheCallerSends() {
        PublicBaseUrl base = new PublicBaseUrl("https://pay.bumpgrade.example/", false);
        assertThat(base.takenFromRequest()).isFalse();
        assertThat(base.of(requestWithHost("evil.example:8443"))).isEqualTo("https://pay.bumpgrade.example");
        assertThat(base.of(requestWithHost("127.0.0.1:8080"))).isEqualTo("https://pay.bumpgrade.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8080", "LOCALHOST:8080", "127.0.0.1", "127.0.0.1:18080",
            "127.255.0.9:1", "[::1]", "[::1]:8080"})
    void aLocalSetUpTakesALoopbackHostFromTheRequest(String host) {
        PublicBaseUrl base = new PublicBaseUrl("", true);
        assertThat(base.takenFromRequest()).isTrue();
        assertThat(PublicBaseUrl.isLoopback(host)).isTrue();
        assertThat(base.of(requestWithHost(host))).isEqualTo("http://" + host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:8443", "127.0.0.1.evil.example", "localhost.evil.example",
            "127.0.0.1:80@evil.example", "127.0.0.256", "128.0.0.1", "[::2]", "[::1", "localhost:http", " "})
    void aLocalSetUpRefusesEveryOtherHost(String host) {
        PublicBaseUrl base = new PublicBaseUrl("", true);
        assertThat(PublicBaseUrl.isLoopback(host)).isFalse();
        assertThatThrownBy(() -> base.of(MockServerHttpRequest.get("http://127.0.0.1/x").header("Host", host).build()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_host"));
    }
}
