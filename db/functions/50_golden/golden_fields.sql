CREATE OR REPLACE FUNCTION reference.golden_fields()
RETURNS TABLE (entity text, field text, dimension_table text, key_column text, value_columns text[],
               golden_columns text[], any_of text[], current_column text, recency_column text)
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- The field map of survivorship, companies and people alike: each golden
  -- field, the dimension table and columns its candidates come from, and the
  -- golden columns they fill (value_columns[i] -> golden_columns[i]). Fields
  -- with several columns win together (a location's city, state and
  -- country; a person's current company, its name and start date). A
  -- dimension row is a candidate for a field when one of `any_of` is not
  -- NULL (default: one of value_columns) and, with current_column, that
  -- column is true; recency_column, when set, ranks equal sources (latest
  -- first) before updated_at does. core.golden_winners generates its one
  -- statement from this map; core.refresh_companies_full and
  -- core.refresh_people_full pivot the winners into golden rows.
  SELECT * FROM (VALUES
    ('company', 'name', 'company_names', 'domain', '{cleaned_name}'::text[], '{name}'::text[], NULL::text[], NULL, NULL),
    ('company', 'linkedin_url', 'company_names', 'domain', '{linkedin_url}', '{linkedin_url}', NULL, NULL, NULL),
    ('company', 'employee_range', 'company_employee_ranges', 'domain', '{matched_employee_range}', '{employee_range}', NULL, NULL, NULL),
    ('company', 'company_type', 'company_types', 'domain', '{matched_type}', '{company_type}', NULL, NULL, NULL),
    ('company', 'location', 'company_locations', 'domain', '{matched_city,matched_state,matched_country}',
     '{city,state,country}', NULL, NULL, NULL),
    ('company', 'industry', 'company_industries', 'domain', '{matched_industry}', '{industry}', NULL, NULL, NULL),
    ('company', 'funding_range', 'company_funding', 'domain', '{matched_funding_range}', '{funding_range}', NULL, NULL, NULL),
    ('company', 'revenue_range', 'company_revenue', 'domain', '{matched_revenue_range}', '{revenue_range}', NULL, NULL, NULL),
    ('company', 'description', 'company_descriptions', 'domain', '{description}', '{description}', NULL, NULL, NULL),
    ('company', 'tagline', 'company_descriptions', 'domain', '{tagline}', '{tagline}', NULL, NULL, NULL),
    ('person', 'full_name', 'person_names', 'linkedin_url', '{cleaned_name}', '{full_name}', NULL, NULL, NULL),
    ('person', 'cleaned_title', 'person_job_titles', 'linkedin_url', '{matched_cleaned_title}', '{cleaned_title}', NULL, NULL, NULL),
    ('person', 'job_function', 'person_job_titles', 'linkedin_url', '{matched_job_function}', '{job_function}', NULL, NULL, NULL),
    ('person', 'seniority', 'person_job_titles', 'linkedin_url', '{matched_seniority}', '{seniority}', NULL, NULL, NULL),
    ('person', 'location', 'person_locations', 'linkedin_url', '{matched_city,matched_state,matched_country}',
     '{city,state,country}', NULL, NULL, NULL),
    ('person', 'company', 'person_work_history', 'linkedin_url', '{company_domain,company_name,start_date}',
     '{company_domain,company_name,job_start_date}', '{company_domain}', 'is_current', 'start_date'))
    AS f(entity, field, dimension_table, key_column, value_columns, golden_columns, any_of, current_column, recency_column);
$$;
COMMENT ON FUNCTION reference.golden_fields() IS
  'Survivorship field map: per golden field (company and person), its dimension table, value and golden columns, candidate condition and recency column; read by core.golden_winners.';
