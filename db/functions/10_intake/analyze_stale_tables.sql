CREATE OR REPLACE FUNCTION core.analyze_stale_tables()
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- ANALYZE every raw, extracted and core table that holds more than twice
-- (and over 1,000) the live rows its statistics say. The batch statements
-- join a batch's keys to these tables; a table analyzed while empty but
-- still many pages long is estimated at zero rows until analyzed again, and
-- the planner then scans it once per key, which makes a batch many times
-- slower (docs/benchmarks.md). With autovacuum working (it analyzes at 10%
-- change) this finds nothing. SKIP_LOCKED: never waits for a
-- concurrent ANALYZE or VACUUM of the same table. Off with
-- SET hq.auto_analyze = 'off'. Returns how many tables it analyzed.
DECLARE
  v_table record;
  v_count integer := 0;
BEGIN
  IF current_setting('hq.auto_analyze', true) = 'off' THEN
    RETURN 0;
  END IF;
  FOR v_table IN
    SELECT n.nspname, c.relname
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname IN ('raw', 'extracted', 'core') AND c.relkind = 'r'
      AND c.reltuples >= 0  -- never analyzed (-1): the planner sizes it from its pages
      AND pg_catalog.pg_stat_get_live_tuples(c.oid) > greatest(1000, 2 * c.reltuples)
    ORDER BY 1, 2
  LOOP
    EXECUTE format('ANALYZE (SKIP_LOCKED) %I.%I', v_table.nspname, v_table.relname);
    v_count := v_count + 1;
  END LOOP;
  RETURN v_count;
END;
$$;
COMMENT ON FUNCTION core.analyze_stale_tables() IS
  'ANALYZE (SKIP_LOCKED) the raw/extracted/core tables whose live rows exceed twice their statistics; run by the ingest trigger; off with hq.auto_analyze = off.';
