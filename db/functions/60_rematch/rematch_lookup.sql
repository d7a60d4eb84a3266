CREATE OR REPLACE FUNCTION reference.rematch_lookup(p_lookup text, p_keys text[])
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Re-match the dimension rows whose normalized raw value is one of p_keys
-- (the keys a statement on lookup table p_lookup inserted, changed or
-- deleted), set-based, through the indexes on reference.normalize_key(raw);
-- each distinct raw value is matched once (reference.match_values,
-- match_locations, match_job_titles), not once per row.
-- p_keys is compared under the default collation: called from a trigger
-- it can arrive with another one ("C"), which would hide the expression
-- indexes and scan every row. Table and column names in dynamic SQL come
-- from the constants below (%I). Only rows whose match changes are written; the dimension triggers then
-- refresh golden rows and leads. Returns the dimension rows changed.
DECLARE
  v_rows integer := 0;
  v_n integer;
  v_table text;
  v_key text;
  v_raw text;
  v_matched text;
  v_kind text;
BEGIN
  IF p_lookup = 'employee_range_lookup' THEN
    UPDATE core.company_employee_ranges t
       SET matched_employee_range = reference.match_employee_range(t.raw_size, t.raw_employee_count), updated_at = now()
     WHERE reference.normalize_key(t.raw_size) = ANY (p_keys COLLATE "default")
       AND t.matched_employee_range IS DISTINCT FROM reference.match_employee_range(t.raw_size, t.raw_employee_count);
    GET DIAGNOSTICS v_rows = ROW_COUNT;
  ELSIF p_lookup IN ('revenue_range_lookup', 'funding_range_lookup', 'company_type_lookup') THEN
    -- one raw and one matched column per table (reference.single_value_dimensions)
    SELECT d.dimension_table, d.raw_column, d.matched_column, d.match_kind INTO v_table, v_raw, v_matched, v_kind
    FROM reference.single_value_dimensions() d
    WHERE d.lookup_table = p_lookup;
    EXECUTE format($sql$
      UPDATE core.%1$I t SET %3$I = m.matched_value, updated_at = now()
        FROM reference.match_values(%4$L, ARRAY(SELECT s.%2$I FROM core.%1$I s
                                                WHERE reference.normalize_key(s.%2$I) = ANY ($1 COLLATE "default"))) m
       WHERE reference.normalize_key(t.%2$I) = ANY ($1 COLLATE "default") AND t.%2$I = m.raw_value
         AND t.%3$I IS DISTINCT FROM m.matched_value$sql$, v_table, v_raw, v_matched, v_kind) USING p_keys;
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
    -- company and person locations alike (only the key column differs); each
    -- distinct (raw_location, raw_country) matched once
    FOR v_table, v_key IN VALUES ('company_locations', 'domain'), ('person_locations', 'linkedin_url') LOOP
      EXECUTE format($sql$
        WITH affected AS MATERIALIZED (
          SELECT x.%2$I AS k, x.source, x.raw_location, x.raw_country FROM core.%1$I x
          WHERE reference.normalize_key(x.raw_location) = ANY ($1 COLLATE "default")
        ), matched AS MATERIALIZED (
          SELECT * FROM reference.match_locations(ARRAY(SELECT affected.raw_location FROM affected), ARRAY(SELECT affected.raw_country FROM affected))
        )
        UPDATE core.%1$I t
           SET matched_city = matched.city, matched_state = matched.state, matched_country = matched.country, updated_at = now()
          FROM affected JOIN matched ON coalesce(matched.raw_location, '') = coalesce(affected.raw_location, '')
                             AND coalesce(matched.raw_country, '') = coalesce(affected.raw_country, '')
         WHERE t.%2$I = affected.k AND t.source = affected.source
           AND (t.matched_city, t.matched_state, t.matched_country) IS DISTINCT FROM (matched.city, matched.state, matched.country)$sql$,
        v_table, v_key) USING p_keys;
      GET DIAGNOSTICS v_n = ROW_COUNT;
      v_rows := v_rows + v_n;
    END LOOP;
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
