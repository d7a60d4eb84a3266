CREATE OR REPLACE FUNCTION api.deliveries_per_day(p_days integer DEFAULT 30)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Raw deliveries per day over the last p_days days (today included), every
-- day present (zeros too), split by extraction status: [{day, extracted,
-- failed, other}] oldest first. One aggregate per registered raw table,
-- built with format(%I).
DECLARE
  v_table text;
  v_union text;
  v_out jsonb;
BEGIN
  IF p_days IS NULL OR p_days < 1 OR p_days > 366 THEN
    RAISE EXCEPTION 'days must be between 1 and 366, got %', coalesce(p_days::text, 'NULL') USING ERRCODE = '22023';
  END IF;
  SELECT string_agg(format('SELECT t.created_at, t.extraction_status FROM %I.%I t WHERE t.created_at >= $1',
                           split_part(r.raw_table, '.', 1), split_part(r.raw_table, '.', 2)), ' UNION ALL ')
    INTO v_union
  FROM (SELECT DISTINCT raw_table FROM reference.enrichment_workflow_registry) r;
  EXECUTE format($q$
    WITH d AS (
      SELECT (x.created_at AT TIME ZONE 'UTC')::date AS day,
             count(*) FILTER (WHERE x.extraction_status = 'extracted') AS extracted,
             count(*) FILTER (WHERE x.extraction_status = 'failed') AS failed,
             count(*) FILTER (WHERE x.extraction_status NOT IN ('extracted', 'failed')) AS other
      FROM (%s) x GROUP BY 1)
    SELECT jsonb_agg(jsonb_build_object('day', g.day::date, 'extracted', coalesce(d.extracted, 0),
                                        'failed', coalesce(d.failed, 0), 'other', coalesce(d.other, 0)) ORDER BY g.day)
    FROM generate_series(($1 AT TIME ZONE 'UTC')::date, (now() AT TIME ZONE 'UTC')::date, interval '1 day') AS g(day)
    LEFT JOIN d ON d.day = g.day::date$q$, v_union)
    INTO v_out USING date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - make_interval(days => p_days - 1);
  RETURN coalesce(v_out, '[]');
END;
$$;
COMMENT ON FUNCTION api.deliveries_per_day(integer) IS 'Dashboard: raw deliveries per UTC day over the last N days, split into extracted, failed and other.';
