CREATE OR REPLACE PROCEDURE core.rederive_dimension(p_dimension text, p_batch_size integer DEFAULT 1000)
LANGUAGE plpgsql
AS $$
-- Re-derive one whole dimension (employee_range, revenue_range,
-- funding_range, company_type, industry, location, job_title): every stored
-- row is matched again from its raw value (as extracted) with today's
-- lookups and rules, in batches of p_batch_size distinct normalized raw
-- values (reference.rematch_lookup, the same set-based path as a lookup
-- change), with a COMMIT and a progress NOTICE per batch; golden rows and
-- leads follow through the dimension triggers. Safe to interrupt and re-run
-- (a re-run rewrites nothing that already matches). Re-extracting from the
-- raw payloads themselves is CALL core.replay_batches(slug, true). Not
-- SECURITY DEFINER (a procedure that commits cannot be): run it as the owner.
DECLARE
  v_lookup text;
  v_keys_sql text;
  v_last text := '';
  v_keys text[];
  v_rows integer;
  v_done bigint := 0;
  v_values bigint := 0;
BEGIN
  IF p_batch_size IS NULL OR p_batch_size < 1 THEN
    RAISE EXCEPTION 'p_batch_size must be a positive number, got %', p_batch_size USING ERRCODE = '22023';
  END IF;
  -- the lookup that decides the dimension and where its raw values are stored
  SELECT d.lookup, d.keys_sql INTO v_lookup, v_keys_sql
  FROM (VALUES
    ('employee_range', 'employee_range_lookup', 'SELECT reference.normalize_key(t.raw_size) FROM core.company_employee_ranges t'),
    ('revenue_range', 'revenue_range_lookup', 'SELECT reference.normalize_key(t.raw_revenue_range) FROM core.company_revenue t'),
    ('funding_range', 'funding_range_lookup', 'SELECT reference.normalize_key(t.raw_funding_range) FROM core.company_funding t'),
    ('company_type', 'company_type_lookup', 'SELECT reference.normalize_key(t.raw_type) FROM core.company_types t'),
    ('industry', 'industry_lookup', 'SELECT reference.normalize_key(t.raw_industry) FROM core.company_industries t
                                      UNION SELECT reference.normalize_key(i) FROM core.company_industries t,
                                                   jsonb_array_elements_text(coalesce(t.raw_industries, ''[]'')) AS i'),
    ('location', 'location_lookup', 'SELECT reference.normalize_key(t.raw_location) FROM core.company_locations t
                                      UNION SELECT reference.normalize_key(t.raw_location) FROM core.person_locations t'),
    ('job_title', 'job_title_lookup', 'SELECT reference.normalize_key(t.raw_title) FROM core.person_job_titles t')
  ) AS d(dimension, lookup, keys_sql)
  WHERE d.dimension = p_dimension;
  IF v_lookup IS NULL THEN
    RAISE EXCEPTION 'unknown dimension %', quote_literal(p_dimension) USING ERRCODE = '22023',
      HINT = 'One of employee_range, revenue_range, funding_range, company_type, industry, location, job_title.';
  END IF;

  LOOP
    -- keyset over the distinct normalized raw values (v_keys_sql is one of the constants above)
    EXECUTE format('SELECT array_agg(k ORDER BY k) FROM (SELECT DISTINCT s.k FROM (%s) AS s(k)
                    WHERE s.k > $1 ORDER BY s.k LIMIT $2) AS b(k)', v_keys_sql)
      INTO v_keys USING v_last, p_batch_size;
    EXIT WHEN v_keys IS NULL;
    v_last := v_keys[cardinality(v_keys)];
    v_rows := reference.rematch_lookup(v_lookup, v_keys);
    v_values := v_values + cardinality(v_keys);
    v_done := v_done + v_rows;
    COMMIT;
    RAISE NOTICE 'rederive %: % raw values, % rows changed (% values, % rows in total)',
      p_dimension, cardinality(v_keys), v_rows, v_values, v_done;
  END LOOP;
  RAISE NOTICE 'rederive % finished: % raw values, % rows changed', p_dimension, v_values, v_done;
END;
$$;
COMMENT ON PROCEDURE core.rederive_dimension(text, integer) IS
  'Re-match a whole dimension from its stored raw values in batches (COMMIT and progress NOTICE per batch); golden rows and leads follow.';
