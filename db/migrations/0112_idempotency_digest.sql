-- depends: 0111_job_function_aliases
-- Idempotency keys remember what they were first used for: api.ingest stores
-- a SHA-256 digest of (workflow slug, entity key, payload as jsonb text)
-- beside the key, so a retry with the same body gets the first answer and a
-- key reused for a different body (or another workflow sharing the raw
-- table) is refused (SQLSTATE HQI22, HTTP 422 idempotency_key_reused).
-- A nullable column without a default: a catalog-only change on each table.
ALTER TABLE raw.case_study_extraction_payloads ADD COLUMN idempotency_digest bytea;
COMMENT ON COLUMN raw.case_study_extraction_payloads.idempotency_digest IS 'SHA-256 of (workflow_slug, key, payload) of the delivery that first used idempotency_key (api.ingest).';
ALTER TABLE raw.company_customer_claygent_payloads ADD COLUMN idempotency_digest bytea;
COMMENT ON COLUMN raw.company_customer_claygent_payloads.idempotency_digest IS 'SHA-256 of (workflow_slug, key, payload) of the delivery that first used idempotency_key (api.ingest).';
ALTER TABLE raw.company_discovery ADD COLUMN idempotency_digest bytea;
COMMENT ON COLUMN raw.company_discovery.idempotency_digest IS 'SHA-256 of (workflow_slug, key, payload) of the delivery that first used idempotency_key (api.ingest).';
ALTER TABLE raw.company_payloads ADD COLUMN idempotency_digest bytea;
COMMENT ON COLUMN raw.company_payloads.idempotency_digest IS 'SHA-256 of (workflow_slug, key, payload) of the delivery that first used idempotency_key (api.ingest).';
ALTER TABLE raw.icp_payloads ADD COLUMN idempotency_digest bytea;
COMMENT ON COLUMN raw.icp_payloads.idempotency_digest IS 'SHA-256 of (workflow_slug, key, payload) of the delivery that first used idempotency_key (api.ingest).';
ALTER TABLE raw.manual_company_customers ADD COLUMN idempotency_digest bytea;
COMMENT ON COLUMN raw.manual_company_customers.idempotency_digest IS 'SHA-256 of (workflow_slug, key, payload) of the delivery that first used idempotency_key (api.ingest).';
ALTER TABLE raw.person_discovery ADD COLUMN idempotency_digest bytea;
COMMENT ON COLUMN raw.person_discovery.idempotency_digest IS 'SHA-256 of (workflow_slug, key, payload) of the delivery that first used idempotency_key (api.ingest).';
ALTER TABLE raw.person_payloads ADD COLUMN idempotency_digest bytea;
COMMENT ON COLUMN raw.person_payloads.idempotency_digest IS 'SHA-256 of (workflow_slug, key, payload) of the delivery that first used idempotency_key (api.ingest).';
ALTER TABLE raw.salesnav_scrapes ADD COLUMN idempotency_digest bytea;
COMMENT ON COLUMN raw.salesnav_scrapes.idempotency_digest IS 'SHA-256 of (workflow_slug, key, payload) of the delivery that first used idempotency_key (api.ingest).';
ALTER TABLE raw.vc_portfolio_companies ADD COLUMN idempotency_digest bytea;
COMMENT ON COLUMN raw.vc_portfolio_companies.idempotency_digest IS 'SHA-256 of (workflow_slug, key, payload) of the delivery that first used idempotency_key (api.ingest).';
