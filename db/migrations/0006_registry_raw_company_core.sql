-- depends: 0005_reference_seed_values
-- Registry, run tracking, source priority, raw tables and the company core.

CREATE TABLE reference.enrichment_workflow_registry (
  workflow_slug text PRIMARY KEY,
  provider text NOT NULL, platform text NOT NULL, payload_type text NOT NULL,
  entity_type text NOT NULL CHECK (entity_type IN ('company', 'person')),
  source text NOT NULL,
  raw_table text NOT NULL, extracted_table text, core_tables text[] NOT NULL DEFAULT '{}',
  key_column text NOT NULL, payload_key text NOT NULL,
  coalesces_to_core boolean NOT NULL DEFAULT true,
  is_active boolean NOT NULL DEFAULT true,
  description text);
COMMENT ON TABLE reference.enrichment_workflow_registry IS 'Every workflow a raw row may name: its provider, raw/extracted/core tables, entity key column (raw) and payload key (JSON). Unknown or inactive slugs are rejected at INSERT.';

CREATE TABLE reference.workflow_field_map (
  workflow_slug text NOT NULL REFERENCES reference.enrichment_workflow_registry (workflow_slug) ON UPDATE CASCADE ON DELETE CASCADE,
  target text NOT NULL,
  json_path text[] NOT NULL,
  expected_type text NOT NULL DEFAULT 'scalar' CHECK (expected_type IN ('scalar', 'string', 'number', 'array', 'object')),
  PRIMARY KEY (workflow_slug, target));
COMMENT ON TABLE reference.workflow_field_map IS 'Flat providers as data: which JSON path of a workflow''s payload feeds each extracted field, and the JSON type it must have.';

CREATE TABLE reference.source_priority (
  field text NOT NULL, source text NOT NULL, priority int NOT NULL,
  PRIMARY KEY (field, source));
COMMENT ON TABLE reference.source_priority IS 'Survivorship: per field (''*'' = default) and source, lower priority wins; ties go to the most recently updated row; NULL values never win.';

CREATE TABLE reference.enrichment_runs (
  workflow_slug text NOT NULL, entity_type text NOT NULL, entity_key text NOT NULL,
  status text NOT NULL CHECK (status IN ('completed', 'failed', 'pending')),
  records_processed int NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL DEFAULT now(), completed_at timestamptz, error text,
  PRIMARY KEY (workflow_slug, entity_key));
COMMENT ON TABLE reference.enrichment_runs IS 'Last run of each workflow per entity, written by the pipeline itself.';

CREATE TABLE raw.company_payloads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_domain text,
  workflow_slug text NOT NULL,
  provider text, platform text, payload_type text,
  raw_payload jsonb NOT NULL,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  extraction_status text NOT NULL DEFAULT 'pending' CHECK (extraction_status IN ('pending', 'extracted', 'failed', 'skipped')),
  extraction_error text,
  processed_at timestamptz);
CREATE INDEX company_payloads_key_idx ON raw.company_payloads (company_domain);
CREATE INDEX company_payloads_unprocessed_idx ON raw.company_payloads (workflow_slug, created_at) WHERE extraction_status IN ('pending', 'failed');
COMMENT ON TABLE raw.company_payloads IS 'Company enrichment payloads (Clay firmographics, CompanyEnrich, Crunchbase). Payload kept exactly as received; only status columns change.';

CREATE TABLE raw.company_discovery (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_domain text,
  workflow_slug text NOT NULL,
  provider text, platform text, payload_type text,
  raw_payload jsonb NOT NULL,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  extraction_status text NOT NULL DEFAULT 'pending' CHECK (extraction_status IN ('pending', 'extracted', 'failed', 'skipped')),
  extraction_error text,
  processed_at timestamptz);
CREATE INDEX company_discovery_key_idx ON raw.company_discovery (company_domain);
CREATE INDEX company_discovery_unprocessed_idx ON raw.company_discovery (workflow_slug, created_at) WHERE extraction_status IN ('pending', 'failed');
COMMENT ON TABLE raw.company_discovery IS 'Company discovery payloads (Clay find companies). Payload kept exactly as received; only status columns change.';

CREATE TABLE raw.person_payloads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  linkedin_url text,
  workflow_slug text NOT NULL,
  provider text, platform text, payload_type text,
  raw_payload jsonb NOT NULL,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  extraction_status text NOT NULL DEFAULT 'pending' CHECK (extraction_status IN ('pending', 'extracted', 'failed', 'skipped')),
  extraction_error text,
  processed_at timestamptz);
