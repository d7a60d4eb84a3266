CREATE OR REPLACE FUNCTION api.leads_recently_promoted(
  p_filters jsonb DEFAULT '{}', p_days integer DEFAULT 90, p_limit integer DEFAULT 50, p_cursor text DEFAULT NULL)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Signal: leads whose current title at their company started within
  -- p_days days and who held a different title at the same company before,
  -- of lower or equal seniority (reference.seniorities sort_order: a larger
  -- number is more junior).
  SELECT core.query_page('leads', p_filters, format($c$
    t.job_start_date >= current_date - %L::integer
    AND EXISTS (
      SELECT 1 FROM core.person_work_history w
      CROSS JOIN LATERAL reference.match_job_title(w.title) m
      JOIN reference.seniorities prev ON prev.name = m.seniority
      JOIN reference.seniorities cur ON cur.name = t.seniority
      WHERE w.linkedin_url = t.linkedin_url AND w.company_domain = t.company_domain AND NOT w.is_current
        AND reference.normalize_key(w.title) IS DISTINCT FROM reference.normalize_key(t.cleaned_title)
        AND w.start_date < t.job_start_date
        AND prev.sort_order >= cur.sort_order)$c$, coalesce(p_days, 90)), p_limit, p_cursor);
$$;
COMMENT ON FUNCTION api.leads_recently_promoted(jsonb, integer, integer, text) IS 'Signal: leads promoted within N days (new title at the same company after a lower-or-equal-seniority one).';
