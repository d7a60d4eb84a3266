CREATE OR REPLACE VIEW reference.workflow_field_paths AS
  -- reference.workflow_field_map pivoted: one row per workflow, the JSON
  -- path of each flat field the extractors read (NULL when the workflow does
  -- not map it). A batch joins this once per payload instead of aggregating
  -- (payload x target) rows; lists, arrays of objects and nested criteria
  -- are read from workflow_field_map directly.
  SELECT m.workflow_slug,
         max(m.json_path) FILTER (WHERE m.target = 'name') AS name,
         max(m.json_path) FILTER (WHERE m.target = 'first_name') AS first_name,
         max(m.json_path) FILTER (WHERE m.target = 'last_name') AS last_name,
         max(m.json_path) FILTER (WHERE m.target = 'title') AS title,
         max(m.json_path) FILTER (WHERE m.target = 'headline') AS headline,
         max(m.json_path) FILTER (WHERE m.target = 'linkedin_url') AS linkedin_url,
         max(m.json_path) FILTER (WHERE m.target = 'size') AS size,
         max(m.json_path) FILTER (WHERE m.target = 'employee_count') AS employee_count,
         max(m.json_path) FILTER (WHERE m.target = 'company_type') AS company_type,
         max(m.json_path) FILTER (WHERE m.target = 'industry') AS industry,
         max(m.json_path) FILTER (WHERE m.target = 'industries') AS industries,
         max(m.json_path) FILTER (WHERE m.target = 'location') AS location,
         max(m.json_path) FILTER (WHERE m.target = 'city') AS city,
         max(m.json_path) FILTER (WHERE m.target = 'state') AS state,
         max(m.json_path) FILTER (WHERE m.target = 'country') AS country,
         max(m.json_path) FILTER (WHERE m.target = 'funding_range') AS funding_range,
         max(m.json_path) FILTER (WHERE m.target = 'revenue_range') AS revenue_range,
         max(m.json_path) FILTER (WHERE m.target = 'description') AS description,
         max(m.json_path) FILTER (WHERE m.target = 'tagline') AS tagline,
         max(m.json_path) FILTER (WHERE m.target = 'company_name') AS company_name,
         max(m.json_path) FILTER (WHERE m.target = 'company_domain') AS company_domain,
         max(m.json_path) FILTER (WHERE m.target = 'company_linkedin_url') AS company_linkedin_url,
         max(m.json_path) FILTER (WHERE m.target = 'company_size') AS company_size,
         max(m.json_path) FILTER (WHERE m.target = 'company_industry') AS company_industry,
         max(m.json_path) FILTER (WHERE m.target = 'company_location') AS company_location,
         max(m.json_path) FILTER (WHERE m.target = 'job_start_date') AS job_start_date,
         max(m.json_path) FILTER (WHERE m.target = 'profile_urn') AS profile_urn
  FROM reference.workflow_field_map m
  GROUP BY m.workflow_slug;
COMMENT ON VIEW reference.workflow_field_paths IS
  'reference.workflow_field_map pivoted to one row per workflow with the JSON path of each flat field (profiles, firmographics, person rows).';
