-- Sync contract for "adding a dimension" (docs/pipeline.md): every dimension
-- named in the name maps (reference.single_value_dimensions,
-- reference.list_dimensions) has its lookup, extracted column, core table and
-- columns, golden column, golden-refresh trigger and rematch trigger. Each
-- assertion fails when one step of the checklist was forgotten.
BEGIN;
SELECT plan(11);

-- single-value dimensions: one raw and one matched column, matched by reference.match_values(match_kind)
SELECT is_empty($$SELECT d.dimension_table, c.col FROM reference.single_value_dimensions() d
                  CROSS JOIN LATERAL unnest(ARRAY['domain', 'source', 'updated_at', d.raw_column, d.matched_column]) AS c(col)
                  WHERE NOT EXISTS (SELECT 1 FROM information_schema.columns i
                                    WHERE i.table_schema = 'core' AND i.table_name = d.dimension_table AND i.column_name = c.col)$$,
  'single-value dimensions: the core table has domain, source, updated_at and its raw and matched columns (db/migrations)');
SELECT is_empty($$SELECT d.dimension_table FROM reference.single_value_dimensions() d
                  WHERE to_regclass('reference.' || d.lookup_table) IS NULL$$,
  'single-value dimensions: the lookup table exists');
SELECT is_empty($$SELECT d.dimension_table FROM reference.single_value_dimensions() d
                  WHERE NOT EXISTS (SELECT 1 FROM information_schema.columns i WHERE i.table_schema = 'extracted'
                                      AND i.table_name = 'company_profile' AND i.column_name = d.extracted_column)
                     OR NOT EXISTS (SELECT 1 FROM information_schema.columns i WHERE i.table_schema = 'reference'
                                      AND i.table_name = 'workflow_field_paths' AND i.column_name = d.extracted_column)$$,
  'single-value dimensions: the extracted column exists in extracted.company_profile and reference.workflow_field_paths');
SELECT is_empty($$SELECT d.dimension_table FROM reference.single_value_dimensions() d
                  WHERE NOT EXISTS (SELECT 1 FROM information_schema.columns i WHERE i.table_schema = 'core'
                                      AND i.table_name = 'companies_full' AND i.column_name = d.match_kind)$$,
  'single-value dimensions: core.companies_full has the golden column (named as the match kind)');
SELECT is_empty($$SELECT d.dimension_table FROM reference.single_value_dimensions() d
                  WHERE NOT EXISTS (SELECT 1 FROM reference.golden_fields() f
                                    WHERE f.entity = 'company' AND f.dimension_table = d.dimension_table
                                      AND d.matched_column = ANY (f.value_columns) AND d.match_kind = ANY (f.golden_columns))$$,
  'single-value dimensions: survivorship picks the golden column from the matched column (a row of reference.golden_fields)');
-- the survivorship field map itself: every table and column it names exists
SELECT is_empty($$SELECT f.entity, f.field, c.col FROM reference.golden_fields() f
                  CROSS JOIN LATERAL unnest(ARRAY[f.key_column, 'source', 'updated_at'] || f.value_columns
                                            || coalesce(f.any_of, '{}') || array_remove(ARRAY[f.current_column, f.recency_column], NULL)) AS c(col)
                  WHERE NOT EXISTS (SELECT 1 FROM information_schema.columns i
                                    WHERE i.table_schema = 'core' AND i.table_name = f.dimension_table AND i.column_name = c.col)
                  UNION ALL
                  SELECT f.entity, f.field, g.col FROM reference.golden_fields() f CROSS JOIN LATERAL unnest(f.golden_columns) AS g(col)
                  WHERE NOT EXISTS (SELECT 1 FROM information_schema.columns i
                                    WHERE i.table_schema = 'core' AND i.column_name = g.col
                                      AND i.table_name = CASE f.entity WHEN 'company' THEN 'companies_full' ELSE 'people_full' END)$$,
  'reference.golden_fields: every dimension table, value column and golden column it names exists (db/functions/50_golden/golden_fields.sql)');
SELECT lives_ok($$SELECT count(*) FROM reference.single_value_dimensions() d, reference.match_values(d.match_kind, ARRAY['x'])$$,
  'single-value dimensions: reference.match_values knows every match kind');
SELECT is_empty($$SELECT d.dimension_table FROM reference.single_value_dimensions() d
                  WHERE NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = to_regclass('core.' || d.dimension_table)
                                      AND t.tgname = 'golden_after_insert')
                     OR NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = to_regclass('reference.' || d.lookup_table)
                                      AND t.tgname = 'rematch_after_insert')$$,
  'single-value dimensions: golden refresh trigger on the core table, rematch trigger on the lookup (db/triggers)');

-- list dimensions: (domain, value, source) rows added from extracted.company_list_values
SELECT is_empty($$SELECT d.dimension_table, c.col FROM reference.list_dimensions() d
                  CROSS JOIN LATERAL unnest(ARRAY['domain', 'source', d.value_column]
                                            || CASE WHEN d.has_platform THEN ARRAY['platform'] ELSE '{}' END) AS c(col)
                  WHERE NOT EXISTS (SELECT 1 FROM information_schema.columns i
                                    WHERE i.table_schema = 'core' AND i.table_name = d.dimension_table AND i.column_name = c.col)$$,
  'list dimensions: the core table has domain, source and the value column (and platform where has_platform)');
SELECT is_empty($$SELECT d.dimension_table FROM reference.list_dimensions() d
                  WHERE NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indrelid = to_regclass('core.' || d.dimension_table)
                                      AND x.indisunique)$$,
  'list dimensions: the core table has a unique key, so a repeated value is skipped (ON CONFLICT DO NOTHING)');
SELECT is_empty($$SELECT d.list_name FROM reference.list_dimensions() d
                  WHERE d.list_name <> 'social_urls'  -- built from the 'socials' object, not a same-named target
                    AND NOT EXISTS (SELECT 1 FROM reference.workflow_field_map m WHERE m.target = d.list_name)$$,
  'list dimensions: some workflow maps each list (reference.workflow_field_map target = list_name)');

SELECT * FROM finish();
ROLLBACK;
