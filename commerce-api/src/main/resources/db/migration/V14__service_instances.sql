-- One row per running service instance, refreshed by SegmentBalancer: how many instances share the processors'
-- segments. An instance that holds no segment has no token_entry row, so the claims alone cannot say it is there.
CREATE TABLE service_instance (
    instance_id VARCHAR(255) PRIMARY KEY,
    seen_at     TIMESTAMPTZ  NOT NULL
);
