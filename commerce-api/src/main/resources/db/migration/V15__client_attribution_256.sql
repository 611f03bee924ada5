-- X-Bumpgrade-Client names a client the way User-Agent does, up to 256 characters (ClientAttribution); the read
-- model and the audit trail keep it verbatim. Widening a VARCHAR rewrites nothing in PostgreSQL.
ALTER TABLE checkout_intent_view ALTER COLUMN client TYPE VARCHAR(256);
ALTER TABLE audit_entry ALTER COLUMN client TYPE VARCHAR(256);
