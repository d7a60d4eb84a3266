CREATE OR REPLACE FUNCTION core.refresh_people_full(p_urls text[])
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Recompute the golden rows of the given people, set-based, with the
-- company survivorship rules: per field the row with a non-NULL matched value
-- and the lowest reference.source_rank(field, source), ties to the most
-- recently updated; city/state/country win together ('location'); the
-- current company is the winning current job ('company'; latest start
-- first). Then their leads. Returns how many golden rows were written.
DECLARE
  v_rows integer;
BEGIN
  WITH d AS (
    SELECT p.linkedin_url FROM core.people p WHERE p.linkedin_url = ANY (p_urls)
  ), n AS (
    SELECT DISTINCT ON (t.linkedin_url) t.linkedin_url, t.cleaned_name AS v, t.source FROM core.person_names t
    WHERE t.linkedin_url = ANY (p_urls) AND t.cleaned_name IS NOT NULL
    ORDER BY t.linkedin_url, reference.source_rank('full_name', t.source), t.updated_at DESC
  ), ct AS (
    SELECT DISTINCT ON (t.linkedin_url) t.linkedin_url, t.matched_cleaned_title AS v, t.source FROM core.person_job_titles t
    WHERE t.linkedin_url = ANY (p_urls) AND t.matched_cleaned_title IS NOT NULL
    ORDER BY t.linkedin_url, reference.source_rank('cleaned_title', t.source), t.updated_at DESC
  ), jf AS (
    SELECT DISTINCT ON (t.linkedin_url) t.linkedin_url, t.matched_job_function AS v, t.source FROM core.person_job_titles t
    WHERE t.linkedin_url = ANY (p_urls) AND t.matched_job_function IS NOT NULL
    ORDER BY t.linkedin_url, reference.source_rank('job_function', t.source), t.updated_at DESC
  ), sn AS (
    SELECT DISTINCT ON (t.linkedin_url) t.linkedin_url, t.matched_seniority AS v, t.source FROM core.person_job_titles t
    WHERE t.linkedin_url = ANY (p_urls) AND t.matched_seniority IS NOT NULL
    ORDER BY t.linkedin_url, reference.source_rank('seniority', t.source), t.updated_at DESC
  ), lo AS (
    SELECT DISTINCT ON (t.linkedin_url) t.linkedin_url, t.matched_city, t.matched_state, t.matched_country, t.source
    FROM core.person_locations t
    WHERE t.linkedin_url = ANY (p_urls) AND num_nonnulls(t.matched_city, t.matched_state, t.matched_country) > 0
    ORDER BY t.linkedin_url, reference.source_rank('location', t.source), t.updated_at DESC
  ), job AS (
    SELECT DISTINCT ON (t.linkedin_url) t.linkedin_url, t.company_domain, t.company_name, t.start_date, t.source
    FROM core.person_work_history t
    WHERE t.linkedin_url = ANY (p_urls) AND t.is_current AND t.company_domain IS NOT NULL
    ORDER BY t.linkedin_url, reference.source_rank('company', t.source), t.start_date DESC NULLS LAST, t.updated_at DESC
  ), w AS (
    INSERT INTO core.people_full AS g (linkedin_url, full_name, cleaned_title, job_function, seniority, city, state, country,
                                       company_domain, company_name, job_start_date, sources, updated_at)
    SELECT d.linkedin_url, n.v, ct.v, jf.v, sn.v, lo.matched_city, lo.matched_state, lo.matched_country,
           job.company_domain, job.company_name, job.start_date,
           jsonb_strip_nulls(jsonb_build_object(
             'full_name', n.source, 'cleaned_title', ct.source, 'job_function', jf.source, 'seniority', sn.source,
             'city', CASE WHEN lo.matched_city IS NOT NULL THEN lo.source END,
             'state', CASE WHEN lo.matched_state IS NOT NULL THEN lo.source END,
             'country', CASE WHEN lo.matched_country IS NOT NULL THEN lo.source END,
             'company_domain', job.source, 'company_name', CASE WHEN job.company_name IS NOT NULL THEN job.source END,
             'job_start_date', CASE WHEN job.start_date IS NOT NULL THEN job.source END)),
           now()
    FROM d
    LEFT JOIN n ON n.linkedin_url = d.linkedin_url LEFT JOIN ct ON ct.linkedin_url = d.linkedin_url
    LEFT JOIN jf ON jf.linkedin_url = d.linkedin_url LEFT JOIN sn ON sn.linkedin_url = d.linkedin_url
    LEFT JOIN lo ON lo.linkedin_url = d.linkedin_url LEFT JOIN job ON job.linkedin_url = d.linkedin_url
    ORDER BY d.linkedin_url
    ON CONFLICT (linkedin_url) DO UPDATE SET
      full_name = excluded.full_name, cleaned_title = excluded.cleaned_title, job_function = excluded.job_function,
      seniority = excluded.seniority, city = excluded.city, state = excluded.state, country = excluded.country,
      company_domain = excluded.company_domain, company_name = excluded.company_name,
      job_start_date = excluded.job_start_date, sources = excluded.sources, updated_at = now()
    WHERE (g.full_name, g.cleaned_title, g.job_function, g.seniority, g.city, g.state, g.country,
           g.company_domain, g.company_name, g.job_start_date, g.sources)
          IS DISTINCT FROM
          (excluded.full_name, excluded.cleaned_title, excluded.job_function, excluded.seniority, excluded.city,
           excluded.state, excluded.country, excluded.company_domain, excluded.company_name,
           excluded.job_start_date, excluded.sources)
    RETURNING g.linkedin_url, g.full_name
  ), c AS (
    UPDATE core.people p SET full_name = w.full_name, updated_at = now()
    FROM w WHERE p.linkedin_url = w.linkedin_url AND p.full_name IS DISTINCT FROM w.full_name
    RETURNING 1
  )
  SELECT count(*) INTO v_rows FROM w;
  PERFORM core.refresh_leads(p_urls);
  RETURN v_rows;
END;
$$;
COMMENT ON FUNCTION core.refresh_people_full(text[]) IS 'Recompute golden person rows (and their leads) for the given LinkedIn URLs by survivorship; returns rows written.';
