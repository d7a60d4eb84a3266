CREATE OR REPLACE FUNCTION core.process_staged_batch_by_rule(
  p_schema text, p_table text, p_key_column text, p_entity_type text, p_flat_columns boolean)
RETURNS integer
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET enable_hashjoin = off
SET enable_mergejoin = off
SET plan_cache_mode = force_custom_plan
AS $$
-- core.process_staged_batch for a batch of a few rows (one webhook): every join of
-- the pipeline is a nested loop, which for a handful of keys probes the key
-- indexes whatever the statistics say. A plan chosen by estimates goes
-- wrong on the one-row path: the per-transaction temp tables are estimated
-- from their page count at hundreds of rows, the arrays of a generic plan at
-- 100 elements, and a hash join over a sequential scan of a table that grows
-- with the warehouse then looks cheaper than a few probes. enable_* off
-- makes hash and merge joins a last resort, not impossible; sequential
-- scans stay allowed (the temp tables have no index, and disabling them
-- would add the same huge cost to every plan and blur the comparison of the
-- rest). force_custom_plan: every statement is planned for this call's
-- values, a generic plan cached by a bulk batch in the same session is not
-- reused, and none made here is kept for one. The settings end with this
-- call. tests/py/test_one_row_plans.py fails when a statement of the
-- one-row path reads a core, extracted or raw table without an index
-- condition.
  SELECT core.process_staged_batch(p_schema, p_table, p_key_column, p_entity_type, p_flat_columns);
$$;
COMMENT ON FUNCTION core.process_staged_batch_by_rule(text, text, text, text, boolean) IS
  'core.process_staged_batch planned by rule (index probes, custom plans) for batches of a few rows: the one-row webhook path costs the same at any warehouse size.';
