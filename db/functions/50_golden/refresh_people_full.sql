CREATE OR REPLACE FUNCTION core.refresh_people_full(p_urls text[])
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Recompute the golden rows of the given people, set-based, with the
-- company survivorship rules: per field the row with a non-NULL matched value
-- and the lowest source priority (as reference.source_rank(field, source)),
-- ties to the most recently updated; city/state/country win together ('location'); the
-- current company is the winning current job ('company'; latest start
-- first). Then their leads. Returns how many golden rows were written.
DECLARE
  v_rows integer;
BEGIN
  WITH d AS MATERIALIZED (
    -- joined, not '= ANY (p_urls)' (see core.refresh_companies_full)
    SELECT p.linkedin_url FROM core.people p JOIN (SELECT DISTINCT u.url FROM unnest(p_urls) AS u(url)) u
      ON u.url = p.linkedin_url
  ), cand (linkedin_url, field, v, v2, v3, dt, source, updated_at) AS (
    -- every non-NULL matched value of the people, one row per (person, field, source)
    SELECT t.linkedin_url, 'full_name', t.cleaned_name, NULL, NULL, NULL::date, t.source, t.updated_at FROM core.person_names t JOIN d ON d.linkedin_url = t.linkedin_url
    WHERE t.cleaned_name IS NOT NULL
    UNION ALL
    -- one probe of person_job_titles gives its three fields
    SELECT t.linkedin_url, f.field, f.v, NULL, NULL, NULL, t.source, t.updated_at FROM core.person_job_titles t JOIN d ON d.linkedin_url = t.linkedin_url
    CROSS JOIN LATERAL (VALUES ('cleaned_title', t.matched_cleaned_title), ('job_function', t.matched_job_function),
                               ('seniority', t.matched_seniority)) AS f(field, v)
    WHERE f.v IS NOT NULL
    UNION ALL
    SELECT t.linkedin_url, 'location', t.matched_city, t.matched_state, t.matched_country, NULL, t.source, t.updated_at
    FROM core.person_locations t JOIN d ON d.linkedin_url = t.linkedin_url
    WHERE num_nonnulls(t.matched_city, t.matched_state, t.matched_country) > 0
    UNION ALL
    SELECT t.linkedin_url, 'company', t.company_domain, t.company_name, NULL, t.start_date, t.source, t.updated_at
    FROM core.person_work_history t JOIN d ON d.linkedin_url = t.linkedin_url
    WHERE t.is_current AND t.company_domain IS NOT NULL
  ), best AS (
    -- the winner per (person, field): reference.source_rank as two hash joins, not a call per row
    SELECT DISTINCT ON (c.linkedin_url, c.field) c.*
    FROM cand c
    LEFT JOIN reference.source_priority sf ON sf.field = c.field AND sf.source = c.source
    LEFT JOIN reference.source_priority sa ON sa.field = '*' AND sa.source = c.source
    ORDER BY c.linkedin_url, c.field, coalesce(sf.priority, sa.priority, 1073741824), c.dt DESC NULLS LAST, c.updated_at DESC
  ), gv AS (
    SELECT b.linkedin_url,
           max(b.v) FILTER (WHERE b.field = 'full_name') AS full_name,
           max(b.v) FILTER (WHERE b.field = 'cleaned_title') AS cleaned_title,
           max(b.v) FILTER (WHERE b.field = 'job_function') AS job_function,
           max(b.v) FILTER (WHERE b.field = 'seniority') AS seniority,
           max(b.v) FILTER (WHERE b.field = 'location') AS city,
           max(b.v2) FILTER (WHERE b.field = 'location') AS state,
           max(b.v3) FILTER (WHERE b.field = 'location') AS country,
           max(b.v) FILTER (WHERE b.field = 'company') AS company_domain,
           max(b.v2) FILTER (WHERE b.field = 'company') AS company_name,
           max(b.dt) FILTER (WHERE b.field = 'company') AS job_start_date,
           coalesce(jsonb_object_agg(b.field, b.source) FILTER (WHERE b.field NOT IN ('location', 'company')), '{}')
           || jsonb_strip_nulls(jsonb_build_object(
                'city', max(b.source) FILTER (WHERE b.field = 'location' AND b.v IS NOT NULL),
                'state', max(b.source) FILTER (WHERE b.field = 'location' AND b.v2 IS NOT NULL),
                'country', max(b.source) FILTER (WHERE b.field = 'location' AND b.v3 IS NOT NULL),
                'company_domain', max(b.source) FILTER (WHERE b.field = 'company'),
                'company_name', max(b.source) FILTER (WHERE b.field = 'company' AND b.v2 IS NOT NULL),
                'job_start_date', max(b.source) FILTER (WHERE b.field = 'company' AND b.dt IS NOT NULL))) AS sources
    FROM best b GROUP BY b.linkedin_url
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
