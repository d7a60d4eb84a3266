-- The property docs/scale-out.md relies on: every raw, extracted, core and
-- client table has an entity key column (its distribution column on Citus),
-- and every primary or unique key includes it, except the keys listed here,
-- which the document names as the ones blocking distribution today. A new
-- table without an entity key, or a new unique key without it, fails this
-- test: extend the design (and the list) on purpose, not by accident.
BEGIN;
SELECT plan(3);

CREATE TEMP TABLE scale_out_tables ON COMMIT DROP AS
SELECT c.oid AS relid, n.nspname || '.' || c.relname AS table_name,
       (SELECT k.col FROM unnest(ARRAY['client_domain', 'domain', 'linkedin_url', 'origin_company_domain', 'website_domain',
                                       'company_domain', 'source_domain', 'linkedin_url_user_profile', 'identifier'])
                          WITH ORDINALITY AS k(col, ord)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = k.col AND NOT a.attisdropped
        ORDER BY k.ord LIMIT 1) AS entity_key
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname IN ('raw', 'extracted', 'core', 'client') AND c.relkind IN ('r', 'p')
  -- operational state that stays on the coordinator (docs/scale-out.md,
  -- "Coordinator-local tables"): the webhook dead letters, refused before any
  -- entity key was known, and the outbound work's bookkeeping
  AND n.nspname || '.' || c.relname <> ALL (ARRAY[
    'raw.rejected_requests', 'raw.company_enrich_similar_batches', 'raw.company_enrich_similar_batch_items',
    'raw.salesnav_exports', 'raw.salesnav_clay_outbox', 'core.job_errors', 'core.outbound_rate_limits',
    -- replicated to every node as a Citus reference table ("Reference tables"):
    -- the VC firms every company's investors resolve to
    'core.vc_firms']);

SELECT is(ARRAY(SELECT table_name FROM scale_out_tables WHERE entity_key IS NULL ORDER BY 1),
          ARRAY[]::text[],
          'every raw/extracted/core/client table has an entity key column (its distribution column)');

-- unique keys (constraints or indexes) that do not contain the table's entity key
SELECT is(ARRAY(
  SELECT t.table_name || ' ' || coalesce(con.conname, ic.relname)
  FROM scale_out_tables t
  JOIN pg_catalog.pg_index i ON i.indrelid = t.relid AND i.indisunique
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
  LEFT JOIN pg_catalog.pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = t.relid AND con.contype IN ('p', 'u')
  WHERE t.entity_key IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                    WHERE a.attrelid = t.relid AND a.attname = t.entity_key AND a.attnum = ANY (i.indkey))
  ORDER BY 1),
  ARRAY(SELECT x FROM unnest(ARRAY[
    -- surrogate ids of the two entity tables (docs/scale-out.md: "Keys that block distribution")
    'core.companies companies_pkey', 'core.people people_pkey',
    -- client leads: the row id and the raw delivery they came from
    'client.leads leads_pkey', 'client.leads leads_raw_id_key',
    -- case studies: the row id their champions reference
    'extracted.case_study_details case_study_details_pkey', 'extracted.case_study_champions case_study_champions_pkey']
    -- every raw table: the row id and the delivery's idempotency key
    || ARRAY(SELECT r || s FROM (SELECT DISTINCT raw_table AS r FROM reference.enrichment_workflow_registry) reg,
                          unnest(ARRAY[' ' || split_part(r, '.', 2) || '_pkey',
                                       ' ' || split_part(r, '.', 2) || '_idempotency_key_key']) s)) x ORDER BY 1),
  'the unique keys without the entity key are exactly the ones docs/scale-out.md lists');

SELECT is(ARRAY(SELECT DISTINCT entity_key FROM scale_out_tables WHERE table_name LIKE 'core.%' ORDER BY 1),
          ARRAY['domain', 'identifier', 'linkedin_url', 'origin_company_domain'],
          'core tables are keyed by a company domain, a person URL, or (person_identifiers) an identifier');

SELECT * FROM finish();
ROLLBACK;
