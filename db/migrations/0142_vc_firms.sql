-- depends: 0141_case_studies
-- VC firms as entities: every investor a portfolio list, a Crunchbase
-- portfolio export or a CompanyEnrich funding round names resolves to one
-- core.vc_firms row; core.company_vc_backed counts a company's firms.

CREATE TABLE core.vc_firms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  name_key text NOT NULL UNIQUE,
  domain text UNIQUE,
  aliases text[] NOT NULL DEFAULT '{}',
  alias_keys text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX vc_firms_alias_keys_idx ON core.vc_firms USING gin (alias_keys);
COMMENT ON TABLE core.vc_firms IS 'Venture capital firms: name, normalized name (core.company_name_key), domain when a source gives one, other names seen for the same firm (aliases, alias_keys normalized). Investors resolve by domain, then name key, then alias key.';

ALTER TABLE core.company_vc_investors ADD COLUMN vc_firm_id uuid;
-- the column is new and all NULL, so there is nothing to validate; new rows are checked
ALTER TABLE core.company_vc_investors ADD CONSTRAINT company_vc_investors_vc_firm_fk
  FOREIGN KEY (vc_firm_id) REFERENCES core.vc_firms (id) NOT VALID;
CREATE INDEX company_vc_investors_firm_idx ON core.company_vc_investors (vc_firm_id);
COMMENT ON COLUMN core.company_vc_investors.vc_firm_id IS 'The core.vc_firms row this investor name resolved to.';

CREATE TABLE core.company_vc_backed (
  domain text PRIMARY KEY,
  vc_count int NOT NULL,
  is_vc_backed boolean GENERATED ALWAYS AS (vc_count > 0) STORED,
  updated_at timestamptz NOT NULL DEFAULT now());
COMMENT ON TABLE core.company_vc_backed IS 'Per company, how many distinct VC firms invested (all sources); kept by a statement trigger on core.company_vc_investors.';

-- crunchbase-portfolio: a VC's portfolio as Crunchbase exports it, one row per company
INSERT INTO reference.enrichment_workflow_registry
  (workflow_slug, provider, platform, payload_type, entity_type, source, raw_table, extracted_table, core_tables,
   key_column, payload_key, coalesces_to_core, description) VALUES
  ('crunchbase-portfolio', 'crunchbase', 'crunchbase', 'portfolio_company', 'company', 'crunchbase_portfolio',
   'raw.vc_portfolio_companies', 'extracted.company_profile',
   '{core.company_names,core.company_employee_ranges,core.company_locations,core.company_descriptions,core.company_vc_investors}',
   'website_domain', 'website', true, 'Crunchbase portfolio export of a VC firm: one portfolio company per row');
INSERT INTO reference.workflow_field_map (workflow_slug, target, json_path, expected_type) VALUES
  ('crunchbase-portfolio', 'name', '{name}', 'string'),
  ('crunchbase-portfolio', 'linkedin_url', '{linkedin_url}', 'string'),
  ('crunchbase-portfolio', 'size', '{number_employees}', 'string'),
  ('crunchbase-portfolio', 'city', '{city}', 'string'),
  ('crunchbase-portfolio', 'state', '{state}', 'string'),
  ('crunchbase-portfolio', 'country', '{country}', 'string'),
  ('crunchbase-portfolio', 'description', '{full_description}', 'string'),
  ('crunchbase-portfolio', 'tagline', '{short_description}', 'string'),
  ('crunchbase-portfolio', 'vc_firm_name', '{vc_name}', 'string'),
  ('crunchbase-portfolio', 'vc_firm_domain', '{vc_domain}', 'string');
INSERT INTO reference.source_priority (field, source, priority) VALUES ('*', 'crunchbase_portfolio', 5)
ON CONFLICT DO NOTHING;
