CREATE OR REPLACE FUNCTION core.refresh_companies_full(p_domains text[])
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Recompute the golden rows of the given domains, set-based: the winner of
-- every field by survivorship (core.golden_winners: one rule and field map
-- for companies and people), pivoted into one row per company. Writes only
-- rows that change, then the leads of people at the changed companies;
-- returns how many golden rows were written.
DECLARE
  v_rows integer;
  v_changed text[];
BEGIN
  PERFORM core.lock_companies(p_domains);  -- a writer of these golden rows (a no-op when the batch holds them)
  WITH d AS MATERIALIZED (
    -- joined, not '= ANY (p_domains)': a seq scan tests a 5,000-element
    -- array parameter linearly on every row; a join lets the planner hash
    -- or probe the key indexes
    SELECT c.domain FROM core.companies c JOIN (SELECT DISTINCT u.domain FROM unnest(p_domains) AS u(domain)) u
      ON u.domain = c.domain
  ), gv AS (
    SELECT b.key AS domain,
           max(b.val) FILTER (WHERE b.col = 'name') AS name,
           max(b.val) FILTER (WHERE b.col = 'linkedin_url') AS linkedin_url,
           max(b.val) FILTER (WHERE b.col = 'employee_range') AS employee_range,
           max(b.val) FILTER (WHERE b.col = 'company_type') AS company_type,
           max(b.val) FILTER (WHERE b.col = 'city') AS city,
           max(b.val) FILTER (WHERE b.col = 'state') AS state,
           max(b.val) FILTER (WHERE b.col = 'country') AS country,
           max(b.val) FILTER (WHERE b.col = 'industry') AS industry,
           max(b.val) FILTER (WHERE b.col = 'funding_range') AS funding_range,
           max(b.val) FILTER (WHERE b.col = 'revenue_range') AS revenue_range,
           max(b.val) FILTER (WHERE b.col = 'description') AS description,
           max(b.val) FILTER (WHERE b.col = 'tagline') AS tagline,
           jsonb_object_agg(b.col, b.source) AS sources
    FROM core.golden_winners('company', ARRAY(SELECT d.domain FROM d)) b GROUP BY b.key
  ), w AS (
    INSERT INTO core.companies_full AS g (domain, name, linkedin_url, employee_range, company_type, city, state, country,
                                          industry, funding_range, revenue_range, description, tagline, sources, updated_at)
    SELECT d.domain, gv.name, gv.linkedin_url, gv.employee_range, gv.company_type, gv.city, gv.state, gv.country,
           gv.industry, gv.funding_range, gv.revenue_range, gv.description, gv.tagline, coalesce(gv.sources, '{}'), now()
    FROM d LEFT JOIN gv ON gv.domain = d.domain
    ORDER BY d.domain
    ON CONFLICT (domain) DO UPDATE SET
      name = excluded.name, linkedin_url = excluded.linkedin_url, employee_range = excluded.employee_range,
      company_type = excluded.company_type, city = excluded.city, state = excluded.state, country = excluded.country,
      industry = excluded.industry, funding_range = excluded.funding_range, revenue_range = excluded.revenue_range,
      description = excluded.description, tagline = excluded.tagline, sources = excluded.sources, updated_at = now()
    WHERE (g.name, g.linkedin_url, g.employee_range, g.company_type, g.city, g.state, g.country, g.industry,
           g.funding_range, g.revenue_range, g.description, g.tagline, g.sources)
          IS DISTINCT FROM
          (excluded.name, excluded.linkedin_url, excluded.employee_range, excluded.company_type, excluded.city,
           excluded.state, excluded.country, excluded.industry, excluded.funding_range, excluded.revenue_range,
           excluded.description, excluded.tagline, excluded.sources)
    RETURNING g.domain, g.name, g.linkedin_url
  ), c AS (
    -- the entity carries the golden name and LinkedIn URL; one no source
    -- provides keeps what its row was given (a direct insert, an import)
    UPDATE core.companies c SET name = coalesce(w.name, c.name), linkedin_url = coalesce(w.linkedin_url, c.linkedin_url),
                                updated_at = now()
    FROM w WHERE c.domain = w.domain
      AND (c.name, c.linkedin_url) IS DISTINCT FROM (coalesce(w.name, c.name), coalesce(w.linkedin_url, c.linkedin_url))
    RETURNING 1
  )
  SELECT count(*), array_agg(w.domain) INTO v_rows, v_changed FROM w;
  IF v_rows > 0 THEN
    -- leads of people working at a company whose golden row changed
    PERFORM core.refresh_leads(ARRAY(SELECT p.linkedin_url FROM core.people_full p JOIN unnest(v_changed) AS u(domain) ON u.domain = p.company_domain));
  END IF;
  RETURN v_rows;
END;
$$;
COMMENT ON FUNCTION core.refresh_companies_full(text[]) IS 'Recompute golden company rows for the given domains by survivorship (reference.source_priority); returns rows written.';
