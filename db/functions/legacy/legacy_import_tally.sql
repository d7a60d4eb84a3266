CREATE OR REPLACE FUNCTION core.legacy_import_tally(p_source text, p_legacy_table text, p_outcomes text[], p_reasons text[], p_rows bigint[])
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY INVOKER  -- run by hq import-legacy as the deploying user, over its session's temp table
SET search_path = pg_catalog, pg_temp
AS $$
  -- Add a batch's outcome counts (outcome, reason, rows) to
  -- reference.legacy_import_outcomes; zero counts are left out.
  INSERT INTO reference.legacy_import_outcomes AS o (source, legacy_table, outcome, reason, rows)
  SELECT p_source, p_legacy_table, u.outcome, coalesce(u.reason, ''), u.n
  FROM unnest(p_outcomes, p_reasons, p_rows) AS u(outcome, reason, n)
  WHERE u.n > 0
  ON CONFLICT (source, legacy_table, outcome, reason) DO UPDATE SET rows = o.rows + excluded.rows;
$$;
COMMENT ON FUNCTION core.legacy_import_tally(text, text, text[], text[], bigint[]) IS 'hq import-legacy: add a batch''s outcome counts to reference.legacy_import_outcomes.';
