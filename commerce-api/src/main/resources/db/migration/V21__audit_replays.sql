-- Audit replays (decision D57): one row per replay an auditor started, its progress and its verdict. The shadow
-- tables a replay builds live in a schema of their own (replay_<id>), dropped when it ends.
CREATE TABLE audit_replay (
    replay_id          VARCHAR(64)  PRIMARY KEY,
    publisher_id       VARCHAR(64)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    phase              VARCHAR(16)  NOT NULL,
    events_total       BIGINT       NOT NULL DEFAULT 0,
    events_done        BIGINT       NOT NULL DEFAULT 0,
    up_to_global_index BIGINT,
    started_at         TIMESTAMPTZ  NOT NULL,
    heartbeat_at       TIMESTAMPTZ  NOT NULL,
    finished_at        TIMESTAMPTZ,
    instance_id        VARCHAR(255) NOT NULL,
    requested_by       VARCHAR(128) NOT NULL,
    client             VARCHAR(256) NOT NULL,
    correlation_id     VARCHAR(128) NOT NULL,
    verdict            VARCHAR(16),
    tables             JSONB,
    failure            VARCHAR(64)
);
-- only one replay runs at a time, across instances
CREATE UNIQUE INDEX uq_audit_replay_running ON audit_replay ((true)) WHERE status = 'running';
