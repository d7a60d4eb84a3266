CREATE OR REPLACE VIEW reference.unmatched_values AS
  -- The lookup maintainer's work list: per kind, each distinct raw value that
  -- matched nothing and how many stored dimension rows carry it, most
  -- frequent first. A title counts as unmatched when it got neither a job
  -- function nor a seniority; a location when no part matched.
  SELECT u.kind, u.raw_value, count(*) AS row_count
  FROM (
    SELECT 'title'::text AS kind, t.raw_title AS raw_value FROM core.person_job_titles t
    WHERE t.raw_title IS NOT NULL AND t.matched_job_function IS NULL AND t.matched_seniority IS NULL
    UNION ALL
    SELECT 'location', l.raw_location FROM core.person_locations l
    WHERE l.raw_location IS NOT NULL AND num_nonnulls(l.matched_city, l.matched_state, l.matched_country) = 0
    UNION ALL
    SELECT 'location', l.raw_location FROM core.company_locations l
    WHERE l.raw_location IS NOT NULL AND num_nonnulls(l.matched_city, l.matched_state, l.matched_country) = 0
    UNION ALL
    SELECT 'size', e.raw_size FROM core.company_employee_ranges e
    WHERE e.raw_size IS NOT NULL AND e.matched_employee_range IS NULL
    UNION ALL
    SELECT 'revenue', r.raw_revenue_range FROM core.company_revenue r
    WHERE r.raw_revenue_range IS NOT NULL AND r.matched_revenue_range IS NULL
    UNION ALL
    SELECT 'funding', f.raw_funding_range FROM core.company_funding f
    WHERE f.raw_funding_range IS NOT NULL AND f.matched_funding_range IS NULL
    UNION ALL
    SELECT 'type', c.raw_type FROM core.company_types c
    WHERE c.raw_type IS NOT NULL AND c.matched_type IS NULL
    UNION ALL
    SELECT 'industry', i.raw_industry FROM core.company_industries i
    WHERE i.raw_industry IS NOT NULL AND i.matched_industry IS NULL
    UNION ALL  -- each unknown entry of a source's industries list (CompanyEnrich)
    SELECT 'industry', e.value FROM core.company_industries i
    CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(i.raw_industries) = 'array' THEN i.raw_industries ELSE '[]' END) AS e(value)
    WHERE e.value IS DISTINCT FROM i.raw_industry AND reference.match_industry(e.value) IS NULL
  ) u
  GROUP BY u.kind, u.raw_value
  ORDER BY count(*) DESC, u.kind, u.raw_value;
COMMENT ON VIEW reference.unmatched_values IS 'Work list for lookup maintainers: unmatched raw values per kind (title, location, size, revenue, funding, type, industry) with row counts, most frequent first.';
