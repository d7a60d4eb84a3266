CREATE OR REPLACE FUNCTION core.upsert_company_dimensions()
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Company dimensions from this batch's profile rows in pg_temp.hq_company_x
-- (core.extract_company_profiles), raw beside matched, keyed by (domain,
-- source): names, employee ranges, the single-value dimensions of
-- reference.single_value_dimensions (type, funding, revenue), locations
-- (core.upsert_locations), industries and descriptions. Each distinct raw
-- value is matched once (reference.match_values / match_locations); an
-- upsert writes only real changes. The caller holds the companies' locks
-- (core.lock_companies) and has set hq.in_pipeline, so the dimension
-- triggers leave the golden refresh to it.
DECLARE
  v_dim record;
BEGIN
  INSERT INTO core.company_names AS t (domain, source, raw_name, cleaned_name, linkedin_url)
  SELECT x.domain, x.source, x.name, x.cleaned_name, x.linkedin_url
  FROM pg_temp.hq_company_x x
  WHERE x.name IS NOT NULL OR x.linkedin_url IS NOT NULL
  ON CONFLICT (domain, source) DO UPDATE SET raw_name = excluded.raw_name, cleaned_name = excluded.cleaned_name,
    linkedin_url = coalesce(excluded.linkedin_url, t.linkedin_url), updated_at = now()
  WHERE (t.raw_name, t.cleaned_name, t.linkedin_url) IS DISTINCT FROM
        (excluded.raw_name, excluded.cleaned_name, coalesce(excluded.linkedin_url, t.linkedin_url));

  INSERT INTO core.company_employee_ranges AS t (domain, source, raw_size, raw_employee_count, matched_employee_range)
  SELECT x.domain, x.source, x.size, x.employee_count,
         CASE WHEN x.employee_count IS NULL THEN m.matched_value
              ELSE reference.match_employee_range(x.size, x.employee_count) END
  FROM pg_temp.hq_company_x x
  LEFT JOIN reference.match_values('employee_range', ARRAY(SELECT c.size FROM pg_temp.hq_company_x c)) m ON m.raw_value = x.size
  WHERE x.size IS NOT NULL OR x.employee_count IS NOT NULL
  ON CONFLICT (domain, source) DO UPDATE SET raw_size = excluded.raw_size, raw_employee_count = excluded.raw_employee_count,
    matched_employee_range = excluded.matched_employee_range, updated_at = now()
  WHERE (t.raw_size, t.raw_employee_count, t.matched_employee_range) IS DISTINCT FROM
        (excluded.raw_size, excluded.raw_employee_count, excluded.matched_employee_range);

  -- type, funding and revenue: one raw and one matched column each, one
  -- statement shape over the name map (identifiers via %I)
  FOR v_dim IN SELECT * FROM reference.single_value_dimensions() LOOP
    EXECUTE format($sql$
      INSERT INTO core.%1$I AS t (domain, source, %2$I, %3$I)
      SELECT x.domain, x.source, x.%4$I, m.matched_value
      FROM pg_temp.hq_company_x x
      JOIN reference.match_values(%5$L, ARRAY(SELECT c.%4$I FROM pg_temp.hq_company_x c)) m ON m.raw_value = x.%4$I
      WHERE x.%4$I IS NOT NULL
      ON CONFLICT (domain, source) DO UPDATE SET %2$I = excluded.%2$I, %3$I = excluded.%3$I, updated_at = now()
      WHERE (t.%2$I, t.%3$I) IS DISTINCT FROM (excluded.%2$I, excluded.%3$I)$sql$,
      v_dim.dimension_table, v_dim.raw_column, v_dim.matched_column, v_dim.extracted_column, v_dim.match_kind);
  END LOOP;

  -- locations: the one location upsert (core.upsert_locations)
  PERFORM core.upsert_locations('company', array_agg(x.domain), array_agg(x.source), array_agg(x.raw_location), array_agg(x.country))
  FROM (SELECT x.domain, x.source, x.country,
               coalesce(CASE WHEN x.city IS NOT NULL THEN concat_ws(', ', x.city, x.state) END, x.location) AS raw_location
        FROM pg_temp.hq_company_x x
        WHERE x.location IS NOT NULL OR x.city IS NOT NULL OR x.country IS NOT NULL) x;

  INSERT INTO core.company_industries AS t (domain, source, raw_industry, raw_industries, matched_industry)
  SELECT x.domain, x.source, x.industry, x.industries,
         coalesce(m.matched_value,
                  (SELECT reference.match_industry(i) FROM jsonb_array_elements_text(x.industries) AS i
                   WHERE reference.match_industry(i) IS NOT NULL LIMIT 1))
  FROM pg_temp.hq_company_x x
  LEFT JOIN reference.match_values('industry', ARRAY(SELECT c.industry FROM pg_temp.hq_company_x c)) m ON m.raw_value = x.industry
  WHERE x.industry IS NOT NULL OR x.industries IS NOT NULL
  ON CONFLICT (domain, source) DO UPDATE SET raw_industry = excluded.raw_industry, raw_industries = excluded.raw_industries,
    matched_industry = excluded.matched_industry, updated_at = now()
  WHERE (t.raw_industry, t.raw_industries, t.matched_industry) IS DISTINCT FROM
        (excluded.raw_industry, excluded.raw_industries, excluded.matched_industry);

  INSERT INTO core.company_descriptions AS t (domain, source, description, tagline)
  SELECT x.domain, x.source, x.description, x.tagline
  FROM pg_temp.hq_company_x x
  WHERE x.description IS NOT NULL OR x.tagline IS NOT NULL
  ON CONFLICT (domain, source) DO UPDATE SET description = excluded.description, tagline = excluded.tagline, updated_at = now()
  WHERE (t.description, t.tagline) IS DISTINCT FROM (excluded.description, excluded.tagline);
END;
$$;
COMMENT ON FUNCTION core.upsert_company_dimensions() IS
  'Company dimension upserts (names, employee range, type, funding, revenue, location, industry, description) from pg_temp.hq_company_x.';
