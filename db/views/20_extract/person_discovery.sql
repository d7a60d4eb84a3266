CREATE OR REPLACE VIEW extracted.person_discovery AS
  -- Clay "Find people" rows: the discovery family of extracted.person_profile.
  SELECT x.linkedin_url, x.workflow_slug, x.source, x.raw_id, x.full_name, x.first_name, x.last_name,
         x.title, x.location, x.company_name, x.company_domain, x.raw_job_start, x.job_start_date, x.extracted_at
  FROM extracted.person_profile x
  JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = x.workflow_slug
  WHERE r.payload_type = 'person_discovery';
COMMENT ON VIEW extracted.person_discovery IS 'Person discovery rows (clay-find-people), flattened: name, title, location, current company.';
