-- Sync contract for "adding a provider workflow" (docs/pipeline.md): every
-- registry row is complete and agrees with the raw, extracted and core tables,
-- the field map, the ingest trigger, source priority and the fixtures. Each
-- assertion fails when one step of the checklist was forgotten.
BEGIN;
SELECT plan(12);
\set fixtures `ls "$HQ_FIXTURES" | tr '\n' ' '`

SELECT is_empty($$SELECT r.workflow_slug FROM reference.enrichment_workflow_registry r
                  WHERE to_regclass(r.raw_table) IS NULL$$,
  'every workflow''s raw_table exists (db/migrations: CREATE TABLE raw.*)');
SELECT is_empty($$SELECT r.workflow_slug FROM reference.enrichment_workflow_registry r
                  WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = to_regclass(r.raw_table)
                                      AND a.attname = r.key_column AND NOT a.attisdropped)$$,
  'every workflow''s key_column is a column of its raw table');
SELECT is_empty($$SELECT r.raw_table FROM reference.enrichment_workflow_registry r
                  GROUP BY r.raw_table
                  HAVING count(DISTINCT (r.key_column, r.entity_type, r.flat_columns)) > 1$$,
  'the workflows of one raw table agree on key_column, entity_type and flat_columns (core.raw_table_registration reads one)');
SELECT is_empty($$SELECT r.raw_table FROM reference.enrichment_workflow_registry r
                  WHERE r.entity_type IN ('company', 'person')
                    AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = to_regclass(r.raw_table)
                                      AND t.tgname = 'ingest' AND t.tgfoid = 'raw.tg_ingest'::regproc)$$,
  'every raw table has the ingest trigger (db/triggers/10_intake/ingest.sql, re-run by hq migrate)');
-- client leads are neither companies nor people: their raw table has its own
-- trigger, and no workflow of another entity type may be left without one
SELECT is_empty($$SELECT r.raw_table, r.entity_type FROM reference.enrichment_workflow_registry r
                  WHERE r.entity_type NOT IN ('company', 'person')
                    AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = to_regclass(r.raw_table)
                                      AND t.tgname = 'client_leads' AND r.entity_type = 'client_lead'
                                      AND t.tgfoid = 'client.tg_lead_intake'::regproc)$$,
  'the client-lead raw table has its own intake trigger (db/triggers/client/client_leads.sql); no other entity type has a pipeline');
SELECT is_empty($$SELECT r.raw_table, c.col FROM reference.enrichment_workflow_registry r
                  CROSS JOIN unnest('{workflow_slug,raw_payload,idempotency_key,created_at,extraction_status,extraction_error,processed_at,provider,platform,payload_type}'::text[]) AS c(col)
                  WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = to_regclass(r.raw_table) AND a.attname = c.col)$$,
  'every raw table has the status columns the ingest stage writes');
SELECT is_empty($$SELECT r.workflow_slug FROM reference.enrichment_workflow_registry r
                  WHERE r.extracted_table IS NOT NULL AND to_regclass(r.extracted_table) IS NULL$$,
  'every workflow''s extracted_table exists');
SELECT is_empty($$SELECT r.workflow_slug, t FROM reference.enrichment_workflow_registry r, unnest(r.core_tables) AS t
                  WHERE to_regclass(t) IS NULL$$,
  'every table in a workflow''s core_tables exists');
SELECT is_empty($$SELECT r.workflow_slug FROM reference.enrichment_workflow_registry r
                  WHERE r.is_active AND NOT EXISTS (SELECT 1 FROM reference.workflow_field_map m WHERE m.workflow_slug = r.workflow_slug)$$,
  'every active workflow has reference.workflow_field_map rows');
SELECT is_empty($$SELECT DISTINCT m.target FROM reference.workflow_field_map m
                  JOIN reference.enrichment_workflow_registry r USING (workflow_slug)
                  WHERE r.extracted_table IN ('extracted.company_profile', 'extracted.person_profile', 'extracted.person_discovery')
                    AND m.expected_type IN ('scalar', 'string', 'number')
                    -- read by the list extractor (core.extract_company_lists) or beside it
                    -- (vc_firm_*: core.upsert_vc_firms; founded: core.upsert_founded_years)
                    AND m.target NOT IN ('keywords', 'categories', 'technologies', 'naics_codes', 'investors', 'vc_firm_name', 'vc_firm_domain',
                                         'founded')
                    AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = 'reference.workflow_field_paths'::regclass
                                      AND a.attname = m.target)$$,
  'every flat field a profile workflow maps is a column of reference.workflow_field_paths (db/views/ops/workflow_field_paths.sql)');
SELECT is_empty($$SELECT DISTINCT r.source FROM reference.enrichment_workflow_registry r
                  WHERE r.coalesces_to_core AND EXISTS (SELECT 1 FROM unnest(r.core_tables) AS t WHERE t LIKE 'core.%')
                    AND NOT EXISTS (SELECT 1 FROM reference.source_priority p WHERE p.field = '*' AND p.source = r.source)$$,
  'every source that writes core dimensions has a default (''*'') survivorship priority');
SELECT is_empty(format($$SELECT r.workflow_slug FROM reference.enrichment_workflow_registry r
                  WHERE r.is_active AND NOT EXISTS (SELECT 1 FROM unnest(string_to_array(btrim(%L), ' ')) AS f
                                                     WHERE f LIKE r.workflow_slug || '.%%')$$, :'fixtures'),
  'every active workflow has a fixture payload in tests/fixtures named after its slug');

SELECT * FROM finish();
ROLLBACK;
