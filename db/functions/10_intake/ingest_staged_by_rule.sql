CREATE OR REPLACE FUNCTION core.ingest_staged_by_rule(p_schema text, p_table text)
RETURNS integer
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET enable_seqscan = off
SET enable_hashjoin = off
SET enable_mergejoin = off
SET plan_cache_mode = force_custom_plan
AS $$
-- core.ingest_staged for a batch of a few rows (one webhook): every
-- statement of the pipeline probes the key indexes, whatever the statistics
-- say. A plan chosen by estimates goes wrong on the one-row path: the
-- per-transaction temp tables (pg_temp.hq_person_keys and friends) are never
-- analyzed and are estimated from their page count at hundreds of rows, the
-- arrays of a generic plan at 100 elements, and a table analyzed while small
-- looks cheap to scan; any of these turns a probe into a hash join over a
-- sequential scan of a table that grows with the warehouse. For a handful of
-- keys a nested loop of index probes is never far from the best plan, so
-- here the planner may not choose another (enable_* off makes a scan or a
-- hash/merge join the last resort, not impossible: a table with no usable
-- index is still read), and every statement is planned for this call's
-- values (force_custom_plan: a generic plan cached by a bulk batch in the
-- same session is not reused, and none made here is kept for one). The
-- settings end with this call. tests/py/test_one_row_plans.py fails when a
-- statement of the one-row path reads a core, extracted or raw table
-- without an index condition.
  SELECT core.ingest_staged(p_schema, p_table);
$$;
COMMENT ON FUNCTION core.ingest_staged_by_rule(text, text) IS
  'core.ingest_staged planned by rule (index probes, custom plans) for batches of a few rows: the one-row webhook path costs the same at any warehouse size.';
