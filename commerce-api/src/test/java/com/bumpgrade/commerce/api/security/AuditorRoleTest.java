package com.bumpgrade.commerce.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor reads; its one write is starting a replay, which changes no billing state. Re-drive, like every
 * other write, is not the auditor's (the refusal itself is asserted over HTTP in WebhookEvidenceAccessTest).
 */
class AuditorRoleTest {

    @Test
    void theAuditorsOnlyWriteIsStartingAReplay() {
        // /mcp is the MCP transport, open to every role: each tool keeps its route's roles (McpEndToEndTest)
        List<String> auditorWrites = RouteAccess.RULES.stream()
                .filter(rule -> !rule.method().equals(HttpMethod.GET) && rule.roles().contains(Role.AUDITOR))
                .filter(rule -> !rule.pattern().equals("/mcp"))
                .map(rule -> rule.method() + " " + rule.pattern()).toList();

        assertThat(auditorWrites).containsExactly("POST /api/commerce/audit/replays");
    }

    @Test
    void reDriveIsTheOwnersAlone() {
        assertThat(RouteAccess.of(HttpMethod.POST, "/api/commerce/stripe/webhook-events/{evidenceId}/redrive"))
                .get().extracting(RouteAccess.Rule::roles).isEqualTo(List.of(Role.OWNER));
    }
}
