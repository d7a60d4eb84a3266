CREATE OR REPLACE FUNCTION core.upsert_person_dimensions()
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- batch statements are estimated above jit_above_cost; compiling costs ~60 ms each
AS $$
-- Person dimensions for the rows resolved in pg_temp.hq_person_keys, keyed by
-- the stored person (e_url) and the workflow's source: names, job titles and
-- locations (raw beside matched; a location only replaces one with no more
-- matched parts), work history (a profile's experience replaces that
-- source's history as a set; a single current job marks the source's other
-- jobs not current), tenure, past employers, and the companies seen (entity,
-- name, and Sales Navigator's headcount, industry and registered address).
-- The companies whose rows this writes are listed in
-- pg_temp.hq_companies_touched: only their golden rows can have changed.
DECLARE
  v_companies text[];
BEGIN
  IF to_regclass('pg_temp.hq_companies_touched') IS NULL THEN
    CREATE TEMP TABLE hq_companies_touched (domain text) ON COMMIT DROP;
  END IF;
  TRUNCATE pg_temp.hq_companies_touched;

  INSERT INTO core.person_names AS t (linkedin_url, source, raw_name, cleaned_name)
  SELECT DISTINCT ON (k.e_url, x.source) k.e_url, x.source, x.full_name, btrim(x.full_name)
  FROM pg_temp.hq_person_keys k JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
  WHERE x.full_name IS NOT NULL
  ORDER BY k.e_url, x.source, x.extracted_at DESC
  ON CONFLICT (linkedin_url, source) DO UPDATE SET raw_name = excluded.raw_name, cleaned_name = excluded.cleaned_name, updated_at = now()
  WHERE (t.raw_name, t.cleaned_name) IS DISTINCT FROM (excluded.raw_name, excluded.cleaned_name);

  -- titles and locations repeat across people: each distinct value is matched once
  WITH x AS MATERIALIZED (
    SELECT DISTINCT ON (k.e_url, x.source) k.e_url, x.source, x.title
    FROM pg_temp.hq_person_keys k JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
    WHERE x.title IS NOT NULL
    ORDER BY k.e_url, x.source, x.extracted_at DESC
  ), m AS MATERIALIZED (
    SELECT * FROM reference.match_job_titles(ARRAY(SELECT DISTINCT x.title FROM x))
  )
  INSERT INTO core.person_job_titles AS t (linkedin_url, source, raw_title, matched_cleaned_title, matched_job_function, matched_seniority)
  SELECT x.e_url, x.source, x.title, m.cleaned_title, m.job_function, m.seniority
  FROM x JOIN m ON m.raw_title = x.title
  ON CONFLICT (linkedin_url, source) DO UPDATE SET raw_title = excluded.raw_title,
    matched_cleaned_title = excluded.matched_cleaned_title, matched_job_function = excluded.matched_job_function,
    matched_seniority = excluded.matched_seniority, updated_at = now()
  WHERE (t.raw_title, t.matched_cleaned_title, t.matched_job_function, t.matched_seniority) IS DISTINCT FROM
        (excluded.raw_title, excluded.matched_cleaned_title, excluded.matched_job_function, excluded.matched_seniority);

  PERFORM core.upsert_locations('person', array_agg(x.e_url), array_agg(x.source), array_agg(x.location), array_agg(x.country))
  FROM (SELECT DISTINCT ON (k.e_url, x.source) k.e_url, x.source, x.location, x.country
        FROM pg_temp.hq_person_keys k JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
        WHERE x.location IS NOT NULL OR x.country IS NOT NULL
        ORDER BY k.e_url, x.source, x.extracted_at DESC) x;

  -- jobs of this batch: a profile's experience, else the one current job of the row
  IF to_regclass('pg_temp.hq_person_jobs') IS NULL THEN
    CREATE TEMP TABLE hq_person_jobs (
    linkedin_url text, source text, from_experience boolean, company_domain text, company_name text,
    company_linkedin_url text, title text, start_date date, end_date date, is_current boolean,
    person_is_new boolean) ON COMMIT DROP;
  END IF;
  TRUNCATE pg_temp.hq_person_jobs;
  INSERT INTO pg_temp.hq_person_jobs
  SELECT DISTINCT ON (k.e_url, e.company_domain, e.title, e.start_date, x.source)
         k.e_url, x.source, true, e.company_domain, e.company_name, e.company_linkedin_url, e.title,
         e.start_date, e.end_date, coalesce(e.is_current, false), k.is_new
  FROM pg_temp.hq_person_keys k
  JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
  JOIN extracted.person_experience e ON e.linkedin_url = k.url AND e.workflow_slug = k.slug
  WHERE e.company_domain IS NOT NULL OR e.company_name IS NOT NULL
  ORDER BY k.e_url, e.company_domain, e.title, e.start_date, x.source, e.ordinal;
  INSERT INTO pg_temp.hq_person_jobs
  SELECT DISTINCT ON (k.e_url, x.source) k.e_url, x.source, false, x.company_domain, x.company_name,
         x.company_linkedin_url, x.title, x.job_start_date, NULL, true, k.is_new
  FROM pg_temp.hq_person_keys k
  JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
  WHERE (x.company_domain IS NOT NULL OR x.company_name IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM extracted.person_experience e WHERE e.linkedin_url = k.url AND e.workflow_slug = k.slug)
  ORDER BY k.e_url, x.source, x.extracted_at DESC;

  -- (people new in this batch, person_is_new from hq_person_keys.is_new,
  -- have nothing stored to delete or unmark)
  DELETE FROM core.person_work_history w
  USING (SELECT DISTINCT j.linkedin_url, j.source FROM pg_temp.hq_person_jobs j
         WHERE j.from_experience AND NOT j.person_is_new) s
  WHERE w.linkedin_url = s.linkedin_url AND w.source = s.source
    AND NOT EXISTS (SELECT 1 FROM pg_temp.hq_person_jobs j
                    WHERE j.linkedin_url = w.linkedin_url AND j.source = w.source
                      AND (j.company_domain, j.title, j.start_date) IS NOT DISTINCT FROM (w.company_domain, w.title, w.start_date));
  UPDATE core.person_work_history w SET is_current = false, updated_at = now()
  FROM pg_temp.hq_person_jobs j
  WHERE NOT j.from_experience AND w.linkedin_url = j.linkedin_url AND w.source = j.source AND w.is_current
    AND NOT j.person_is_new
    AND (j.company_domain, j.title, j.start_date) IS DISTINCT FROM (w.company_domain, w.title, w.start_date);
  INSERT INTO core.person_work_history AS t (linkedin_url, company_domain, company_name, title, start_date, end_date, is_current, source)
  SELECT j.linkedin_url, j.company_domain, j.company_name, j.title, j.start_date, j.end_date, j.is_current, j.source
  FROM pg_temp.hq_person_jobs j
  ON CONFLICT ON CONSTRAINT person_work_history_key DO UPDATE SET company_name = excluded.company_name,
    end_date = excluded.end_date, is_current = excluded.is_current, updated_at = now()
  WHERE (t.company_name, t.end_date, t.is_current) IS DISTINCT FROM (excluded.company_name, excluded.end_date, excluded.is_current);

  DELETE FROM core.person_tenure te
  USING (SELECT DISTINCT j.linkedin_url, j.source FROM pg_temp.hq_person_jobs j WHERE NOT j.person_is_new) s
  WHERE te.linkedin_url = s.linkedin_url AND te.source = s.source
    AND NOT EXISTS (SELECT 1 FROM pg_temp.hq_person_jobs j WHERE j.is_current AND j.linkedin_url = te.linkedin_url
                      AND j.source = te.source AND j.company_domain IS NOT DISTINCT FROM te.company_domain);
  INSERT INTO core.person_tenure AS t (linkedin_url, company_domain, job_start_date, source)
  SELECT DISTINCT ON (j.linkedin_url, j.company_domain, j.source) j.linkedin_url, j.company_domain, j.start_date, j.source
  FROM pg_temp.hq_person_jobs j WHERE j.is_current
  ORDER BY j.linkedin_url, j.company_domain, j.source, j.start_date DESC NULLS LAST
  ON CONFLICT ON CONSTRAINT person_tenure_key DO UPDATE SET job_start_date = excluded.job_start_date, updated_at = now()
  WHERE t.job_start_date IS DISTINCT FROM excluded.job_start_date;

  INSERT INTO core.person_past_employer (linkedin_url, company_domain, company_name, source)
  SELECT DISTINCT j.linkedin_url, j.company_domain, j.company_name, j.source
  FROM pg_temp.hq_person_jobs j
  WHERE NOT j.is_current
    AND NOT EXISTS (SELECT 1 FROM pg_temp.hq_person_jobs c WHERE c.is_current AND c.linkedin_url = j.linkedin_url
                      AND c.company_domain IS NOT DISTINCT FROM j.company_domain)
  ON CONFLICT ON CONSTRAINT person_past_employer_key DO NOTHING;

  -- companies seen in work history or named by a profile: the entity and its
  -- name from this source (named as the company_names row below names it, so
  -- the golden refresh of a new company finds the name already there)
  WITH s (domain, name, url, is_current) AS (
    SELECT j.company_domain, j.company_name, j.company_linkedin_url, j.is_current
    FROM pg_temp.hq_person_jobs j WHERE j.company_domain IS NOT NULL
    UNION ALL
    SELECT x.company_domain, x.company_name, x.company_linkedin_url, true
    FROM pg_temp.hq_person_keys k JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
    WHERE x.company_domain IS NOT NULL
  ), w AS (
    INSERT INTO core.companies (domain, name, linkedin_url)
    SELECT DISTINCT ON (s.domain) s.domain, s.name,
           CASE WHEN s.url LIKE 'https://www.linkedin.com/company/%' THEN s.url END
    FROM s
    ORDER BY s.domain, s.name IS NULL, s.is_current DESC
    ON CONFLICT (domain) DO NOTHING
    RETURNING domain
  ), t AS (
    INSERT INTO pg_temp.hq_companies_touched SELECT w.domain FROM w
  )
  SELECT array_agg(DISTINCT s.domain) INTO v_companies FROM s;

  -- every company the batch names (all exist now), locked before any row of
  -- theirs is written and before golden people and leads are derived
  -- (core.lock_companies: a concurrent company batch and this one serialize,
  -- so neither derives a lead from a golden company row the other is
  -- changing). Only rows keyed by this batch's people are written above.
  PERFORM core.lock_companies(v_companies);
  WITH w AS (
  INSERT INTO core.company_names AS t (domain, source, raw_name, cleaned_name, linkedin_url)
  SELECT DISTINCT ON (j.company_domain, j.source) j.company_domain, j.source, j.company_name, j.company_name,
         CASE WHEN j.company_linkedin_url LIKE 'https://www.linkedin.com/company/%' THEN j.company_linkedin_url END
  FROM pg_temp.hq_person_jobs j WHERE j.company_domain IS NOT NULL AND j.company_name IS NOT NULL
  ORDER BY j.company_domain, j.source, j.is_current DESC
  ON CONFLICT (domain, source) DO NOTHING
  RETURNING t.domain)
  INSERT INTO pg_temp.hq_companies_touched SELECT w.domain FROM w;

  -- Sales Navigator rows describe the current company too
  WITH w AS (
  INSERT INTO core.company_employee_ranges AS t (domain, source, raw_size, raw_employee_count, matched_employee_range)
  SELECT DISTINCT ON (x.company_domain, x.source) x.company_domain, x.source, x.company_size, NULL::int,
         reference.match_employee_range(x.company_size)
  FROM pg_temp.hq_person_keys k JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
  WHERE x.company_domain IS NOT NULL AND x.company_size IS NOT NULL
  ORDER BY x.company_domain, x.source, x.extracted_at DESC
  ON CONFLICT (domain, source) DO UPDATE SET raw_size = excluded.raw_size, matched_employee_range = excluded.matched_employee_range, updated_at = now()
  WHERE (t.raw_size, t.matched_employee_range) IS DISTINCT FROM (excluded.raw_size, excluded.matched_employee_range)
  RETURNING t.domain)
  INSERT INTO pg_temp.hq_companies_touched SELECT w.domain FROM w;
  WITH w AS (
  INSERT INTO core.company_industries AS t (domain, source, raw_industry, matched_industry)
  SELECT DISTINCT ON (x.company_domain, x.source) x.company_domain, x.source, x.company_industry,
         reference.match_industry(x.company_industry)
  FROM pg_temp.hq_person_keys k JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
  WHERE x.company_domain IS NOT NULL AND x.company_industry IS NOT NULL
  ORDER BY x.company_domain, x.source, x.extracted_at DESC
  ON CONFLICT (domain, source) DO UPDATE SET raw_industry = excluded.raw_industry, matched_industry = excluded.matched_industry, updated_at = now()
  WHERE (t.raw_industry, t.matched_industry) IS DISTINCT FROM (excluded.raw_industry, excluded.matched_industry)
  RETURNING t.domain)
  INSERT INTO pg_temp.hq_companies_touched SELECT w.domain FROM w;
  -- (no country in these rows: the stored raw_country is kept)
  INSERT INTO pg_temp.hq_companies_touched
  SELECT d.domain
  FROM (SELECT array_agg(x.company_domain) AS domains, array_agg(x.source) AS sources, array_agg(x.company_location) AS locations
        FROM (SELECT DISTINCT ON (x.company_domain, x.source) x.company_domain, x.source, x.company_location
              FROM pg_temp.hq_person_keys k JOIN extracted.person_profile x ON x.linkedin_url = k.url AND x.workflow_slug = k.slug
              WHERE x.company_domain IS NOT NULL AND x.company_location IS NOT NULL
              ORDER BY x.company_domain, x.source, x.extracted_at DESC) x) a
  CROSS JOIN LATERAL core.upsert_locations('company', a.domains, a.sources, a.locations, NULL) AS d(domain);
END;
$$;
COMMENT ON FUNCTION core.upsert_person_dimensions() IS
  'Person dimensions, work history, tenure, past employers and companies seen, for the batch resolved in pg_temp.hq_person_keys.';
