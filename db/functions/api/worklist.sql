CREATE OR REPLACE FUNCTION api.worklist(
  p_entity text, p_missing text, p_limit int DEFAULT 100, p_cursor text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- "One field from a lead": people with a current company whose only missing
-- required lead field is p_missing (company_name, company_country,
-- person_country, job_function, seniority), or with p_entity = 'company'
-- the companies whose missing company_name / company_country is all that
-- keeps their people out of core.leads. Each branch reads one partial index
-- of migration 0161 in key order (keyset pages: cursor = last linkedin_url,
-- or last domain for companies). Returns {entity, missing, data, next_cursor}.
DECLARE
  v_limit int := greatest(1, least(coalesce(p_limit, 100), 5000));
  v_rows jsonb;
BEGIN
  IF p_entity IS NULL OR p_entity NOT IN ('person', 'company') THEN
    RAISE EXCEPTION 'entity must be person or company, got %', coalesce(p_entity, 'nothing') USING ERRCODE = '22023';
  END IF;
  IF p_missing IS NULL OR p_missing NOT IN ('company_name', 'company_country', 'person_country', 'job_function', 'seniority')
     OR (p_entity = 'company' AND p_missing NOT IN ('company_name', 'company_country')) THEN
    RAISE EXCEPTION 'missing must be one of %, got %',
      CASE p_entity WHEN 'company' THEN 'company_name, company_country'
                    ELSE 'company_name, company_country, person_country, job_function, seniority' END,
      coalesce(p_missing, 'nothing') USING ERRCODE = '22023';
  END IF;

  v_rows := CASE p_entity WHEN 'company' THEN core.worklist_companies(p_missing, p_cursor, v_limit)
                          ELSE core.worklist_people(p_missing, p_cursor, v_limit) END;

  RETURN jsonb_build_object(
    'entity', p_entity, 'missing', p_missing, 'data', coalesce(v_rows, '[]'),
    'next_cursor', CASE WHEN jsonb_array_length(coalesce(v_rows, '[]')) = v_limit THEN
                     CASE WHEN p_entity = 'company' THEN v_rows -> -1 ->> 'domain'
                          WHEN p_missing IN ('company_name', 'company_country')
                            THEN (v_rows -> -1 ->> 'company_domain') || ' ' || (v_rows -> -1 ->> 'linkedin_url')
                          ELSE v_rows -> -1 ->> 'linkedin_url' END END);
END;
$$;
COMMENT ON FUNCTION api.worklist(text, text, int, text) IS 'People (or companies) one required lead field away from core.leads, for one missing field, keyset-paged from partial indexes.';
