CREATE OR REPLACE FUNCTION api.quality_snapshot()
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Dashboard: the stored data-quality figures with their age:
  -- {data, computed_at, age_s, took_ms}; NULL before the first
  -- api.refresh_quality().
  SELECT jsonb_build_object('data', s.data, 'computed_at', s.computed_at, 'took_ms', s.took_ms,
                            'age_s', round(extract(epoch FROM now() - s.computed_at)::numeric, 1))
  FROM reference.quality_snapshots s WHERE s.name = 'quality';
$$;
COMMENT ON FUNCTION api.quality_snapshot() IS 'Dashboard: the stored data-quality figures and their age (NULL before the first refresh).';
