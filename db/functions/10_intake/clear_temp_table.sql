CREATE OR REPLACE FUNCTION core.clear_temp_table(p_table text)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY INVOKER  -- the work tables belong to whoever created them: the pipeline's owner
SET search_path = pg_catalog, pg_temp
AS $$
-- Empty pg_temp.<p_table>, one of the pipeline's per-session work tables
-- (created once per session ON COMMIT DELETE ROWS, see
-- docs/pipeline.md#work-tables). While the table is small (a webhook's few
-- rows) a DELETE empties it with no catalog change and no new file; once a
-- bulk statement left it large, TRUNCATE gives the space back, so a later
-- statement in the same transaction does not scan dead pages.
-- p_table is a name in pg_temp, quoted here (%I).
BEGIN
  IF pg_relation_size(format('pg_temp.%I', p_table)::regclass) > 262144 THEN
    EXECUTE format('TRUNCATE pg_temp.%I', p_table);
  ELSE
    EXECUTE format('DELETE FROM pg_temp.%I', p_table);
  END IF;
END;
$$;
COMMENT ON FUNCTION core.clear_temp_table(text) IS
  'Empty a per-session pipeline work table in pg_temp: DELETE while small (no catalog change), TRUNCATE once large.';
