CREATE OR REPLACE FUNCTION api.client_leads(p_filters jsonb DEFAULT '{}', p_limit integer DEFAULT 50, p_cursor text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY INVOKER  -- row-level security applies to the caller (hq.client_domain)
SET search_path = pg_catalog, pg_temp
AS $$
-- One keyset page of client.leads (by id) visible to the caller: row-level
-- security keeps a client-bound caller to its client, so no client
-- condition is written here. Filters (each optional): client_domains,
-- form_ids, company_domains (arrays), person_linked, company_linked
-- (booleans), submitted_after, submitted_before (timestamps). Each row
-- carries the golden person and company it is linked to (person, company).
-- Returns {data, next_cursor}.
DECLARE
  v_rows jsonb;
  v_unknown text;
BEGIN
  IF p_limit IS NULL OR p_limit < 1 OR p_limit > 1000 THEN
    RAISE EXCEPTION 'limit must be between 1 and 1000, got %', coalesce(p_limit::text, 'NULL') USING ERRCODE = '22023';
  END IF;
  SELECT k INTO v_unknown FROM jsonb_object_keys(coalesce(p_filters, '{}')) AS k
  WHERE k NOT IN ('client_domains', 'form_ids', 'company_domains', 'person_linked', 'company_linked',
                  'submitted_after', 'submitted_before')
  LIMIT 1;
  IF v_unknown IS NOT NULL THEN
    RAISE EXCEPTION 'unknown filter %', quote_literal(v_unknown) USING ERRCODE = '22023';
  END IF;
  SELECT coalesce(jsonb_agg(to_jsonb(s) ORDER BY s.id), '[]') INTO v_rows
  FROM (SELECT l.id, l.client_domain, l.client_form_id, l.client_form_title, l.first_name, l.last_name, l.full_name,
               l.email, l.phone, l.job_title, l.linkedin_url, l.company_name, l.company_domain, l.company_linkedin_url,
               l.person_id, l.company_id, l.person_linked_at, l.company_linked_at, l.submitted_at, l.raw_id,
               -- what the warehouse knows of the linked person and company (golden records)
               CASE WHEN pf.linkedin_url IS NOT NULL THEN jsonb_build_object(
                 'linkedin_url', pf.linkedin_url, 'full_name', pf.full_name, 'cleaned_title', pf.cleaned_title,
                 'job_function', pf.job_function, 'seniority', pf.seniority, 'city', pf.city, 'state', pf.state,
                 'country', pf.country, 'company_domain', pf.company_domain) END AS person,
               CASE WHEN cf.domain IS NOT NULL THEN jsonb_build_object(
                 'domain', cf.domain, 'name', cf.name, 'employee_range', cf.employee_range, 'industry', cf.industry,
                 'country', cf.country, 'revenue_range', cf.revenue_range) END AS company
        FROM client.leads l
        LEFT JOIN core.people p ON p.id = l.person_id
        LEFT JOIN core.people_full pf ON pf.linkedin_url = p.linkedin_url
        LEFT JOIN core.companies c ON c.id = l.company_id
        LEFT JOIN core.companies_full cf ON cf.domain = c.domain
        WHERE (p_cursor IS NULL OR l.id > p_cursor::bigint)
          AND (p_filters -> 'client_domains' IS NULL
               OR l.client_domain = ANY (ARRAY(SELECT core.normalize_domain(v) FROM jsonb_array_elements_text(p_filters -> 'client_domains') v)))
          AND (p_filters -> 'form_ids' IS NULL
               OR l.client_form_id = ANY (ARRAY(SELECT jsonb_array_elements_text(p_filters -> 'form_ids'))))
          AND (p_filters -> 'company_domains' IS NULL
               OR l.company_domain = ANY (ARRAY(SELECT core.normalize_domain(v) FROM jsonb_array_elements_text(p_filters -> 'company_domains') v)))
          AND (p_filters -> 'person_linked' IS NULL OR (l.person_id IS NOT NULL) = (p_filters ->> 'person_linked')::boolean)
          AND (p_filters -> 'company_linked' IS NULL OR (l.company_id IS NOT NULL) = (p_filters ->> 'company_linked')::boolean)
          AND (p_filters -> 'submitted_after' IS NULL OR l.submitted_at >= (p_filters ->> 'submitted_after')::timestamptz)
          AND (p_filters -> 'submitted_before' IS NULL OR l.submitted_at < (p_filters ->> 'submitted_before')::timestamptz)
        ORDER BY l.id
        LIMIT p_limit + 1) s;
  RETURN jsonb_build_object(
    'data', CASE WHEN jsonb_array_length(v_rows) > p_limit THEN v_rows - p_limit ELSE v_rows END,
    'next_cursor', CASE WHEN jsonb_array_length(v_rows) > p_limit THEN v_rows -> (p_limit - 1) ->> 'id' END);
END;
$$;
COMMENT ON FUNCTION api.client_leads(jsonb, integer, text) IS
  'Keyset page of client leads visible to the caller (row-level security by hq.client_domain), with filters: {data, next_cursor}.';
