CREATE OR REPLACE FUNCTION api.leads_new_in_role(
  p_filters jsonb DEFAULT '{}', p_days integer DEFAULT 90, p_limit integer DEFAULT 50, p_cursor text DEFAULT NULL)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Signal: leads whose current job started within the last p_days days.
  SELECT core.query_page('leads', p_filters,
                         format('t.job_start_date >= current_date - %L::integer', coalesce(p_days, 90)), p_limit, p_cursor);
$$;
COMMENT ON FUNCTION api.leads_new_in_role(jsonb, integer, integer, text) IS 'Signal: leads new in their role (current job started within N days, default 90).';
