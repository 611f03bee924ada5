-- Bucket4j's token buckets for the public referral click route, shared by every instance (D37). One row per
-- client address for as long as its bucket is not full again; expired rows are swept. The key is a salted
-- digest of the address, never the address itself.
CREATE TABLE referral_click_bucket (
    bucket_key CHAR(64)   PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX ix_referral_click_bucket_expiry ON referral_click_bucket (expires_at);

-- The salt of those digests: random per database, so a stored key cannot be matched against a list of
-- addresses without it, and the same for every instance that shares the database.
CREATE TABLE referral_click_salt (
    id   BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    salt TEXT    NOT NULL
);
INSERT INTO referral_click_salt (salt) VALUES (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
