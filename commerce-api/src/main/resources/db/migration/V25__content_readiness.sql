-- Protected content readiness (issue 10 item 4, decision D85): the read model of the ProductContent aggregate,
-- built by ProductContentProjection. Structure metadata only (modules and lessons: titles, order, the asset each
-- lesson uses, a drip offset); no lesson body is stored anywhere, and nothing is delivered.
CREATE TABLE product_content_view (
    content_key     VARCHAR(40)  PRIMARY KEY,
    publisher_id    VARCHAR(64)  NOT NULL,
    product_id      VARCHAR(128) NOT NULL,
    modules         JSONB        NOT NULL,
    marked_ready    BOOLEAN      NOT NULL DEFAULT FALSE,
    marked_ready_at TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL,
    UNIQUE (publisher_id, product_id)
);
