CREATE OR REPLACE FUNCTION api.leads_at_vc_portfolio(
  p_filters jsonb DEFAULT '{}', p_firms text[] DEFAULT NULL, p_limit integer DEFAULT 50, p_cursor text DEFAULT NULL)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Signal: leads whose current company has a VC investor; with p_firms only
  -- those firms (matched on name, case-insensitive, or on the firm's domain).
  SELECT core.query_page('leads', p_filters, format($c$
    EXISTS (SELECT 1 FROM core.company_vc_investors v
            WHERE v.domain = t.company_domain
              AND (%L::text[] IS NULL OR lower(v.investor_name) = ANY (%L::text[]) OR v.investor_domain = ANY (%L::text[])))$c$,
    p_firms, ARRAY(SELECT lower(f) FROM unnest(p_firms) AS f),
    ARRAY(SELECT core.normalize_domain(f) FROM unnest(p_firms) AS f)), p_limit, p_cursor);
$$;
COMMENT ON FUNCTION api.leads_at_vc_portfolio(jsonb, text[], integer, text) IS 'Signal: leads at VC-backed companies, optionally of given firms (name or domain).';
