CREATE OR REPLACE FUNCTION api.leads_by_company_customers(
  p_filters jsonb DEFAULT '{}', p_company_domain text DEFAULT NULL, p_limit integer DEFAULT 50, p_cursor text DEFAULT NULL)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Signal: leads who work or worked at a customer of the given company
  -- (core.company_customers with a matched customer_domain).
  SELECT core.query_page('leads', p_filters, format($c$
    (t.company_domain IN (SELECT c.customer_domain FROM core.company_customers c WHERE c.origin_company_domain = %1$L)
     OR EXISTS (SELECT 1 FROM core.person_past_employer pe
                JOIN core.company_customers c ON c.customer_domain = pe.company_domain AND c.origin_company_domain = %1$L
                WHERE pe.linkedin_url = t.linkedin_url))$c$,
    core.normalize_domain(p_company_domain)), p_limit, p_cursor);
$$;
COMMENT ON FUNCTION api.leads_by_company_customers(jsonb, text, integer, text) IS 'Signal: leads who work or worked at a customer of the given company.';
