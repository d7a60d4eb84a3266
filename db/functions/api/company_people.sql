CREATE OR REPLACE FUNCTION api.company_people(p_domain text, p_limit integer DEFAULT 100)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Dashboard: golden people whose current company is p_domain (any form
  -- core.normalize_domain accepts), leads first, then by name, with whether
  -- each is a lead: [{linkedin_url, full_name, cleaned_title, job_function,
  -- seniority, country, job_start_date, is_lead}]. Read through the
  -- company index of people_full.
  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'linkedin_url', p.linkedin_url, 'full_name', p.full_name, 'cleaned_title', p.cleaned_title,
           'job_function', p.job_function, 'seniority', p.seniority, 'country', p.country,
           'job_start_date', p.job_start_date, 'is_lead', p.is_lead)
           ORDER BY p.is_lead DESC, p.full_name, p.linkedin_url), '[]')
  FROM (SELECT f.*, EXISTS (SELECT 1 FROM core.leads l WHERE l.linkedin_url = f.linkedin_url) AS is_lead
        FROM core.people_full f
        WHERE f.company_domain = core.normalize_domain(p_domain)
        ORDER BY 1 LIMIT greatest(1, least(coalesce(p_limit, 100), 1000))) p;
$$;
COMMENT ON FUNCTION api.company_people(text, integer) IS 'Dashboard: people whose current company is the domain, leads first, with their lead status.';