CREATE INDEX person_payloads_key_idx ON raw.person_payloads (linkedin_url);
CREATE INDEX person_payloads_unprocessed_idx ON raw.person_payloads (workflow_slug, created_at) WHERE extraction_status IN ('pending', 'failed');
COMMENT ON TABLE raw.person_payloads IS 'Person profile payloads (Clay person profile). Payload kept exactly as received; only status columns change.';

CREATE TABLE raw.person_discovery (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  linkedin_url text,
  workflow_slug text NOT NULL,
  provider text, platform text, payload_type text,
  raw_payload jsonb NOT NULL,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  extraction_status text NOT NULL DEFAULT 'pending' CHECK (extraction_status IN ('pending', 'extracted', 'failed', 'skipped')),
  extraction_error text,
  processed_at timestamptz);
CREATE INDEX person_discovery_key_idx ON raw.person_discovery (linkedin_url);
CREATE INDEX person_discovery_unprocessed_idx ON raw.person_discovery (workflow_slug, created_at) WHERE extraction_status IN ('pending', 'failed');
COMMENT ON TABLE raw.person_discovery IS 'Person discovery payloads (Clay find people). Payload kept exactly as received; only status columns change.';

CREATE TABLE raw.company_customer_claygent_payloads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  origin_company_domain text,
  workflow_slug text NOT NULL,
  provider text, platform text, payload_type text,
  raw_payload jsonb NOT NULL,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  extraction_status text NOT NULL DEFAULT 'pending' CHECK (extraction_status IN ('pending', 'extracted', 'failed', 'skipped')),
  extraction_error text,
  processed_at timestamptz);
CREATE INDEX company_customer_claygent_payloads_key_idx ON raw.company_customer_claygent_payloads (origin_company_domain);
CREATE INDEX company_customer_claygent_payloads_unprocessed_idx ON raw.company_customer_claygent_payloads (workflow_slug, created_at) WHERE extraction_status IN ('pending', 'failed');
COMMENT ON TABLE raw.company_customer_claygent_payloads IS 'Claygent customer lists (string, array or empty formats). Payload kept exactly as received; only status columns change.';

CREATE TABLE raw.manual_company_customers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  origin_company_domain text,
  workflow_slug text NOT NULL,
  provider text, platform text, payload_type text,
  raw_payload jsonb NOT NULL,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  extraction_status text NOT NULL DEFAULT 'pending' CHECK (extraction_status IN ('pending', 'extracted', 'failed', 'skipped')),
  extraction_error text,
  processed_at timestamptz);
CREATE INDEX manual_company_customers_key_idx ON raw.manual_company_customers (origin_company_domain);
CREATE INDEX manual_company_customers_unprocessed_idx ON raw.manual_company_customers (workflow_slug, created_at) WHERE extraction_status IN ('pending', 'failed');
COMMENT ON TABLE raw.manual_company_customers IS 'Manually entered company customers. Payload kept exactly as received; only status columns change.';

CREATE TABLE raw.vc_portfolio_companies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  website_domain text,
  workflow_slug text NOT NULL,
  provider text, platform text, payload_type text,
  raw_payload jsonb NOT NULL,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  extraction_status text NOT NULL DEFAULT 'pending' CHECK (extraction_status IN ('pending', 'extracted', 'failed', 'skipped')),
  extraction_error text,
  processed_at timestamptz);
CREATE INDEX vc_portfolio_companies_key_idx ON raw.vc_portfolio_companies (website_domain);
CREATE INDEX vc_portfolio_companies_unprocessed_idx ON raw.vc_portfolio_companies (workflow_slug, created_at) WHERE extraction_status IN ('pending', 'failed');
COMMENT ON TABLE raw.vc_portfolio_companies IS 'VC portfolio list entries. Payload kept exactly as received; only status columns change.';

CREATE TABLE raw.case_study_extraction_payloads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  origin_company_domain text,
  workflow_slug text NOT NULL,
  provider text, platform text, payload_type text,
  raw_payload jsonb NOT NULL,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  extraction_status text NOT NULL DEFAULT 'pending' CHECK (extraction_status IN ('pending', 'extracted', 'failed', 'skipped')),
  extraction_error text,
  processed_at timestamptz);
CREATE INDEX case_study_extraction_payloads_key_idx ON raw.case_study_extraction_payloads (origin_company_domain);
CREATE INDEX case_study_extraction_payloads_unprocessed_idx ON raw.case_study_extraction_payloads (workflow_slug, created_at) WHERE extraction_status IN ('pending', 'failed');
COMMENT ON TABLE raw.case_study_extraction_payloads IS 'Case studies extracted by Claygent. Payload kept exactly as received; only status columns change.';

