CREATE OR REPLACE FUNCTION core.refresh_leads(p_urls text[])
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Recompute core.leads for the given people, set-based: a person is a lead
-- when the golden person has a current company whose golden row is complete
-- enough (company name and country, person country, job function and
-- seniority all present); otherwise the lead row is removed. Writes only
-- rows that change; returns rows inserted, updated or deleted.
DECLARE
  v_rows integer;
BEGIN
  -- the current companies of these people, locked shared before their golden
  -- rows are read (core.lock_companies); the next statement's snapshot then
  -- sees whatever a concurrent writer of those companies committed. The
  -- people are probed by key (DISTINCT over the array, as below): joined to
  -- the bare unnest the planner hashed all of people_full, ~0.3 s at 300,000
  -- people for a 10,000-person rematch
  PERFORM core.lock_companies(ARRAY(SELECT p.company_domain
                                    FROM (SELECT DISTINCT u.url FROM unnest(p_urls) AS u(url)) u
                                    JOIN core.people_full p ON p.linkedin_url = u.url), true);
  WITH k AS MATERIALIZED (  -- joined, not '= ANY (p_urls)' (see core.refresh_companies_full)
    SELECT DISTINCT u.url FROM unnest(p_urls) AS u(url)
  ), c AS (
    SELECT p.linkedin_url, p.full_name, p.cleaned_title, p.job_function, p.seniority,
           p.city AS person_city, p.state AS person_state, p.country AS person_country,
           f.domain AS company_domain, f.name AS company_name, f.linkedin_url AS company_linkedin_url,
           f.city AS company_city, f.state AS company_state, f.country AS company_country,
           f.employee_range, f.industry, f.company_type, f.funding_range, f.revenue_range, p.job_start_date
    FROM k JOIN core.people_full p ON p.linkedin_url = k.url JOIN core.companies_full f ON f.domain = p.company_domain
    WHERE f.name IS NOT NULL AND f.country IS NOT NULL AND p.country IS NOT NULL
      AND p.job_function IS NOT NULL AND p.seniority IS NOT NULL
  ), del AS (
    DELETE FROM core.leads l USING k
    WHERE l.linkedin_url = k.url AND NOT EXISTS (SELECT 1 FROM c WHERE c.linkedin_url = l.linkedin_url)
    RETURNING 1
  ), ins AS (
    INSERT INTO core.leads AS l (linkedin_url, full_name, cleaned_title, job_function, seniority, person_city, person_state,
           person_country, company_domain, company_name, company_linkedin_url, company_city, company_state, company_country,
           employee_range, industry, company_type, funding_range, revenue_range, job_start_date)
    SELECT c.linkedin_url, c.full_name, c.cleaned_title, c.job_function, c.seniority, c.person_city, c.person_state,
           c.person_country, c.company_domain, c.company_name, c.company_linkedin_url, c.company_city, c.company_state,
           c.company_country, c.employee_range, c.industry, c.company_type, c.funding_range, c.revenue_range, c.job_start_date
    FROM c ORDER BY c.linkedin_url
    ON CONFLICT (linkedin_url) DO UPDATE SET
      full_name = excluded.full_name, cleaned_title = excluded.cleaned_title, job_function = excluded.job_function,
      seniority = excluded.seniority, person_city = excluded.person_city, person_state = excluded.person_state,
      person_country = excluded.person_country, company_domain = excluded.company_domain,
      company_name = excluded.company_name, company_linkedin_url = excluded.company_linkedin_url,
      company_city = excluded.company_city, company_state = excluded.company_state,
      company_country = excluded.company_country, employee_range = excluded.employee_range,
      industry = excluded.industry, company_type = excluded.company_type, funding_range = excluded.funding_range,
      revenue_range = excluded.revenue_range, job_start_date = excluded.job_start_date, updated_at = now()
    WHERE (l.full_name, l.cleaned_title, l.job_function, l.seniority, l.person_city, l.person_state, l.person_country,
           l.company_domain, l.company_name, l.company_linkedin_url, l.company_city, l.company_state, l.company_country,
           l.employee_range, l.industry, l.company_type, l.funding_range, l.revenue_range, l.job_start_date)
          IS DISTINCT FROM
          (excluded.full_name, excluded.cleaned_title, excluded.job_function, excluded.seniority, excluded.person_city,
           excluded.person_state, excluded.person_country, excluded.company_domain, excluded.company_name,
           excluded.company_linkedin_url, excluded.company_city, excluded.company_state, excluded.company_country,
           excluded.employee_range, excluded.industry, excluded.company_type, excluded.funding_range,
           excluded.revenue_range, excluded.job_start_date)
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM del) + (SELECT count(*) FROM ins) INTO v_rows;
  RETURN v_rows;
END;
$$;
COMMENT ON FUNCTION core.refresh_leads(text[]) IS 'Recompute core.leads rows for the given people (insert, update, or remove when incomplete); returns rows changed.';
