CREATE OR REPLACE FUNCTION core.upsert_person_jobs()
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Work history, tenure and past employers for the rows resolved in
-- pg_temp.hq_person_keys. A profile's experience replaces that source's
-- history as a set; a row with only a current job marks the source's other
-- jobs not current. People new in this batch (hq_person_keys.is_new, set by
-- core.process_person_batch) have nothing stored to delete or unmark.
-- Writes pg_temp.hq_person_jobs (this batch's jobs, one row per person,
-- source and job), read by core.upsert_companies_seen.
BEGIN
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
  DELETE FROM core.person_work_history h
  USING (SELECT DISTINCT j.linkedin_url, j.source FROM pg_temp.hq_person_jobs j
         WHERE j.from_experience AND NOT j.person_is_new) s
  WHERE h.linkedin_url = s.linkedin_url AND h.source = s.source
    AND NOT EXISTS (SELECT 1 FROM pg_temp.hq_person_jobs j
                    WHERE j.linkedin_url = h.linkedin_url AND j.source = h.source
                      AND (j.company_domain, j.title, j.start_date) IS NOT DISTINCT FROM (h.company_domain, h.title, h.start_date));
  UPDATE core.person_work_history h SET is_current = false, updated_at = now()
  FROM pg_temp.hq_person_jobs j
  WHERE NOT j.from_experience AND h.linkedin_url = j.linkedin_url AND h.source = j.source AND h.is_current
    AND NOT j.person_is_new
    AND (j.company_domain, j.title, j.start_date) IS DISTINCT FROM (h.company_domain, h.title, h.start_date);
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
END;
$$;
COMMENT ON FUNCTION core.upsert_person_jobs() IS
  'Work history, tenure and past employers for the batch resolved in pg_temp.hq_person_keys; leaves the jobs in pg_temp.hq_person_jobs.';