CREATE TABLE raw.icp_payloads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  domain text,
  workflow_slug text NOT NULL,
  provider text, platform text, payload_type text,
  raw_payload jsonb NOT NULL,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  extraction_status text NOT NULL DEFAULT 'pending' CHECK (extraction_status IN ('pending', 'extracted', 'failed', 'skipped')),
  extraction_error text,
  processed_at timestamptz);
CREATE INDEX icp_payloads_key_idx ON raw.icp_payloads (domain);
CREATE INDEX icp_payloads_unprocessed_idx ON raw.icp_payloads (workflow_slug, created_at) WHERE extraction_status IN ('pending', 'failed');
COMMENT ON TABLE raw.icp_payloads IS 'ICP definitions generated per owner company. Payload kept exactly as received; only status columns change.';

CREATE TABLE raw.salesnav_scrapes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  first_name text,
  last_name text,
  email text,
  phone_number text,
  profile_headline text,
  profile_summary text,
  job_title text,
  job_description text,
  job_started_on text,
  linkedin_url_user_profile text,
  location text,
  company text,
  linkedin_company_profile_urn text,
  linkedin_url_company text,
  company_website text,
  company_description text,
  company_headcount text,
  company_industries text,
  company_registered_address text,
  matching_filters text,
  linkedin_user_profile_urn text,
  workflow_slug text NOT NULL DEFAULT 'salesnav-export',
  provider text, platform text, payload_type text,
  raw_payload jsonb,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  extraction_status text NOT NULL DEFAULT 'pending' CHECK (extraction_status IN ('pending', 'extracted', 'failed', 'skipped')),
  extraction_error text,
  processed_at timestamptz);
CREATE INDEX salesnav_scrapes_key_idx ON raw.salesnav_scrapes (linkedin_url_user_profile);
COMMENT ON TABLE raw.salesnav_scrapes IS 'Sales Navigator export rows: one column per CSV header (snake_case) and the row as received in raw_payload.';


CREATE TABLE core.companies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  domain text NOT NULL UNIQUE, name text, linkedin_url text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
COMMENT ON TABLE core.companies IS 'One row per company, keyed by normalized domain.';

CREATE TABLE core.company_names (
  domain text NOT NULL, source text NOT NULL,
  raw_name text, cleaned_name text, linkedin_url text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, source));
COMMENT ON TABLE core.company_names IS 'Company names per source: raw and cleaned, with the LinkedIn URL the source gave. One row per (domain, source).';

CREATE TABLE core.company_employee_ranges (
  domain text NOT NULL, source text NOT NULL,
  raw_size text, raw_employee_count int, matched_employee_range text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, source));
COMMENT ON TABLE core.company_employee_ranges IS 'Employee ranges per source: raw size string and count beside the matched canonical range. One row per (domain, source).';

CREATE TABLE core.company_types (
  domain text NOT NULL, source text NOT NULL,
  raw_type text, matched_type text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, source));
COMMENT ON TABLE core.company_types IS 'Company types per source: raw beside matched. One row per (domain, source).';

CREATE TABLE core.company_locations (
  domain text NOT NULL, source text NOT NULL,
  raw_location text, raw_country text, matched_city text, matched_state text, matched_country text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, source));
COMMENT ON TABLE core.company_locations IS 'HQ locations per source: raw beside matched city/state/country. One row per (domain, source).';

CREATE TABLE core.company_industries (
  domain text NOT NULL, source text NOT NULL,
  raw_industry text, raw_industries jsonb, matched_industry text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, source));
COMMENT ON TABLE core.company_industries IS 'Industries per source: raw beside matched LinkedIn V2 industry. One row per (domain, source).';

CREATE TABLE core.company_funding (
  domain text NOT NULL, source text NOT NULL,
  raw_funding_range text, matched_funding_range text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, source));
COMMENT ON TABLE core.company_funding IS 'Funding ranges per source: raw beside matched. One row per (domain, source).';

CREATE TABLE core.company_revenue (
  domain text NOT NULL, source text NOT NULL,
  raw_revenue_range text, matched_revenue_range text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, source));
COMMENT ON TABLE core.company_revenue IS 'Revenue ranges per source: raw beside matched. One row per (domain, source).';

CREATE TABLE core.company_descriptions (
  domain text NOT NULL, source text NOT NULL,
  description text, tagline text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, source));
