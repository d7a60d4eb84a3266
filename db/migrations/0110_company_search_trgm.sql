-- transactional: false
-- depends: 0014_priority_companies
-- Company search by name or domain (api.search_companies): pg_trgm's GIN
-- operator class serves similarity (%), word similarity and LIKE '%q%' on
-- the golden company rows. core.companies_full is large and written by every
-- ingest, so each index is built CONCURRENTLY, outside a transaction, one
-- statement each; a run that stops half way leaves at most an invalid index,
-- which the next run drops and builds again.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

DROP INDEX CONCURRENTLY IF EXISTS core.companies_full_name_trgm;
CREATE INDEX CONCURRENTLY companies_full_name_trgm ON core.companies_full USING gin (lower(name) public.gin_trgm_ops);

DROP INDEX CONCURRENTLY IF EXISTS core.companies_full_domain_trgm;
CREATE INDEX CONCURRENTLY companies_full_domain_trgm ON core.companies_full USING gin (domain public.gin_trgm_ops);

COMMENT ON INDEX core.companies_full_name_trgm IS 'Trigram index for company search by name (api.search_companies).';
COMMENT ON INDEX core.companies_full_domain_trgm IS 'Trigram index for company search by domain (api.search_companies).';
