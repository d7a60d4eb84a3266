-- depends: 0007_registry_seed
-- The person side (extracted, dimensions, identifiers, golden people, leads),
-- company customers and ICPs, rematch bookkeeping, and the indexes on
-- normalized raw values that rematch needs.

-- extracted ---------------------------------------------------------------
CREATE TABLE extracted.person_profile (
  linkedin_url text NOT NULL, workflow_slug text NOT NULL, source text NOT NULL, raw_id uuid NOT NULL,
  full_name text, first_name text, last_name text, title text, headline text,
  location text, country text,
  company_name text, company_domain text, company_linkedin_url text,
  company_size text, company_industry text, company_location text,
  raw_job_start text, job_start_date date,
  profile_urn text, salesnav_id text,
  extracted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (linkedin_url, workflow_slug));
COMMENT ON TABLE extracted.person_profile IS 'Flat person fields from the latest payload of each (person, workflow), per reference.workflow_field_map (profiles, discovery rows, Sales Navigator rows).';

CREATE TABLE extracted.person_experience (
  linkedin_url text NOT NULL, workflow_slug text NOT NULL, ordinal int NOT NULL,
  company_name text, company_domain text, company_linkedin_url text, title text,
  raw_start_date text, raw_end_date text, start_date date, end_date date, is_current boolean, locality text,
  PRIMARY KEY (linkedin_url, workflow_slug, ordinal));
COMMENT ON TABLE extracted.person_experience IS 'One row per job of a profile''s experience array, replaced as a set on each new profile.';

CREATE TABLE extracted.person_education (
  linkedin_url text NOT NULL, workflow_slug text NOT NULL, ordinal int NOT NULL,
  school_name text, degree text, field_of_study text, start_date date, end_date date,
  PRIMARY KEY (linkedin_url, workflow_slug, ordinal));
COMMENT ON TABLE extracted.person_education IS 'One row per education entry of a profile, replaced as a set on each new profile.';

CREATE TABLE extracted.company_customers (
  origin_company_domain text NOT NULL, workflow_slug text NOT NULL, ordinal int NOT NULL, raw_id uuid NOT NULL,
  customer_name text, customer_domain text, case_study_url text, has_case_study boolean,
  champions jsonb,
  PRIMARY KEY (origin_company_domain, workflow_slug, ordinal));
COMMENT ON TABLE extracted.company_customers IS 'Customers named by claygent (string or array formats), manual entry and case studies; replaced as a set per (origin company, workflow).';

-- core: people ------------------------------------------------------------
CREATE TABLE core.people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  linkedin_url text NOT NULL UNIQUE, linkedin_slug text, full_name text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
COMMENT ON TABLE core.people IS 'One row per person, keyed by the normalized public LinkedIn URL (a Sales Navigator URL until the public one is known).';

CREATE TABLE core.person_identifiers (
  person_id uuid NOT NULL REFERENCES core.people (id) ON DELETE CASCADE,
  identifier_type text NOT NULL, identifier text NOT NULL, source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (identifier_type, identifier));
CREATE INDEX person_identifiers_person_idx ON core.person_identifiers (person_id);
COMMENT ON TABLE core.person_identifiers IS 'Every identifier seen for a person (public LinkedIn URL, Sales Navigator id, profile URN), the basis of merges.';

CREATE TABLE core.person_names (
  linkedin_url text NOT NULL, source text NOT NULL, raw_name text, cleaned_name text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (linkedin_url, source));
COMMENT ON TABLE core.person_names IS 'Person names per source, raw beside cleaned. One row per (linkedin_url, source).';

CREATE TABLE core.person_job_titles (
  linkedin_url text NOT NULL, source text NOT NULL, raw_title text,
  matched_cleaned_title text, matched_job_function text, matched_seniority text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (linkedin_url, source));
CREATE INDEX person_job_titles_raw_key_idx ON core.person_job_titles (reference.normalize_key(raw_title));
COMMENT ON TABLE core.person_job_titles IS 'Current job title per source with its match (reference.match_job_title).';

CREATE TABLE core.person_locations (
  linkedin_url text NOT NULL, source text NOT NULL, raw_location text, raw_country text,
  matched_city text, matched_state text, matched_country text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (linkedin_url, source));
CREATE INDEX person_locations_raw_key_idx ON core.person_locations (reference.normalize_key(raw_location));
COMMENT ON TABLE core.person_locations IS 'Person location per source with its match (reference.match_location).';

CREATE TABLE core.person_work_history (
  linkedin_url text NOT NULL, company_domain text, company_name text, title text,
  start_date date, end_date date, is_current boolean NOT NULL DEFAULT false, source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT person_work_history_key UNIQUE NULLS NOT DISTINCT (linkedin_url, company_domain, title, start_date, source));
CREATE INDEX person_work_history_company_idx ON core.person_work_history (company_domain);
COMMENT ON TABLE core.person_work_history IS 'Jobs per person and source (from profile experience, discovery rows and Sales Navigator rows); company domains normalized.';

