package com.bumpgrade.commerce.domain.content;

/** What readiness knows of an asset a lesson names: in use, archived, or not there (no record, or no bytes). */
public enum AssetState {
    ACTIVE, ARCHIVED, MISSING
}
