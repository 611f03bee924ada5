package com.bumpgrade.commerce.domain.content;

import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

/** The content structure of one product of the publisher, and whether it was marked ready. */
public record WhatIsProductContent(PublisherId publisherId, ProductId productId) {
}
