CREATE OR REPLACE FUNCTION core.canonical_values(p_field text, p_values text[])
RETURNS text[]
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- The canonical spelling of each value of a filter or reference field:
-- matched case-insensitively against the field's canonical table ('vp' ->
-- 'VP'); countries also by alias or ISO code ('usa', 'US'), job functions
-- also by reference.job_function_aliases. A value that matches nothing
-- raises 22023 with COLUMN = p_field and the allowed values (all of them
-- when there are at most 40, else the closest few and where to list them).
-- Fields without a canonical table (company_domains) are normalized as
-- domains; NULL elements are dropped.
DECLARE
  v_table text := CASE p_field
    WHEN 'job_functions' THEN 'job_functions' WHEN 'job_function' THEN 'job_functions'
    WHEN 'seniorities' THEN 'seniorities' WHEN 'seniority' THEN 'seniorities' WHEN 'seniority_level' THEN 'seniorities'
    WHEN 'countries' THEN 'countries' WHEN 'company_countries' THEN 'countries'
    WHEN 'person_countries' THEN 'countries' WHEN 'country' THEN 'countries'
    WHEN 'industries' THEN 'company_industries' WHEN 'employee_ranges' THEN 'employee_ranges'
    WHEN 'funding_ranges' THEN 'funding_ranges' WHEN 'revenue_ranges' THEN 'revenue_ranges'
    WHEN 'company_types' THEN 'company_types' END;
  v_out text[];
  v_bad text;
  v_allowed text;
  v_n integer;
