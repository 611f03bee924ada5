package com.bumpgrade.commerce.domain.checkout;

/** Who or what ended a checkout intent before payment. */
public enum ExpiryCause {
    AGENT_REQUEST
}
