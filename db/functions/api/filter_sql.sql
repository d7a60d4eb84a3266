CREATE OR REPLACE FUNCTION core.filter_sql(p_filters jsonb, p_kind text)
RETURNS text
LANGUAGE plpgsql
STABLE
AS $$
-- A WHERE condition (alias t) for the filters of a leads (p_kind 'leads') or
-- companies ('companies') query: each filter is a JSON array of strings,
-- matched with = ANY, values quoted with %L so the planner sees constants
-- and can use the indexes. Values are first put in their canonical spelling
-- (core.canonical_values: 'vp' -> 'VP'; a value that is not canonical raises
-- 22023 naming the filter and the allowed values). Unknown filter names and
-- non-array values raise 22023 with the filter's name (COLUMN). 'countries'
-- is the company's country (an alias of company_countries). Leads also take
-- title_contains: strings the cleaned title contains (any of them, ILIKE).
DECLARE
  v_cols jsonb := CASE p_kind
    WHEN 'leads' THEN '{"job_functions":"job_function","seniorities":"seniority","countries":"company_country",
                        "company_countries":"company_country","person_countries":"person_country",
                        "industries":"industry","employee_ranges":"employee_range","funding_ranges":"funding_range",
                        "revenue_ranges":"revenue_range","company_types":"company_type","company_domains":"company_domain",
                        "title_contains":"cleaned_title"}'
    ELSE '{"countries":"country","industries":"industry","employee_ranges":"employee_range",
           "funding_ranges":"funding_range","revenue_ranges":"revenue_range","company_types":"company_type",
           "company_countries":"country","company_domains":"domain"}' END;
  v_f record;
  v_sql text := 'true';
BEGIN
  IF p_filters IS NULL OR p_filters = 'null' THEN
    RETURN v_sql;
  END IF;
  IF jsonb_typeof(p_filters) <> 'object' THEN
    RAISE EXCEPTION 'filters must be a JSON object' USING ERRCODE = '22023';
  END IF;
  FOR v_f IN SELECT e.key, e.value FROM jsonb_each(p_filters) AS e ORDER BY e.key LOOP
    CONTINUE WHEN jsonb_typeof(v_f.value) = 'null';
    IF NOT v_cols ? v_f.key THEN
      RAISE EXCEPTION 'unknown filter %', quote_literal(v_f.key)
        USING ERRCODE = '22023', COLUMN = v_f.key, HINT = 'known filters: ' || (SELECT string_agg(k, ', ' ORDER BY k) FROM jsonb_object_keys(v_cols) AS k);
    END IF;
    IF jsonb_typeof(v_f.value) <> 'array' OR EXISTS (SELECT 1 FROM jsonb_array_elements(v_f.value) AS x WHERE jsonb_typeof(x) <> 'string') THEN
      RAISE EXCEPTION 'filter % must be an array of strings', quote_literal(v_f.key) USING ERRCODE = '22023', COLUMN = v_f.key;
    END IF;
    CONTINUE WHEN jsonb_array_length(v_f.value) = 0;
    IF v_f.key = 'title_contains' THEN  -- any of the strings, case-insensitive; % _ \ in them are literal
      v_sql := v_sql || format(' AND t.cleaned_title ILIKE ANY (%L::text[])',
                               ARRAY(SELECT '%' || regexp_replace(x, '([\\%_])', '\\\1', 'g') || '%' FROM jsonb_array_elements_text(v_f.value) AS x));
      CONTINUE;
    END IF;
    v_sql := v_sql || format(' AND t.%I = ANY (%L::text[])', v_cols ->> v_f.key,
                             core.canonical_values(v_f.key, ARRAY(SELECT jsonb_array_elements_text(v_f.value))));
  END LOOP;
  RETURN v_sql;
END;
$$;
COMMENT ON FUNCTION core.filter_sql(jsonb, text) IS 'WHERE condition for lead/company filters (arrays of strings), built with format(%I, %L); values canonicalized (case-insensitive), unknown filters and non-canonical values raise 22023 naming the field.';
