CREATE OR REPLACE FUNCTION api.map_unmatched_value(p_kind text, p_raw_value text, p_values jsonb)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Admin, from the unmatched values work list: map one raw value of a kind
-- to canonical values. The lookup row goes in through api.add_job_title_lookup
-- (title: cleaned_title, job_function, seniority), api.add_location_lookup
-- (location: city, state, country) or the kind's (raw_value, matched_value)
-- lookup (size, revenue, funding, type, industry: matched_value); the rematch
-- trigger re-matches the stored rows in this transaction. Returns the lookup
-- row, the rematch counts (dimension_rows, golden_rows) and the leads among
-- the people the value touches before and after.
DECLARE
  v_lookup text := CASE p_kind WHEN 'size' THEN 'employee_range_lookup' WHEN 'revenue' THEN 'revenue_range_lookup'
                     WHEN 'funding' THEN 'funding_range_lookup' WHEN 'type' THEN 'company_type_lookup'
                     WHEN 'industry' THEN 'industry_lookup' END;
  v_dim text := CASE p_kind WHEN 'size' THEN 'company_employee_ranges.raw_size'
                  WHEN 'revenue' THEN 'company_revenue.raw_revenue_range' WHEN 'funding' THEN 'company_funding.raw_funding_range'
                  WHEN 'type' THEN 'company_types.raw_type' WHEN 'industry' THEN 'company_industries.raw_industry' END;
  v_key text := reference.normalize_key(p_raw_value);
  v_people text[];
  v_before bigint;
  v_row jsonb;
  v_log bigint := (SELECT coalesce(max(g.id), 0) FROM reference.rematch_log g);
BEGIN
  IF v_key IS NULL OR v_key = '' THEN
    RAISE EXCEPTION 'raw_value is empty' USING ERRCODE = '22023';
  END IF;
  IF p_values IS NULL OR jsonb_typeof(p_values) <> 'object' THEN
    RAISE EXCEPTION 'values must be a JSON object' USING ERRCODE = '22023';
  END IF;
  -- the people whose lead status the mapping can change, found by the raw
  -- key indexes: holders of the title or location, staff of companies holding it
  IF p_kind = 'title' THEN
    v_people := ARRAY(SELECT DISTINCT t.linkedin_url FROM core.person_job_titles t WHERE reference.normalize_key(t.raw_title) = v_key);
  ELSIF p_kind = 'location' THEN
    v_people := ARRAY(SELECT l.linkedin_url FROM core.person_locations l WHERE reference.normalize_key(l.raw_location) = v_key
                      UNION
                      SELECT p.linkedin_url FROM core.company_locations c JOIN core.people_full p ON p.company_domain = c.domain
                      WHERE reference.normalize_key(c.raw_location) = v_key);
  ELSIF v_lookup IS NOT NULL THEN
    EXECUTE format('SELECT ARRAY(SELECT p.linkedin_url FROM core.%I d JOIN core.people_full p ON p.company_domain = d.domain
                                 WHERE reference.normalize_key(d.%I) = $1)', split_part(v_dim, '.', 1), split_part(v_dim, '.', 2))
      INTO v_people USING v_key;
  ELSE
    RAISE EXCEPTION 'unknown kind %', coalesce(quote_literal(p_kind), 'NULL')
      USING ERRCODE = '22023', HINT = 'kinds: title, location, size, revenue, funding, type, industry';
  END IF;
  SELECT count(*) INTO v_before FROM core.leads l WHERE l.linkedin_url = ANY (v_people);

  IF p_kind = 'title' THEN
    v_row := api.add_job_title_lookup(p_raw_value, nullif(btrim(p_values ->> 'cleaned_title'), ''),
                                      nullif(p_values ->> 'job_function', ''), nullif(p_values ->> 'seniority', ''));
  ELSIF p_kind = 'location' THEN
    v_row := api.add_location_lookup(p_raw_value, nullif(btrim(p_values ->> 'city'), ''),
                                     nullif(btrim(p_values ->> 'state'), ''), nullif(p_values ->> 'country', ''));
  ELSE
    EXECUTE format('INSERT INTO reference.%I AS l (raw_value, matched_value) VALUES ($1, $2)
                    ON CONFLICT (raw_value) DO UPDATE SET matched_value = excluded.matched_value
                    RETURNING to_jsonb(l.*)', v_lookup)
      INTO v_row USING p_raw_value, nullif(p_values ->> 'matched_value', '');
  END IF;
  RETURN jsonb_build_object('kind', p_kind, 'raw_value', p_raw_value, 'lookup', v_row - 'dimension_rows' - 'golden_rows',
                            'dimension_rows', (SELECT coalesce(sum(g.dimension_rows), 0) FROM reference.rematch_log g WHERE g.id > v_log),
                            'golden_rows', (SELECT coalesce(sum(g.golden_rows), 0) FROM reference.rematch_log g WHERE g.id > v_log),
                            'people', cardinality(v_people), 'leads_before', v_before,
                            'leads_after', (SELECT count(*) FROM core.leads l WHERE l.linkedin_url = ANY (v_people)));
END;
$$;
COMMENT ON FUNCTION api.map_unmatched_value(text, text, jsonb) IS 'Admin: map an unmatched raw value (title, location, size, revenue, funding, type, industry) to canonical values; the rematch runs in the database; returns rows, golden records and leads changed.';
