CREATE OR REPLACE FUNCTION api.refresh_quality()
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Recompute the data-quality page's figures and store them in
-- reference.quality_snapshots ('quality'): {workflows, per_day, gaps,
-- blockers, unmatched: {all: [...], <kind>: [...]} (25 most frequent each),
-- failed}. A transaction-level advisory lock lets one session compute at a
-- time; a second caller waits for it and returns the fresh row. Returns
-- {computed_at, took_ms}.
DECLARE
  v_start timestamptz := clock_timestamp();
  v_data jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('hq.refresh_quality'));
  IF EXISTS (SELECT 1 FROM reference.quality_snapshots s WHERE s.name = 'quality' AND s.computed_at >= v_start) THEN
    RETURN (SELECT jsonb_build_object('computed_at', s.computed_at, 'took_ms', s.took_ms)
            FROM reference.quality_snapshots s WHERE s.name = 'quality');
  END IF;
  WITH u AS (
    SELECT v.kind, v.raw_value, v.row_count,
           row_number() OVER (PARTITION BY v.kind ORDER BY v.row_count DESC, v.raw_value) AS in_kind,
           row_number() OVER (ORDER BY v.row_count DESC, v.kind, v.raw_value) AS overall
    FROM reference.unmatched_values v
  ), lists AS (
    SELECT k.kind, jsonb_agg(jsonb_build_object('kind', u.kind, 'raw_value', u.raw_value, 'row_count', u.row_count)
                             ORDER BY u.row_count DESC, u.kind, u.raw_value) AS list
    FROM (SELECT 'all' AS kind UNION ALL SELECT DISTINCT u.kind FROM u) k
    JOIN u ON (k.kind = 'all' AND u.overall <= 25) OR (k.kind = u.kind AND u.in_kind <= 25)
    GROUP BY k.kind
  )
  SELECT jsonb_build_object(
           'workflows', api.workflows() -> 'data',
           'per_day', api.deliveries_per_day(30),
           'gaps', (SELECT coalesce(jsonb_agg(to_jsonb(g) ORDER BY g.workflow_slug), '[]') FROM api.coalescing_gaps() g),
           'blockers', api.lead_blockers(),
           'unmatched', coalesce((SELECT jsonb_object_agg(l.kind, l.list) FROM lists l), '{}'),
           'failed', api.failed_groups(25))
    INTO v_data;
  INSERT INTO reference.quality_snapshots AS s (name, data, computed_at, took_ms)
  VALUES ('quality', v_data, clock_timestamp(), round(extract(epoch FROM clock_timestamp() - v_start)::numeric * 1000, 1))
  ON CONFLICT (name) DO UPDATE SET data = excluded.data, computed_at = excluded.computed_at, took_ms = excluded.took_ms;
  RETURN (SELECT jsonb_build_object('computed_at', s.computed_at, 'took_ms', s.took_ms)
          FROM reference.quality_snapshots s WHERE s.name = 'quality');
END;
$$;
COMMENT ON FUNCTION api.refresh_quality() IS 'Dashboard: recompute the data-quality figures (whole-table aggregates) into reference.quality_snapshots; one session at a time.';