COMMENT ON TABLE core.company_descriptions IS 'Descriptions and taglines per source. One row per (domain, source).';

CREATE TABLE core.company_keywords (
  domain text NOT NULL, keyword text NOT NULL, source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, keyword, source));
CREATE INDEX company_keywords_value_idx ON core.company_keywords (keyword);
COMMENT ON TABLE core.company_keywords IS 'Multi-valued: one row per (domain, keyword, source).';

CREATE TABLE core.company_categories (
  domain text NOT NULL, category text NOT NULL, source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, category, source));
CREATE INDEX company_categories_value_idx ON core.company_categories (category);
COMMENT ON TABLE core.company_categories IS 'Multi-valued: one row per (domain, category, source).';

CREATE TABLE core.company_naics_codes (
  domain text NOT NULL, naics_code text NOT NULL, source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, naics_code, source));
CREATE INDEX company_naics_codes_value_idx ON core.company_naics_codes (naics_code);
COMMENT ON TABLE core.company_naics_codes IS 'Multi-valued: one row per (domain, naics_code, source).';

CREATE TABLE core.company_tech_on_site (
  domain text NOT NULL, technology text NOT NULL, source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, technology, source));
CREATE INDEX company_tech_on_site_value_idx ON core.company_tech_on_site (technology);
COMMENT ON TABLE core.company_tech_on_site IS 'Multi-valued: one row per (domain, technology, source).';

CREATE TABLE core.company_vc_investors (
  domain text NOT NULL, investor_name text NOT NULL, source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, investor_name, source));
CREATE INDEX company_vc_investors_value_idx ON core.company_vc_investors (investor_name);
COMMENT ON TABLE core.company_vc_investors IS 'Multi-valued: one row per (domain, investor_name, source).';

CREATE TABLE core.company_social_urls (
  domain text NOT NULL, url text NOT NULL, source text NOT NULL, platform text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, url, source));
CREATE INDEX company_social_urls_value_idx ON core.company_social_urls (url);
COMMENT ON TABLE core.company_social_urls IS 'Multi-valued: one row per (domain, url, source).';

CREATE TABLE core.company_funding_rounds (
  domain text NOT NULL, round_date date, round_type text, amount numeric, url text, investors text[],
  source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
CREATE UNIQUE INDEX company_funding_rounds_key ON core.company_funding_rounds (domain, coalesce(round_date, '-infinity'::date), coalesce(round_type, ''), source);
COMMENT ON TABLE core.company_funding_rounds IS 'Funding rounds per source (date, type, amount, investors).';

CREATE TABLE core.companies_full (
  domain text PRIMARY KEY, name text, linkedin_url text, employee_range text, company_type text,
  city text, state text, country text, industry text, funding_range text, revenue_range text,
  description text, tagline text, sources jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX companies_full_country_idx ON core.companies_full (country);
CREATE INDEX companies_full_industry_idx ON core.companies_full (industry);
COMMENT ON TABLE core.companies_full IS 'Golden company records kept current by triggers: per field the value of the winning source (reference.source_priority), sources = field -> winning source.';

CREATE TABLE extracted.company_profile (
  domain text NOT NULL, workflow_slug text NOT NULL, source text NOT NULL, raw_id uuid NOT NULL,
  name text, cleaned_name text, linkedin_url text, size text, employee_count int, company_type text,
  industry text, industries jsonb, location text, city text, state text, country text,
  funding_range text, revenue_range text, description text, tagline text,
  extracted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, workflow_slug));
COMMENT ON TABLE extracted.company_profile IS 'Flat company fields extracted from the latest payload of each (domain, workflow), per reference.workflow_field_map.';

CREATE TABLE extracted.company_list_values (
  domain text NOT NULL, workflow_slug text NOT NULL, list_name text NOT NULL, value text NOT NULL,
  PRIMARY KEY (domain, workflow_slug, list_name, value));
COMMENT ON TABLE extracted.company_list_values IS 'Array fields broken out (keywords, categories, technologies, naics_codes, investors, social_urls), replaced as a set per payload.';

CREATE TABLE extracted.company_funding_rounds (
  domain text NOT NULL, workflow_slug text NOT NULL, ordinal int NOT NULL,
  round_date date, round_type text, amount numeric, url text, investors text[],
  PRIMARY KEY (domain, workflow_slug, ordinal));
COMMENT ON TABLE extracted.company_funding_rounds IS 'CompanyEnrich funding rounds, investors parsed from the round''s "from".';
