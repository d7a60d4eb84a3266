-- depends: 0180_authenticate_client_binding
-- Every active workflow names the payload fields it reads in
-- reference.workflow_field_map (the checklist of docs/pipeline.md, checked
-- by tests/sql/10_intake_workflow_sync.sql). Two workflows read theirs
-- elsewhere: CompanyEnrich similar-companies responses (their `items`,
-- read by core.process_company_similar) and client leads (their fields, a
-- list in client.lead_fields, which now reads these rows).

INSERT INTO reference.workflow_field_map (workflow_slug, target, json_path, expected_type) VALUES
  ('company-enrich-similar', 'items', '{items}', 'array')
ON CONFLICT (workflow_slug, target) DO NOTHING;

-- client lead fields, with the existing system's aliases; each a string or
-- a number when present (client.process_leads names any other type)
INSERT INTO reference.workflow_field_map (workflow_slug, target, json_path, expected_type)
SELECT 'client-leads', f.name, ARRAY[f.name], 'scalar'
FROM unnest(ARRAY['client_form_id', 'client_form_title', 'first_name', 'last_name', 'full_name', 'name',
                  'email', 'work_email', 'phone', 'phone_number', 'job_title', 'title',
                  'linkedin_url', 'person_linkedin_url', 'company_name', 'company', 'company_domain',
                  'company_website', 'domain', 'company_linkedin_url']) AS f(name)
ON CONFLICT (workflow_slug, target) DO NOTHING;
