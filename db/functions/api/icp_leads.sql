CREATE OR REPLACE FUNCTION api.icp_leads(p_domain text, p_limit integer DEFAULT 50, p_cursor text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Leads that fit the ideal customer profile of p_domain (reference.company_icp),
-- keyset-paginated like api.leads; NULL when the domain has no ICP.
-- Company criteria: industries, size_buckets (employee ranges),
-- employee_count_min/max (a source's exact count, else the golden range
-- must lie inside), countries, founded_min/max (the best-ranked source's
-- year). Person criteria: title_contains_any / title_contains_all
-- (case-insensitive substrings of the title), seniority / seniorities,
-- job_functions / functions. A missing, null or empty criterion does not
-- filter; a company with an unknown value fails a criterion that is set.
DECLARE
  v_icp reference.company_icp;
  c jsonb;
  p jsonb;
  v_sql text := 'true';
BEGIN
  SELECT * INTO v_icp FROM reference.company_icp i WHERE i.domain = core.normalize_domain(p_domain);
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  c := CASE WHEN jsonb_typeof(v_icp.company_criteria) = 'object' THEN v_icp.company_criteria ELSE '{}' END;
  p := CASE WHEN jsonb_typeof(v_icp.person_criteria) = 'object' THEN v_icp.person_criteria ELSE '{}' END;
  IF core.icp_list(c, 'industries') IS NOT NULL THEN
    v_sql := v_sql || format(' AND t.industry = ANY (%L::text[])', core.icp_list(c, 'industries'));
  END IF;
  IF core.icp_list(c, 'size_buckets') IS NOT NULL THEN
    v_sql := v_sql || format(' AND t.employee_range = ANY (%L::text[])', core.icp_list(c, 'size_buckets'));
  END IF;
  IF core.icp_list(c, 'countries') IS NOT NULL THEN
    v_sql := v_sql || format(' AND t.company_country = ANY (%L::text[])', core.icp_list(c, 'countries'));
  END IF;
  IF jsonb_typeof(c -> 'employee_count_min') = 'number' OR jsonb_typeof(c -> 'employee_count_max') = 'number' THEN
    v_sql := v_sql || format($f$ AND coalesce(
      (SELECT max(e.raw_employee_count) FROM core.company_employee_ranges e WHERE e.domain = t.company_domain)
        BETWEEN coalesce(%1$L::numeric, 0) AND coalesce(%2$L::numeric, 'infinity'),
      EXISTS (SELECT 1 FROM reference.employee_ranges r WHERE r.name = t.employee_range
              AND r.lo >= coalesce(%1$L::numeric, 0) - 1 AND coalesce(r.hi, 'infinity') <= coalesce(%2$L::numeric, 'infinity')))$f$,
      CASE WHEN jsonb_typeof(c -> 'employee_count_min') = 'number' THEN c ->> 'employee_count_min' END,
      CASE WHEN jsonb_typeof(c -> 'employee_count_max') = 'number' THEN c ->> 'employee_count_max' END);
  END IF;
  IF jsonb_typeof(c -> 'founded_min') = 'number' OR jsonb_typeof(c -> 'founded_max') = 'number' THEN
    v_sql := v_sql || format($f$ AND (SELECT f.founded_year FROM core.company_founded_years f
      WHERE f.domain = t.company_domain AND f.founded_year IS NOT NULL
      ORDER BY reference.source_rank('founded_year', f.source), f.updated_at DESC LIMIT 1)
      BETWEEN coalesce(%L::int, -32768) AND coalesce(%L::int, 32767)$f$,
      CASE WHEN jsonb_typeof(c -> 'founded_min') = 'number' THEN (c ->> 'founded_min')::numeric::int END,
      CASE WHEN jsonb_typeof(c -> 'founded_max') = 'number' THEN (c ->> 'founded_max')::numeric::int END);
  END IF;
  IF core.icp_list(p, 'title_contains_any') IS NOT NULL THEN
    v_sql := v_sql || format(' AND t.cleaned_title ILIKE ANY (%L::text[])',
      ARRAY(SELECT '%' || replace(replace(replace(x, '\', '\\'), '%', '\%'), '_', '\_') || '%' FROM unnest(core.icp_list(p, 'title_contains_any')) AS x));
  END IF;
  IF core.icp_list(p, 'title_contains_all') IS NOT NULL THEN
    v_sql := v_sql || format(' AND t.cleaned_title ILIKE ALL (%L::text[])',
      ARRAY(SELECT '%' || replace(replace(replace(x, '\', '\\'), '%', '\%'), '_', '\_') || '%' FROM unnest(core.icp_list(p, 'title_contains_all')) AS x));
  END IF;
  IF coalesce(core.icp_list(p, 'seniority'), core.icp_list(p, 'seniorities')) IS NOT NULL THEN
    v_sql := v_sql || format(' AND t.seniority = ANY (%L::text[])', coalesce(core.icp_list(p, 'seniority'), core.icp_list(p, 'seniorities')));
  END IF;
  IF coalesce(core.icp_list(p, 'job_functions'), core.icp_list(p, 'functions')) IS NOT NULL THEN
    v_sql := v_sql || format(' AND t.job_function = ANY (%L::text[])', coalesce(core.icp_list(p, 'job_functions'), core.icp_list(p, 'functions')));
  END IF;
  RETURN core.query_page('leads', '{}', v_sql, p_limit, p_cursor);
END;
$$;
COMMENT ON FUNCTION api.icp_leads(text, integer, text) IS
  'Leads fitting a domain''s ICP (reference.company_icp company and person criteria), keyset pages {data, next_cursor}; NULL when the domain has no ICP.';
