CREATE OR REPLACE FUNCTION client.lead_fields()
RETURNS text[]
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
  -- The payload fields a client lead is read from, aliases included (the
  -- existing system's names: company, title, work_email, phone_number,
  -- person_linkedin_url, company_website, domain): the field map of the
  -- client-leads workflow, like every other workflow's. Each must be a JSON
  -- string or number when present.
  SELECT coalesce(array_agg(m.json_path[1] ORDER BY m.target), '{}')
  FROM reference.workflow_field_map m
  WHERE m.workflow_slug = 'client-leads';
$$;
COMMENT ON FUNCTION client.lead_fields() IS 'Payload fields of a client lead (with the existing system''s aliases; the client-leads rows of reference.workflow_field_map); each must be a string or number.';
