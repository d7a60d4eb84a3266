CREATE OR REPLACE FUNCTION client.lead_fields()
RETURNS text[]
LANGUAGE sql
IMMUTABLE
AS $$
  -- The payload fields a client lead is read from, aliases included (the
  -- existing system's names: company, title, work_email, phone_number,
  -- person_linkedin_url, company_website, domain); each must be a JSON
  -- string or number when present.
  SELECT ARRAY['client_form_id', 'client_form_title', 'first_name', 'last_name', 'full_name', 'name',
               'email', 'work_email', 'phone', 'phone_number', 'job_title', 'title',
               'linkedin_url', 'person_linkedin_url', 'company_name', 'company', 'company_domain',
               'company_website', 'domain', 'company_linkedin_url'];
$$;
COMMENT ON FUNCTION client.lead_fields() IS 'Payload fields of a client lead (with the existing system''s aliases); each must be a string or number.';
