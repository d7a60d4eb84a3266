CREATE OR REPLACE FUNCTION api.worker_push_back(p_name text, p_seconds numeric)
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- A target answered Retry-After: no worker sends to it before then.
  INSERT INTO core.outbound_rate_limits AS t (name, next_at, updated_at)
  VALUES (p_name, clock_timestamp() + make_interval(secs => least(p_seconds, 3600)::double precision), clock_timestamp())
  ON CONFLICT (name) DO UPDATE
    SET next_at = greatest(t.next_at, excluded.next_at), updated_at = clock_timestamp();
$$;
COMMENT ON FUNCTION api.worker_push_back(text, numeric) IS 'Honour a Retry-After for every worker: the target''s next slot moves to now + seconds (at most an hour).';
