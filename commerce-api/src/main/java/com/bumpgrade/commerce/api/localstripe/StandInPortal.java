package com.bumpgrade.commerce.api.localstripe;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The stand-in's Customer Portal sessions, each pointing at the local portal page. */
final class StandInPortal {
    private final Map<String, ObjectNode> sessions = new ConcurrentHashMap<>();
    private final String pageBase;
    private final ObjectNode template;

    StandInPortal(String pageBase, ObjectNode template) {
        this.pageBase = pageBase;
        this.template = template;
    }

    ObjectNode create(Map<String, String> form) {
        ObjectNode portal = template.deepCopy();
        String portalId = "bps_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        portal.put("id", portalId);
        portal.put("object", "billing_portal.session");
        portal.put("customer", form.get("customer"));
        portal.put("return_url", form.get("return_url"));
        portal.put("url", pageBase + portalId);
        sessions.put(portalId, portal);
        return portal;
    }

    Optional<ObjectNode> find(String portalSessionId) {
        return Optional.ofNullable(sessions.get(portalSessionId)).map(ObjectNode::deepCopy);
    }
}
