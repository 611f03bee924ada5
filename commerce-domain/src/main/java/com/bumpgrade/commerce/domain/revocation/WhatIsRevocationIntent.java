package com.bumpgrade.commerce.domain.revocation;

import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;

/** What does this revocation intent say, and where does it stand? Answered only within the asking publisher. */
public record WhatIsRevocationIntent(RevocationIntentId revocationIntentId, PublisherId publisherId) {
}
