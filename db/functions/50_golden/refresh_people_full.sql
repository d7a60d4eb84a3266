CREATE OR REPLACE FUNCTION core.refresh_people_full(p_urls text[])
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Recompute the golden rows of the given people, set-based: the winner of
-- every field by survivorship (core.golden_winners: one rule and field map
-- for companies and people; the current company is the winning current job,
-- latest start first), pivoted into one row per person. Then their leads.
-- Returns how many golden rows were written.
DECLARE
  v_rows integer;
BEGIN
  WITH d AS MATERIALIZED (
    -- joined, not '= ANY (p_urls)' (see core.refresh_companies_full)
    SELECT p.linkedin_url FROM core.people p JOIN (SELECT DISTINCT u.url FROM unnest(p_urls) AS u(url)) u
      ON u.url = p.linkedin_url
  ), gv AS (
    SELECT b.key AS linkedin_url,
           max(b.val) FILTER (WHERE b.col = 'full_name') AS full_name,
           max(b.val) FILTER (WHERE b.col = 'cleaned_title') AS cleaned_title,
           max(b.val) FILTER (WHERE b.col = 'job_function') AS job_function,
           max(b.val) FILTER (WHERE b.col = 'seniority') AS seniority,
           max(b.val) FILTER (WHERE b.col = 'city') AS city,
           max(b.val) FILTER (WHERE b.col = 'state') AS state,
           max(b.val) FILTER (WHERE b.col = 'country') AS country,
           max(b.val) FILTER (WHERE b.col = 'company_domain') AS company_domain,
           max(b.val) FILTER (WHERE b.col = 'company_name') AS company_name,
           (max(b.val) FILTER (WHERE b.col = 'job_start_date'))::date AS job_start_date,
           jsonb_object_agg(b.col, b.source) AS sources
    FROM core.golden_winners('person', ARRAY(SELECT d.linkedin_url FROM d)) b GROUP BY b.key
  ), w AS (
    INSERT INTO core.people_full AS g (linkedin_url, full_name, cleaned_title, job_function, seniority, city, state, country,
                                       company_domain, company_name, job_start_date, sources, updated_at)
    SELECT d.linkedin_url, gv.full_name, gv.cleaned_title, gv.job_function, gv.seniority, gv.city, gv.state, gv.country,
           gv.company_domain, gv.company_name, gv.job_start_date, coalesce(gv.sources, '{}'), now()
    FROM d LEFT JOIN gv ON gv.linkedin_url = d.linkedin_url
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
