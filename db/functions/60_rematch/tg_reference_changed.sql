CREATE OR REPLACE FUNCTION reference.tg_reference_changed()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Statement-level AFTER INSERT/UPDATE/DELETE on every reference.*_lookup
-- table, reference.job_title_rules and reference.source_priority: re-match
-- the dimension rows the changed keys (or the old and new rule patterns)
-- affect, or re-rank the golden rows of the changed sources, in the same
-- transaction; the dimension triggers carry the change to golden rows and
-- leads. Logs one reference.rematch_log row per statement.
DECLARE
  v_start timestamptz := clock_timestamp();
  v_col text;
  v_keys text[];
  v_dim integer := 0;
  v_golden integer := 0;
BEGIN
  v_col := CASE TG_TABLE_NAME WHEN 'job_title_lookup' THEN 'raw_title' WHEN 'location_lookup' THEN 'raw_location'
                              WHEN 'job_title_rules' THEN 'pattern' WHEN 'source_priority' THEN 'source'
                              ELSE 'raw_value' END;
  EXECUTE core.transition_keys_sql(TG_OP, v_col) INTO v_keys;
  IF cardinality(v_keys) = 0 THEN
    RETURN NULL;
  END IF;

  PERFORM set_config('hq.golden_rows', '0', true);
  IF TG_TABLE_NAME = 'source_priority' THEN
    v_golden := reference.reprioritize(v_keys);
  ELSIF TG_TABLE_NAME = 'job_title_rules' THEN
    v_dim := reference.rematch_title_rules(v_keys);
  ELSE
    v_dim := reference.rematch_lookup(TG_TABLE_NAME, v_keys);
  END IF;
  v_golden := v_golden + coalesce(NULLIF(current_setting('hq.golden_rows', true), ''), '0')::int;

  INSERT INTO reference.rematch_log (reference_table, operation, raw_keys, dimension_rows, golden_rows, duration_ms)
  VALUES (TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, TG_OP, v_keys, v_dim, v_golden,
          round((extract(epoch FROM clock_timestamp() - v_start) * 1000)::numeric, 3));
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION reference.tg_reference_changed() IS
  'Automatic rematch: a statement on a lookup, the title rules or source priority re-matches affected dimension rows (golden rows and leads follow) and logs it.';
