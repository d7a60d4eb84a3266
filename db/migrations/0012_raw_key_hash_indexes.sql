-- transactional: false
-- depends: 0011_golden_fillfactor
-- Raw key columns hold what a client sent, before the ingest trigger
-- normalizes or rejects it. A btree entry cannot exceed 2,704 bytes, so one
-- oversized key (a 6,000-character "domain") failed the whole INSERT or COPY
-- it came in, before the trigger could keep it and flag it failed. Hash
-- indexes keep a 4-byte hash of any length of key and serve the same
-- equality lookups (enrichment status, per-entity reads).
-- Raw tables are large and take writes all the time: each index is built
-- CONCURRENTLY, outside a transaction (yoyo runs each statement on its own),
-- hence one statement per index and no loop: a DO block or function runs in a
-- transaction, where CONCURRENTLY is refused.
-- A run that stops half way leaves at most an invalid index, which the next
-- run drops and builds again; the btree goes only once the hash index exists.

DROP INDEX CONCURRENTLY IF EXISTS raw.company_payloads_key_hash;
CREATE INDEX CONCURRENTLY company_payloads_key_hash ON raw.company_payloads USING hash (company_domain);
DROP INDEX CONCURRENTLY IF EXISTS raw.company_payloads_key_idx;

DROP INDEX CONCURRENTLY IF EXISTS raw.company_discovery_key_hash;
CREATE INDEX CONCURRENTLY company_discovery_key_hash ON raw.company_discovery USING hash (company_domain);
DROP INDEX CONCURRENTLY IF EXISTS raw.company_discovery_key_idx;

DROP INDEX CONCURRENTLY IF EXISTS raw.person_payloads_key_hash;
CREATE INDEX CONCURRENTLY person_payloads_key_hash ON raw.person_payloads USING hash (linkedin_url);
DROP INDEX CONCURRENTLY IF EXISTS raw.person_payloads_key_idx;

DROP INDEX CONCURRENTLY IF EXISTS raw.person_discovery_key_hash;
CREATE INDEX CONCURRENTLY person_discovery_key_hash ON raw.person_discovery USING hash (linkedin_url);
DROP INDEX CONCURRENTLY IF EXISTS raw.person_discovery_key_idx;

DROP INDEX CONCURRENTLY IF EXISTS raw.salesnav_scrapes_key_hash;
CREATE INDEX CONCURRENTLY salesnav_scrapes_key_hash ON raw.salesnav_scrapes USING hash (linkedin_url_user_profile);
DROP INDEX CONCURRENTLY IF EXISTS raw.salesnav_scrapes_key_idx;

DROP INDEX CONCURRENTLY IF EXISTS raw.company_customer_claygent_payloads_key_hash;
CREATE INDEX CONCURRENTLY company_customer_claygent_payloads_key_hash ON raw.company_customer_claygent_payloads USING hash (origin_company_domain);
DROP INDEX CONCURRENTLY IF EXISTS raw.company_customer_claygent_payloads_key_idx;

DROP INDEX CONCURRENTLY IF EXISTS raw.manual_company_customers_key_hash;
CREATE INDEX CONCURRENTLY manual_company_customers_key_hash ON raw.manual_company_customers USING hash (origin_company_domain);
DROP INDEX CONCURRENTLY IF EXISTS raw.manual_company_customers_key_idx;

DROP INDEX CONCURRENTLY IF EXISTS raw.vc_portfolio_companies_key_hash;
CREATE INDEX CONCURRENTLY vc_portfolio_companies_key_hash ON raw.vc_portfolio_companies USING hash (website_domain);
DROP INDEX CONCURRENTLY IF EXISTS raw.vc_portfolio_companies_key_idx;

DROP INDEX CONCURRENTLY IF EXISTS raw.case_study_extraction_payloads_key_hash;
CREATE INDEX CONCURRENTLY case_study_extraction_payloads_key_hash ON raw.case_study_extraction_payloads USING hash (origin_company_domain);
DROP INDEX CONCURRENTLY IF EXISTS raw.case_study_extraction_payloads_key_idx;

DROP INDEX CONCURRENTLY IF EXISTS raw.icp_payloads_key_hash;
CREATE INDEX CONCURRENTLY icp_payloads_key_hash ON raw.icp_payloads USING hash (domain);
DROP INDEX CONCURRENTLY IF EXISTS raw.icp_payloads_key_idx;
