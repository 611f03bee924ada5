-- Private product assets (issue 10 item 3, decisions D82-D84): the read model of the ProductAsset aggregate, built
-- by ProductAssetProjection. It describes the stored bytes (name shown, size, SHA-256, detected type) and never
-- says where they are: the storage key is derived from asset_id by the storage alone, so no column holds a key,
-- a path or a URL.
CREATE TABLE product_asset_view (
    asset_id      VARCHAR(40)  PRIMARY KEY,
    publisher_id  VARCHAR(64)  NOT NULL,
    product_id    VARCHAR(128) NOT NULL,
    display_name  VARCHAR(512) NOT NULL,
    size_bytes    BIGINT       NOT NULL CHECK (size_bytes > 0),
    sha256        CHAR(64)     NOT NULL,
    content_type  VARCHAR(128) NOT NULL,
    status        VARCHAR(16)  NOT NULL CHECK (status IN ('active', 'archived')),
    uploaded_by   VARCHAR(128) NOT NULL,
    uploaded_at   TIMESTAMPTZ  NOT NULL,
    archived_at   TIMESTAMPTZ,
    version       BIGINT       NOT NULL
);
CREATE INDEX product_asset_view_product ON product_asset_view (publisher_id, product_id, uploaded_at, asset_id);
