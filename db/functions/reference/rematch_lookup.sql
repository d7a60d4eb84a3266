CREATE OR REPLACE FUNCTION reference.rematch_lookup(p_lookup text, p_keys text[])
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- batch statements are estimated above jit_above_cost; compiling costs ~60 ms each
AS $$
-- Re-match the dimension rows whose normalized raw value is one of p_keys
-- (the keys a statement on lookup table p_lookup inserted, changed or
-- deleted), set-based, through the indexes on reference.normalize_key(raw);
-- each distinct raw value is matched once (reference.match_values,
-- match_locations, match_job_titles), not once per row.
-- p_keys is compared under the default collation: called from a trigger
-- it can arrive with another one ("C"), which would hide the expression
-- indexes and scan every row. Only rows whose match changes are written; the dimension triggers then
-- refresh golden rows and leads. Returns the dimension rows changed.
DECLARE
  v_rows integer := 0;
  v_n integer;
BEGIN
  IF p_lookup = 'employee_range_lookup' THEN
    UPDATE core.company_employee_ranges t
       SET matched_employee_range = reference.match_employee_range(t.raw_size, t.raw_employee_count), updated_at = now()
     WHERE reference.normalize_key(t.raw_size) = ANY (p_keys COLLATE "default")
       AND t.matched_employee_range IS DISTINCT FROM reference.match_employee_range(t.raw_size, t.raw_employee_count);
    GET DIAGNOSTICS v_rows = ROW_COUNT;
  ELSIF p_lookup = 'revenue_range_lookup' THEN
    UPDATE core.company_revenue t
       SET matched_revenue_range = m.matched_value, updated_at = now()
      FROM reference.match_values('revenue_range', ARRAY(
             SELECT s.raw_revenue_range FROM core.company_revenue s
             WHERE reference.normalize_key(s.raw_revenue_range) = ANY (p_keys COLLATE "default"))) m
     WHERE reference.normalize_key(t.raw_revenue_range) = ANY (p_keys COLLATE "default") AND t.raw_revenue_range = m.raw_value
       AND t.matched_revenue_range IS DISTINCT FROM m.matched_value;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
  ELSIF p_lookup = 'funding_range_lookup' THEN
    UPDATE core.company_funding t
       SET matched_funding_range = m.matched_value, updated_at = now()
      FROM reference.match_values('funding_range', ARRAY(
             SELECT s.raw_funding_range FROM core.company_funding s
             WHERE reference.normalize_key(s.raw_funding_range) = ANY (p_keys COLLATE "default"))) m
     WHERE reference.normalize_key(t.raw_funding_range) = ANY (p_keys COLLATE "default") AND t.raw_funding_range = m.raw_value
       AND t.matched_funding_range IS DISTINCT FROM m.matched_value;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
  ELSIF p_lookup = 'company_type_lookup' THEN
    UPDATE core.company_types t
       SET matched_type = m.matched_value, updated_at = now()
      FROM reference.match_values('company_type', ARRAY(
             SELECT s.raw_type FROM core.company_types s
             WHERE reference.normalize_key(s.raw_type) = ANY (p_keys COLLATE "default"))) m
     WHERE reference.normalize_key(t.raw_type) = ANY (p_keys COLLATE "default") AND t.raw_type = m.raw_value
       AND t.matched_type IS DISTINCT FROM m.matched_value;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
  ELSIF p_lookup = 'industry_lookup' THEN
    -- the single industry (indexed), and rows decided by their industries list
    UPDATE core.company_industries t
       SET matched_industry = m.v, updated_at = now()
      FROM (SELECT s.domain, s.source,
                   coalesce(reference.match_industry(s.raw_industry),
                            (SELECT reference.match_industry(i) FROM jsonb_array_elements_text(s.raw_industries) AS i
                             WHERE reference.match_industry(i) IS NOT NULL LIMIT 1)) AS v
            FROM core.company_industries s
            WHERE reference.normalize_key(s.raw_industry) = ANY (p_keys COLLATE "default")
               OR (s.raw_industries IS NOT NULL AND EXISTS (
                     SELECT 1 FROM jsonb_array_elements_text(s.raw_industries) AS i
                     WHERE reference.normalize_key(i) = ANY (p_keys COLLATE "default")))) m
     WHERE t.domain = m.domain AND t.source = m.source AND t.matched_industry IS DISTINCT FROM m.v;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
  ELSIF p_lookup = 'location_lookup' THEN
    WITH s AS MATERIALIZED (
      SELECT x.domain, x.source, x.raw_location, x.raw_country FROM core.company_locations x
      WHERE reference.normalize_key(x.raw_location) = ANY (p_keys COLLATE "default")
    ), m AS MATERIALIZED (
      SELECT * FROM reference.match_locations(ARRAY(SELECT s.raw_location FROM s), ARRAY(SELECT s.raw_country FROM s))
    )
    UPDATE core.company_locations t
       SET matched_city = m.city, matched_state = m.state, matched_country = m.country, updated_at = now()
      FROM s JOIN m ON coalesce(m.raw_location, '') = coalesce(s.raw_location, '') AND coalesce(m.raw_country, '') = coalesce(s.raw_country, '')
     WHERE t.domain = s.domain AND t.source = s.source
       AND (t.matched_city, t.matched_state, t.matched_country) IS DISTINCT FROM (m.city, m.state, m.country);
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    WITH s AS MATERIALIZED (
      SELECT x.linkedin_url, x.source, x.raw_location, x.raw_country FROM core.person_locations x
      WHERE reference.normalize_key(x.raw_location) = ANY (p_keys COLLATE "default")
    ), m AS MATERIALIZED (
      SELECT * FROM reference.match_locations(ARRAY(SELECT s.raw_location FROM s), ARRAY(SELECT s.raw_country FROM s))
    )
    UPDATE core.person_locations t
       SET matched_city = m.city, matched_state = m.state, matched_country = m.country, updated_at = now()
      FROM s JOIN m ON coalesce(m.raw_location, '') = coalesce(s.raw_location, '') AND coalesce(m.raw_country, '') = coalesce(s.raw_country, '')
     WHERE t.linkedin_url = s.linkedin_url AND t.source = s.source
       AND (t.matched_city, t.matched_state, t.matched_country) IS DISTINCT FROM (m.city, m.state, m.country);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    v_rows := v_rows + v_n;
  ELSIF p_lookup = 'job_title_lookup' THEN
    UPDATE core.person_job_titles t
       SET matched_cleaned_title = m.cleaned_title, matched_job_function = m.job_function,
           matched_seniority = m.seniority, updated_at = now()
      FROM reference.match_job_titles(ARRAY(
             SELECT DISTINCT s.raw_title FROM core.person_job_titles s
             WHERE reference.normalize_key(s.raw_title) = ANY (p_keys COLLATE "default"))) m
     WHERE reference.normalize_key(t.raw_title) = ANY (p_keys COLLATE "default") AND t.raw_title = m.raw_title
       AND (t.matched_cleaned_title, t.matched_job_function, t.matched_seniority)
           IS DISTINCT FROM (m.cleaned_title, m.job_function, m.seniority);
    GET DIAGNOSTICS v_rows = ROW_COUNT;
  ELSE
    RAISE EXCEPTION 'reference.rematch_lookup: % is not a lookup table', quote_literal(p_lookup)
      USING ERRCODE = '22023';
  END IF;
  RETURN v_rows;
END;
$$;
COMMENT ON FUNCTION reference.rematch_lookup(text, text[]) IS
  'Re-match dimension rows whose normalized raw value is among the changed lookup keys (indexed); returns rows changed.';
