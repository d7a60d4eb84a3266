CREATE OR REPLACE FUNCTION api.leads_by_past_employer(
  p_filters jsonb DEFAULT '{}', p_domains text[] DEFAULT '{}', p_limit integer DEFAULT 50, p_cursor text DEFAULT NULL)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Signal: leads who used to work at one of the given companies (domains,
  -- normalized first).
  SELECT core.query_page('leads', p_filters, format($c$
    EXISTS (SELECT 1 FROM core.person_past_employer pe
            WHERE pe.linkedin_url = t.linkedin_url AND pe.company_domain = ANY (%L::text[]))$c$,
    ARRAY(SELECT core.normalize_domain(d) FROM unnest(p_domains) AS d)), p_limit, p_cursor);
$$;
COMMENT ON FUNCTION api.leads_by_past_employer(jsonb, text[], integer, text) IS 'Signal: leads who worked at any of the given company domains before their current job.';
