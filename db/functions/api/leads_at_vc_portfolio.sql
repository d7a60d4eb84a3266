CREATE OR REPLACE FUNCTION api.leads_at_vc_portfolio(
  p_filters jsonb DEFAULT '{}', p_firms text[] DEFAULT NULL, p_limit integer DEFAULT 50, p_cursor text DEFAULT NULL)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Signal: leads whose current company has a VC investor; with p_firms only
  -- those firms, each given by name (any of its names, normalized: 'Andreessen
  -- Horowitz', 'a16z', 'Framework Ventures LLC') or domain ('a16z.com'),
  -- resolved through core.vc_firms; an investor not tied to a firm still
  -- matches on its own name or domain.
  SELECT core.query_page('leads', p_filters, format($c$
    EXISTS (SELECT 1 FROM core.company_vc_investors v
            WHERE v.domain = t.company_domain
              AND (%L::text[] IS NULL OR v.vc_firm_id = ANY (%L::uuid[])
                   OR lower(v.investor_name) = ANY (%L::text[]) OR v.investor_domain = ANY (%L::text[])))$c$,
    p_firms,
    ARRAY(SELECT f.id FROM core.vc_firms f
          WHERE f.name_key = ANY (ARRAY(SELECT core.company_name_key(x) FROM unnest(p_firms) AS x))
             OR f.alias_keys && ARRAY(SELECT core.company_name_key(x) FROM unnest(p_firms) AS x)
             OR f.domain = ANY (ARRAY(SELECT core.normalize_domain(x) FROM unnest(p_firms) AS x))),
    ARRAY(SELECT lower(f) FROM unnest(p_firms) AS f),
    ARRAY(SELECT core.normalize_domain(f) FROM unnest(p_firms) AS f)), p_limit, p_cursor);
$$;
COMMENT ON FUNCTION api.leads_at_vc_portfolio(jsonb, text[], integer, text) IS 'Signal: leads at VC-backed companies, optionally of given firms (any name or domain of a core.vc_firms row).';
