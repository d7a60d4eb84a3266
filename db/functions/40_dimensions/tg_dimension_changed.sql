CREATE OR REPLACE FUNCTION core.tg_dimension_changed()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Statement-level AFTER INSERT/UPDATE/DELETE on a dimension table
-- (TG_ARGV[0] = 'company' or 'person'): recompute the golden rows (and so the
-- leads) of exactly the entities the statement touched, from its transition
-- tables. The ingest pipeline refreshes golden rows itself and sets
-- hq.in_pipeline while it writes, so this trigger stands aside then. Golden
-- rows written are added to hq.golden_rows for reference.rematch_log.
DECLARE
  v_key text := CASE TG_ARGV[0] WHEN 'company' THEN 'domain' ELSE 'linkedin_url' END;
  v_keys text[];
  v_rows integer;
BEGIN
  IF current_setting('hq.in_pipeline', true) = 'on' THEN
    RETURN NULL;
  END IF;
  EXECUTE core.transition_keys_sql(TG_OP, v_key) INTO v_keys;
  IF cardinality(v_keys) = 0 THEN
    RETURN NULL;
  END IF;
  IF TG_ARGV[0] = 'company' THEN
    v_rows := core.refresh_companies_full(v_keys);
  ELSE
    v_rows := core.refresh_people_full(v_keys);
  END IF;
  PERFORM set_config('hq.golden_rows', (coalesce(NULLIF(current_setting('hq.golden_rows', true), ''), '0')::int + v_rows)::text, true);
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION core.tg_dimension_changed() IS 'Keeps golden rows current after direct dimension-table changes (rematch, DBA edits), set-based per statement.';
