CREATE OR REPLACE FUNCTION reference.reprioritize(p_sources text[])
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- After a reference.source_priority change: recompute the golden rows of
-- every company and person that has a dimension row from one of p_sources
-- (the only entities whose winners can change). Returns golden rows written.
DECLARE
  v_table text;
  v_domains text[] := '{}';
  v_urls text[] := '{}';
  v_part text[];
BEGIN
  FOREACH v_table IN ARRAY ARRAY['company_names', 'company_employee_ranges', 'company_types', 'company_locations',
                                  'company_industries', 'company_funding', 'company_revenue', 'company_descriptions'] LOOP
    EXECUTE format('SELECT coalesce(array_agg(DISTINCT t.domain), ''{}'') FROM core.%I t WHERE t.source = ANY ($1)', v_table)
      INTO v_part USING p_sources;
    v_domains := v_domains || v_part;
  END LOOP;
  FOREACH v_table IN ARRAY ARRAY['person_names', 'person_job_titles', 'person_locations', 'person_work_history'] LOOP
    EXECUTE format('SELECT coalesce(array_agg(DISTINCT t.linkedin_url), ''{}'') FROM core.%I t WHERE t.source = ANY ($1)', v_table)
      INTO v_part USING p_sources;
    v_urls := v_urls || v_part;
  END LOOP;
  RETURN core.refresh_companies_full(ARRAY(SELECT DISTINCT d FROM unnest(v_domains) AS d))
       + core.refresh_people_full(ARRAY(SELECT DISTINCT u FROM unnest(v_urls) AS u));
END;
$$;
COMMENT ON FUNCTION reference.reprioritize(text[]) IS
  'Recompute golden companies and people that have data from the given sources (after a source_priority change); returns golden rows written.';
