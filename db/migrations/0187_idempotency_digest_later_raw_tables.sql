-- depends: 0186_case_study_champions_entity_key
-- The raw tables created after 0112 (client lead payloads, similar-companies
-- responses) get the column api.ingest writes beside every Idempotency-Key,
-- like the others: without it, a webhook to their workflows failed.
-- A nullable column without a default: a catalog-only change on each table.
ALTER TABLE raw.client_lead_payloads ADD COLUMN IF NOT EXISTS idempotency_digest bytea;
COMMENT ON COLUMN raw.client_lead_payloads.idempotency_digest IS 'SHA-256 of (workflow_slug, key, payload) of the delivery that first used idempotency_key (api.ingest).';
ALTER TABLE raw.company_enrich_similar_raw ADD COLUMN IF NOT EXISTS idempotency_digest bytea;
COMMENT ON COLUMN raw.company_enrich_similar_raw.idempotency_digest IS 'SHA-256 of (workflow_slug, key, payload) of the delivery that first used idempotency_key (api.ingest).';
