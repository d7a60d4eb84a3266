CREATE OR REPLACE FUNCTION core.upsert_companies_seen()
RETURNS text[]
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- The companies a person batch names: in work history
-- (pg_temp.hq_person_jobs, core.upsert_person_jobs) or as a profile's
-- current company (pg_temp.hq_person_keys). Creates the entity and its name
-- from this source, locks every named company (core.lock_companies), and
-- writes what Sales Navigator rows say of the current company: headcount,
-- industry and registered address. Returns the domains whose company rows
-- this wrote: only their golden rows can have changed.
DECLARE
  v_companies text[];
  v_touched text[];
BEGIN
  -- companies seen in work history or named by a profile: the entity and its
  -- name from this source (named as the company_names row below names it, so
  -- the golden refresh of a new company finds the name already there)
  WITH seen (domain, name, url, is_current) AS (
    SELECT j.company_domain, j.company_name, j.company_linkedin_url, j.is_current
    FROM pg_temp.hq_person_jobs j WHERE j.company_domain IS NOT NULL
    UNION ALL
    SELECT x.company_domain, x.company_name, x.company_linkedin_url, true
    FROM pg_temp.hq_person_keys k JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
    WHERE x.company_domain IS NOT NULL
  ), created AS (
    INSERT INTO core.companies (domain, name, linkedin_url)
    SELECT DISTINCT ON (seen.domain) seen.domain, seen.name,
           CASE WHEN seen.url LIKE 'https://www.linkedin.com/company/%' THEN seen.url END
    FROM seen
    ORDER BY seen.domain, seen.name IS NULL, seen.is_current DESC
    ON CONFLICT (domain) DO NOTHING
    RETURNING domain
  )
  SELECT array_agg(DISTINCT seen.domain), (SELECT array_agg(created.domain) FROM created)
    INTO v_companies, v_touched FROM seen;

  -- every company the batch names (all exist now), locked before any row of
  -- theirs is written and before golden people and leads are derived
  -- (core.lock_companies: a concurrent company batch and this one serialize,
  -- so neither derives a lead from a golden company row the other is
  -- changing). Only rows keyed by this batch's people are written above.
  PERFORM core.lock_companies(v_companies);
  WITH written AS (
  INSERT INTO core.company_names AS t (domain, source, raw_name, cleaned_name, linkedin_url)
  SELECT DISTINCT ON (j.company_domain, j.source) j.company_domain, j.source, j.company_name, j.company_name,
         CASE WHEN j.company_linkedin_url LIKE 'https://www.linkedin.com/company/%' THEN j.company_linkedin_url END
  FROM pg_temp.hq_person_jobs j WHERE j.company_domain IS NOT NULL AND j.company_name IS NOT NULL
  ORDER BY j.company_domain, j.source, j.is_current DESC
  ON CONFLICT (domain, source) DO NOTHING
  RETURNING t.domain)
  SELECT v_touched || array_agg(written.domain) INTO v_touched FROM written;

  -- Sales Navigator rows describe the current company too
  WITH written AS (
  INSERT INTO core.company_employee_ranges AS t (domain, source, raw_size, raw_employee_count, matched_employee_range)
  SELECT DISTINCT ON (x.company_domain, x.source) x.company_domain, x.source, x.company_size, NULL::int,
         reference.match_employee_range(x.company_size)
  FROM pg_temp.hq_person_keys k JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
  WHERE x.company_domain IS NOT NULL AND x.company_size IS NOT NULL
  ORDER BY x.company_domain, x.source, x.extracted_at DESC
  ON CONFLICT (domain, source) DO UPDATE SET raw_size = excluded.raw_size, matched_employee_range = excluded.matched_employee_range, updated_at = now()
  WHERE (t.raw_size, t.matched_employee_range) IS DISTINCT FROM (excluded.raw_size, excluded.matched_employee_range)
  RETURNING t.domain)
  SELECT v_touched || array_agg(written.domain) INTO v_touched FROM written;
  WITH written AS (
  INSERT INTO core.company_industries AS t (domain, source, raw_industry, matched_industry)
  SELECT DISTINCT ON (x.company_domain, x.source) x.company_domain, x.source, x.company_industry,
         reference.match_industry(x.company_industry)
  FROM pg_temp.hq_person_keys k JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
  WHERE x.company_domain IS NOT NULL AND x.company_industry IS NOT NULL
  ORDER BY x.company_domain, x.source, x.extracted_at DESC
  ON CONFLICT (domain, source) DO UPDATE SET raw_industry = excluded.raw_industry, matched_industry = excluded.matched_industry, updated_at = now()
  WHERE (t.raw_industry, t.matched_industry) IS DISTINCT FROM (excluded.raw_industry, excluded.matched_industry)
  RETURNING t.domain)
  SELECT v_touched || array_agg(written.domain) INTO v_touched FROM written;
  -- (no country in these rows: the stored raw_country is kept)
  SELECT v_touched || array_agg(d.domain) INTO v_touched
  FROM (SELECT array_agg(x.company_domain) AS domains, array_agg(x.source) AS sources, array_agg(x.company_location) AS locations
        FROM (SELECT DISTINCT ON (x.company_domain, x.source) x.company_domain, x.source, x.company_location
              FROM pg_temp.hq_person_keys k JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
              WHERE x.company_domain IS NOT NULL AND x.company_location IS NOT NULL
              ORDER BY x.company_domain, x.source, x.extracted_at DESC) x) a
  CROSS JOIN LATERAL core.upsert_locations('company', a.domains, a.sources, a.locations, NULL) AS d(domain);
  RETURN ARRAY(SELECT DISTINCT d FROM unnest(v_touched) AS d);
END;
$$;
COMMENT ON FUNCTION core.upsert_companies_seen() IS
  'Companies named by a person batch: entity, name, Sales Navigator headcount/industry/address, locks; returns the domains written.';
