CREATE OR REPLACE FUNCTION api.worker_slot(p_name text, p_rate numeric)
RETURNS numeric
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Reserve the next request slot of an outbound target at p_rate requests per
-- second and return how many seconds the caller waits before sending (0 when
-- the slot is now). Slots are spaced 1/p_rate apart whatever the number of
-- workers and their concurrency: the row lock serializes reservations; an
-- idle target does not bank slots (a burst never exceeds the rate).
DECLARE
  v_step interval;
  v_next timestamptz;
BEGIN
  IF p_rate IS NULL OR p_rate <= 0 THEN
    RAISE EXCEPTION 'rate must be a positive number of requests per second, not %', p_rate USING ERRCODE = '22023';
  END IF;
  v_step := make_interval(secs => (1.0 / p_rate)::double precision);
  INSERT INTO core.outbound_rate_limits AS t (name, next_at, updated_at)
  VALUES (p_name, clock_timestamp() + v_step, clock_timestamp())
  ON CONFLICT (name) DO UPDATE SET next_at = greatest(t.next_at, clock_timestamp()) + v_step, updated_at = clock_timestamp()
  RETURNING t.next_at INTO v_next;
  RETURN greatest(0, extract(epoch FROM (v_next - v_step) - clock_timestamp()));
END;
$$;
COMMENT ON FUNCTION api.worker_slot(text, numeric) IS 'Reserve the next request slot of an outbound target (core.outbound_rate_limits); returns the seconds to wait before sending.';
