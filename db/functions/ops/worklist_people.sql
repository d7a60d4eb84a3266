CREATE OR REPLACE FUNCTION core.worklist_people(p_missing text, p_cursor text, p_limit int)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
-- The rows of api.worklist(entity => 'person'): one statement per missing
-- field, each with the literal predicate of its partial index (migration
-- 0161), so the plan reads that index in key order and stops at the page.
DECLARE
  v_rows jsonb;
BEGIN
  IF p_missing = 'seniority' THEN
    SELECT jsonb_agg(to_jsonb(c) ORDER BY c.linkedin_url) INTO v_rows FROM (
      SELECT p.linkedin_url, p.full_name, p.cleaned_title, p.job_function, p.seniority, p.country AS person_country,
             p.company_domain, f.name AS company_name, f.country AS company_country, f.linkedin_url AS company_linkedin_url
      FROM core.people_full p
      JOIN core.companies_full f ON f.domain = p.company_domain
      WHERE p.company_domain IS NOT NULL AND p.seniority IS NULL AND p.job_function IS NOT NULL AND p.country IS NOT NULL
        AND f.name IS NOT NULL AND f.country IS NOT NULL AND (p_cursor IS NULL OR p.linkedin_url > p_cursor)
      ORDER BY p.linkedin_url LIMIT p_limit) c;
  ELSIF p_missing = 'job_function' THEN
    SELECT jsonb_agg(to_jsonb(c) ORDER BY c.linkedin_url) INTO v_rows FROM (
      SELECT p.linkedin_url, p.full_name, p.cleaned_title, p.job_function, p.seniority, p.country AS person_country,
             p.company_domain, f.name AS company_name, f.country AS company_country, f.linkedin_url AS company_linkedin_url
      FROM core.people_full p
      JOIN core.companies_full f ON f.domain = p.company_domain
      WHERE p.company_domain IS NOT NULL AND p.job_function IS NULL AND p.seniority IS NOT NULL AND p.country IS NOT NULL
        AND f.name IS NOT NULL AND f.country IS NOT NULL AND (p_cursor IS NULL OR p.linkedin_url > p_cursor)
      ORDER BY p.linkedin_url LIMIT p_limit) c;
  ELSIF p_missing = 'person_country' THEN
    SELECT jsonb_agg(to_jsonb(c) ORDER BY c.linkedin_url) INTO v_rows FROM (
      SELECT p.linkedin_url, p.full_name, p.cleaned_title, p.job_function, p.seniority, p.country AS person_country,
             p.company_domain, f.name AS company_name, f.country AS company_country, f.linkedin_url AS company_linkedin_url
      FROM core.people_full p
      JOIN core.companies_full f ON f.domain = p.company_domain
      WHERE p.company_domain IS NOT NULL AND p.country IS NULL AND p.job_function IS NOT NULL AND p.seniority IS NOT NULL
        AND f.name IS NOT NULL AND f.country IS NOT NULL AND (p_cursor IS NULL OR p.linkedin_url > p_cursor)
      ORDER BY p.linkedin_url LIMIT p_limit) c;
  ELSIF p_missing = 'company_name' THEN
    SELECT jsonb_agg(to_jsonb(c) ORDER BY c.company_domain, c.linkedin_url) INTO v_rows FROM (
      SELECT p.linkedin_url, p.full_name, p.cleaned_title, p.job_function, p.seniority, p.country AS person_country,
             p.company_domain, f.name AS company_name, f.country AS company_country, f.linkedin_url AS company_linkedin_url
      FROM core.companies_full f
      JOIN core.people_full p ON p.company_domain = f.domain
      WHERE f.name IS NULL AND f.country IS NOT NULL
        AND p.company_domain IS NOT NULL AND p.country IS NOT NULL AND p.job_function IS NOT NULL AND p.seniority IS NOT NULL
        AND (p_cursor IS NULL OR (p.company_domain, p.linkedin_url) > (split_part(p_cursor, ' ', 1), split_part(p_cursor, ' ', 2)))
      ORDER BY p.company_domain, p.linkedin_url LIMIT p_limit) c;
  ELSIF p_missing = 'company_country' THEN
    SELECT jsonb_agg(to_jsonb(c) ORDER BY c.company_domain, c.linkedin_url) INTO v_rows FROM (
      SELECT p.linkedin_url, p.full_name, p.cleaned_title, p.job_function, p.seniority, p.country AS person_country,
             p.company_domain, f.name AS company_name, f.country AS company_country, f.linkedin_url AS company_linkedin_url
      FROM core.companies_full f
      JOIN core.people_full p ON p.company_domain = f.domain
      WHERE f.country IS NULL AND f.name IS NOT NULL
        AND p.company_domain IS NOT NULL AND p.country IS NOT NULL AND p.job_function IS NOT NULL AND p.seniority IS NOT NULL
        AND (p_cursor IS NULL OR (p.company_domain, p.linkedin_url) > (split_part(p_cursor, ' ', 1), split_part(p_cursor, ' ', 2)))
      ORDER BY p.company_domain, p.linkedin_url LIMIT p_limit) c;
  END IF;
  RETURN coalesce(v_rows, '[]');
END;
$$;
COMMENT ON FUNCTION core.worklist_people(text, text, int) IS 'People whose only missing lead field is p_missing, keyset-paged from its partial index (api.worklist).';