BEGIN
  IF p_field = 'company_domains' THEN
    RETURN ARRAY(SELECT coalesce(core.normalize_domain(v), lower(btrim(v))) FROM unnest(p_values) v WHERE v IS NOT NULL);
  END IF;
  IF v_table IS NULL THEN
    RETURN ARRAY(SELECT v FROM unnest(p_values) v WHERE v IS NOT NULL);
  END IF;
  -- One static statement per table (each a cached plan touching only its
  -- table: a statement naming every table starts up all of them per call).
  -- Each value is one probe of the lower(name) index (LATERAL ... LIMIT 1:
  -- a hash join would lower() every canonical name per call). Aliases are
  -- a second statement, run only when a value is not canonical: a subplan
  -- for them costs its start-up on every call even when never run.
  IF v_table = 'countries' THEN
    -- exact names first (the unique index on name: a lower(name) probe is
    -- costed above a scan of the 249 rows, which lower()s each of them)
    SELECT array_agg(c.name ORDER BY u.ord), min(u.v) FILTER (WHERE c.name IS NULL) INTO v_out, v_bad
    FROM unnest(p_values) WITH ORDINALITY u(v, ord)
    LEFT JOIN LATERAL (SELECT r.name FROM reference.countries r WHERE r.name = btrim(u.v)) c ON true
    WHERE u.v IS NOT NULL;
    IF v_bad IS NOT NULL THEN  -- then any case, aliases and ISO codes
      SELECT array_agg(coalesce(c.name, k.name) ORDER BY u.ord), min(u.v) FILTER (WHERE c.name IS NULL AND k.name IS NULL)
        INTO v_out, v_bad
      FROM unnest(p_values) WITH ORDINALITY u(v, ord)
      LEFT JOIN LATERAL (SELECT r.name FROM reference.countries r WHERE lower(r.name) = lower(btrim(u.v)) LIMIT 1) c ON true
      LEFT JOIN LATERAL (SELECT x.name FROM reference.country_aliases a JOIN reference.countries x ON x.code2 = a.country_code
                         WHERE a.alias = reference.normalize_key(u.v) LIMIT 1) k ON true
      WHERE u.v IS NOT NULL;
    END IF;
  ELSIF v_table = 'job_functions' THEN
    SELECT array_agg(c.name ORDER BY u.ord), min(u.v) FILTER (WHERE c.name IS NULL) INTO v_out, v_bad
    FROM unnest(p_values) WITH ORDINALITY u(v, ord)
    LEFT JOIN LATERAL (SELECT r.name FROM reference.job_functions r WHERE lower(r.name) = lower(btrim(u.v)) LIMIT 1) c ON true
    WHERE u.v IS NOT NULL;
    IF v_bad IS NOT NULL THEN  -- then by reference.job_function_aliases
      SELECT array_agg(coalesce(c.name, a.job_function) ORDER BY u.ord),
             min(u.v) FILTER (WHERE c.name IS NULL AND a.job_function IS NULL) INTO v_out, v_bad
      FROM unnest(p_values) WITH ORDINALITY u(v, ord)
      LEFT JOIN LATERAL (SELECT r.name FROM reference.job_functions r WHERE lower(r.name) = lower(btrim(u.v)) LIMIT 1) c ON true
      LEFT JOIN reference.job_function_aliases a ON a.alias = reference.normalize_key(u.v)
      WHERE u.v IS NOT NULL;
    END IF;
  ELSIF v_table = 'seniorities' THEN
    SELECT array_agg(c.name ORDER BY u.ord), min(u.v) FILTER (WHERE c.name IS NULL) INTO v_out, v_bad
    FROM unnest(p_values) WITH ORDINALITY u(v, ord) LEFT JOIN LATERAL (SELECT r.name FROM reference.seniorities r WHERE lower(r.name) = lower(btrim(u.v)) LIMIT 1) c ON true
    WHERE u.v IS NOT NULL;
  ELSIF v_table = 'company_industries' THEN
    SELECT array_agg(c.name ORDER BY u.ord), min(u.v) FILTER (WHERE c.name IS NULL) INTO v_out, v_bad
    FROM unnest(p_values) WITH ORDINALITY u(v, ord) LEFT JOIN LATERAL (SELECT r.name FROM reference.company_industries r WHERE lower(r.name) = lower(btrim(u.v)) LIMIT 1) c ON true
    WHERE u.v IS NOT NULL;
  ELSIF v_table = 'employee_ranges' THEN
    SELECT array_agg(c.name ORDER BY u.ord), min(u.v) FILTER (WHERE c.name IS NULL) INTO v_out, v_bad
    FROM unnest(p_values) WITH ORDINALITY u(v, ord) LEFT JOIN LATERAL (SELECT r.name FROM reference.employee_ranges r WHERE lower(r.name) = lower(btrim(u.v)) LIMIT 1) c ON true
    WHERE u.v IS NOT NULL;
  ELSIF v_table = 'funding_ranges' THEN
    SELECT array_agg(c.name ORDER BY u.ord), min(u.v) FILTER (WHERE c.name IS NULL) INTO v_out, v_bad
    FROM unnest(p_values) WITH ORDINALITY u(v, ord) LEFT JOIN LATERAL (SELECT r.name FROM reference.funding_ranges r WHERE lower(r.name) = lower(btrim(u.v)) LIMIT 1) c ON true
    WHERE u.v IS NOT NULL;
  ELSIF v_table = 'revenue_ranges' THEN
    SELECT array_agg(c.name ORDER BY u.ord), min(u.v) FILTER (WHERE c.name IS NULL) INTO v_out, v_bad
    FROM unnest(p_values) WITH ORDINALITY u(v, ord) LEFT JOIN LATERAL (SELECT r.name FROM reference.revenue_ranges r WHERE lower(r.name) = lower(btrim(u.v)) LIMIT 1) c ON true
    WHERE u.v IS NOT NULL;
  ELSIF v_table = 'company_types' THEN
    SELECT array_agg(c.name ORDER BY u.ord), min(u.v) FILTER (WHERE c.name IS NULL) INTO v_out, v_bad
    FROM unnest(p_values) WITH ORDINALITY u(v, ord) LEFT JOIN LATERAL (SELECT r.name FROM reference.company_types r WHERE lower(r.name) = lower(btrim(u.v)) LIMIT 1) c ON true
    WHERE u.v IS NOT NULL;
  END IF;
  IF v_bad IS NOT NULL THEN
    EXECUTE format('SELECT count(*) FROM reference.%I', v_table) INTO v_n;
    IF v_n <= 40 THEN
      EXECUTE format('SELECT string_agg(c.name, '', '' ORDER BY c.sort_order, c.name) FROM reference.%I c', v_table) INTO v_allowed;
      v_allowed := 'allowed values: ' || v_allowed
                   || CASE WHEN v_table = 'job_functions' THEN ' (or an alias listed in reference.job_function_aliases)' ELSE '' END;
    ELSE
      EXECUTE format('SELECT string_agg(s.name, '', '' ORDER BY s.sim DESC, s.name) FROM (
                        SELECT c.name, public.similarity(lower(c.name), lower($1)) AS sim FROM reference.%I c
                        ORDER BY 2 DESC, 1 LIMIT 5) s', v_table) INTO v_allowed USING v_bad;
      v_allowed := format('%s allowed values (GET /api/filters/%s lists them); closest: %s', v_n,
                          CASE v_table WHEN 'company_industries' THEN 'industries' ELSE v_table END, v_allowed);
    END IF;
    RAISE EXCEPTION '% is not a canonical value of %', quote_literal(v_bad), p_field
      USING ERRCODE = '22023', COLUMN = p_field, HINT = v_allowed;
  END IF;
  RETURN coalesce(v_out, '{}');
END;
$$;
COMMENT ON FUNCTION core.canonical_values(text, text[]) IS
  'Canonical spelling of filter/reference values (case-insensitive; country aliases, job function aliases); 22023 naming the field and the allowed values otherwise.';
