package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.PublisherId;

/** What does this commission entry hold, line by line? Answered only within the asking publisher. */
public record WhatIsCommissionEntry(CommissionEntryId entryId, PublisherId publisherId) {
}