CREATE TABLE core.person_tenure (
  linkedin_url text NOT NULL, company_domain text, job_start_date date, source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT person_tenure_key UNIQUE NULLS NOT DISTINCT (linkedin_url, company_domain, source));
COMMENT ON TABLE core.person_tenure IS 'Start date of the current job per person, company and source.';

CREATE TABLE core.person_past_employer (
  linkedin_url text NOT NULL, company_domain text, company_name text, source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT person_past_employer_key UNIQUE NULLS NOT DISTINCT (linkedin_url, company_domain, company_name, source));
CREATE INDEX person_past_employer_company_idx ON core.person_past_employer (company_domain);
COMMENT ON TABLE core.person_past_employer IS 'Companies a person worked at before the current job, per source.';

CREATE TABLE core.people_full (
  linkedin_url text PRIMARY KEY, full_name text, cleaned_title text, job_function text, seniority text,
  city text, state text, country text, company_domain text, company_name text, job_start_date date,
  sources jsonb NOT NULL DEFAULT '{}', updated_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX people_full_company_idx ON core.people_full (company_domain);
CREATE INDEX people_full_name_company_idx ON core.people_full (lower(full_name), company_domain);
COMMENT ON TABLE core.people_full IS 'Golden person records kept current by triggers (same survivorship as companies); sources = field -> winning source.';

CREATE TABLE core.leads (
  linkedin_url text PRIMARY KEY, full_name text, cleaned_title text,
  job_function text NOT NULL, seniority text NOT NULL,
  person_city text, person_state text, person_country text NOT NULL,
  company_domain text NOT NULL, company_name text NOT NULL, company_linkedin_url text,
  company_city text, company_state text, company_country text NOT NULL,
  employee_range text, industry text, company_type text, funding_range text, revenue_range text,
  job_start_date date, updated_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX leads_country_function_seniority_idx ON core.leads (company_country, job_function, seniority, linkedin_url);
CREATE INDEX leads_function_seniority_idx ON core.leads (job_function, seniority, linkedin_url);
CREATE INDEX leads_company_idx ON core.leads (company_domain);
CREATE INDEX leads_country_key_idx ON core.leads (company_country, linkedin_url);
CREATE INDEX leads_job_start_idx ON core.leads (job_start_date);
COMMENT ON TABLE core.leads IS 'People with a current company, joined to core.companies_full; only complete rows (company name and country, person country, job function, seniority). Kept current by triggers.';

-- core: company customers, ICP ------------------------------------------------
CREATE TABLE core.company_customers (
  origin_company_domain text NOT NULL, customer_name text NOT NULL, customer_domain text,
  case_study_url text, has_case_study boolean, source text NOT NULL,
  match_method text, match_score numeric,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (origin_company_domain, customer_name, source));
CREATE INDEX company_customers_customer_idx ON core.company_customers (customer_domain);
COMMENT ON TABLE core.company_customers IS 'Customers of a company per source; customer_domain NULL until the name is matched (match_method: given, exact_name).';

CREATE TABLE reference.company_icp (
  domain text PRIMARY KEY, slug text, company_criteria jsonb, person_criteria jsonb, notes text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
COMMENT ON TABLE reference.company_icp IS 'Ideal customer profile per owner domain (icp-generation).';

ALTER TABLE core.company_vc_investors ADD COLUMN investor_domain text;

-- rematch bookkeeping and indexes on normalized raw values ------------------
CREATE TABLE reference.rematch_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference_table text NOT NULL, operation text NOT NULL, raw_keys text[],
  dimension_rows int NOT NULL DEFAULT 0, golden_rows int NOT NULL DEFAULT 0,
  duration_ms numeric, changed_at timestamptz NOT NULL DEFAULT now());
COMMENT ON TABLE reference.rematch_log IS 'One row per statement that changed a reference table: which raw keys, how many dimension and golden rows were re-matched, how long it took.';

CREATE INDEX company_employee_ranges_raw_key_idx ON core.company_employee_ranges (reference.normalize_key(raw_size));
CREATE INDEX company_types_raw_key_idx ON core.company_types (reference.normalize_key(raw_type));
CREATE INDEX company_locations_raw_key_idx ON core.company_locations (reference.normalize_key(raw_location));
CREATE INDEX company_industries_raw_key_idx ON core.company_industries (reference.normalize_key(raw_industry));
CREATE INDEX company_funding_raw_key_idx ON core.company_funding (reference.normalize_key(raw_funding_range));
CREATE INDEX company_revenue_raw_key_idx ON core.company_revenue (reference.normalize_key(raw_revenue_range));

-- registry and field maps for the person workflows and vc-portfolio ---------
UPDATE reference.enrichment_workflow_registry SET extracted_table = 'extracted.person_profile' WHERE workflow_slug = 'salesnav-export';
UPDATE reference.enrichment_workflow_registry SET extracted_table = 'extracted.company_customers'
 WHERE workflow_slug IN ('claygent-customers', 'manual-company-customers', 'case-study-extraction');
UPDATE reference.enrichment_workflow_registry
   SET core_tables = '{core.person_names,core.person_job_titles,core.person_locations,core.person_work_history,core.person_tenure,core.person_past_employer}'
 WHERE workflow_slug = 'clay-person-profile';
UPDATE reference.enrichment_workflow_registry
   SET core_tables = '{core.company_names,core.company_employee_ranges,core.company_locations,core.company_revenue,core.company_descriptions,core.company_categories,core.company_vc_investors}'
 WHERE workflow_slug = 'vc-portfolio';

INSERT INTO reference.workflow_field_map (workflow_slug, target, json_path, expected_type) VALUES
  ('clay-find-people', 'name', '{name}', 'string'),
  ('clay-find-people', 'first_name', '{first_name}', 'string'),
  ('clay-find-people', 'last_name', '{last_name}', 'string'),
  ('clay-find-people', 'location', '{location_name}', 'string'),
  ('clay-find-people', 'company_domain', '{domain}', 'string'),
  ('clay-find-people', 'title', '{latest_experience_title}', 'string'),
  ('clay-find-people', 'company_name', '{latest_experience_company}', 'string'),
  ('clay-find-people', 'job_start_date', '{latest_experience_start_date}', 'scalar'),
  ('clay-person-profile', 'name', '{name}', 'string'),
  ('clay-person-profile', 'first_name', '{first_name}', 'string'),
  ('clay-person-profile', 'last_name', '{last_name}', 'string'),
  ('clay-person-profile', 'title', '{title}', 'string'),
  ('clay-person-profile', 'headline', '{headline}', 'string'),
  ('clay-person-profile', 'location', '{location_name}', 'string'),
  ('clay-person-profile', 'country', '{country}', 'string'),
  ('clay-person-profile', 'profile_urn', '{linkedin_user_profile_urn}', 'string'),
  ('clay-person-profile', 'experience', '{experience}', 'array'),
  ('clay-person-profile', 'education', '{education}', 'array'),
  ('salesnav-export', 'first_name', '{first_name}', 'string'),
  ('salesnav-export', 'last_name', '{last_name}', 'string'),
  ('salesnav-export', 'title', '{job_title}', 'string'),
  ('salesnav-export', 'headline', '{profile_headline}', 'string'),
  ('salesnav-export', 'location', '{location}', 'string'),
  ('salesnav-export', 'company_name', '{company}', 'string'),
  ('salesnav-export', 'company_domain', '{company_website}', 'string'),
  ('salesnav-export', 'company_linkedin_url', '{linkedin_url_company}', 'string'),
  ('salesnav-export', 'company_size', '{company_headcount}', 'scalar'),
  ('salesnav-export', 'company_industry', '{company_industries}', 'string'),
  ('salesnav-export', 'company_location', '{company_registered_address}', 'string'),
  ('salesnav-export', 'job_start_date', '{job_started_on}', 'scalar'),
  ('salesnav-export', 'profile_urn', '{linkedin_user_profile_urn}', 'string'),
  ('vc-portfolio', 'name', '{company_name}', 'string'),
  ('vc-portfolio', 'linkedin_url', '{linkedin_url}', 'string'),
  ('vc-portfolio', 'size', '{employee_count}', 'scalar'),
  ('vc-portfolio', 'city', '{city}', 'string'),
  ('vc-portfolio', 'state', '{state}', 'string'),
  ('vc-portfolio', 'country', '{country}', 'string'),
  ('vc-portfolio', 'revenue_range', '{revenue_range}', 'string'),
  ('vc-portfolio', 'description', '{description_short}', 'string'),
  ('vc-portfolio', 'categories', '{categories}', 'array'),
  ('vc-portfolio', 'investors', '{investors}', 'array'),
  ('vc-portfolio', 'vc_firm_name', '{vc_firm_name}', 'string'),
  ('vc-portfolio', 'vc_firm_domain', '{vc_firm_domain}', 'string'),
  ('claygent-customers', 'customers', '{customers}', 'array'),
  ('claygent-customers', 'result', '{result}', 'string'),
  ('manual-company-customers', 'customer_name', '{company_customer_name}', 'string'),
  ('manual-company-customers', 'customer_domain', '{company_customer_domain}', 'string'),
  ('manual-company-customers', 'case_study_url', '{case_study_url}', 'string'),
  ('manual-company-customers', 'has_case_study', '{has_case_study}', 'scalar'),
  ('case-study-extraction', 'customer_name', '{company_customer_name}', 'string'),
  ('case-study-extraction', 'customer_domain', '{company_customer_domain}', 'string'),
  ('case-study-extraction', 'case_study_url', '{case_study_url}', 'string'),
  ('case-study-extraction', 'champions', '{champions}', 'array'),
  ('icp-generation', 'slug', '{slug}', 'string'),
  ('icp-generation', 'company_criteria', '{company_criteria}', 'object'),
  ('icp-generation', 'person_criteria', '{person_criteria}', 'object');
