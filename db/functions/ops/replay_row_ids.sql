CREATE OR REPLACE FUNCTION core.replay_row_ids(
  p_raw_table text, p_workflow_slug text, p_all boolean,
  p_after_created_at timestamptz DEFAULT '-infinity', p_after_id uuid DEFAULT '00000000-0000-0000-0000-000000000000',
  p_limit integer DEFAULT NULL,
  OUT ids uuid[], OUT last_created_at timestamptz)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- The rows of raw table p_raw_table a replay reprocesses: those of active
-- workflows (only p_workflow_slug's when given) that are failed or still
-- pending, or every one with p_all; in (created_at, id) order after the
-- keyset position (p_after_created_at, p_after_id), at most p_limit of them
-- (NULL: all). ids is NULL when none is left; last_created_at is the
-- created_at of the last id, the next keyset position with it. The table
-- must be registered (core.raw_table_registration raises 22023
-- otherwise); its name is quoted with %I.
BEGIN
  PERFORM core.raw_table_registration(split_part(p_raw_table, '.', 1), split_part(p_raw_table, '.', 2));
  EXECUTE format('SELECT array_agg(s.id ORDER BY s.created_at, s.id), max(s.created_at) FROM (
                    SELECT t.id, t.created_at FROM %I.%I t
                    JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = t.workflow_slug AND r.is_active
                    WHERE ($1::text IS NULL OR t.workflow_slug = $1) AND ($2 OR t.extraction_status IN (''failed'', ''pending''))
                      AND (t.created_at, t.id) > ($3, $4)
                    ORDER BY t.created_at, t.id LIMIT $5) s',
                 split_part(p_raw_table, '.', 1), split_part(p_raw_table, '.', 2))
    INTO ids, last_created_at USING p_workflow_slug, p_all, p_after_created_at, p_after_id, p_limit;
END;
$$;
COMMENT ON FUNCTION core.replay_row_ids(text, text, boolean, timestamptz, uuid, integer) IS
  'Ids of the raw rows a replay reprocesses (failed/pending, or all), in (created_at, id) keyset order; shared by api.replay and core.replay_batches.';
