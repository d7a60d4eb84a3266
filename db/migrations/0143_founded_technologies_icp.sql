-- depends: 0142_vc_firms
-- Founded years from every source that has one (the ICP's founded-year
-- range reads them), technologies with first/last detection per (domain,
-- technology, source).

CREATE TABLE core.company_founded_years (
  domain text NOT NULL, source text NOT NULL,
  raw_founded text, founded_year int CHECK (founded_year BETWEEN 1000 AND 2999),
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, source));
COMMENT ON TABLE core.company_founded_years IS 'Year founded per source (LinkedIn via Clay, CompanyEnrich, Crunchbase, VC portfolio lists): raw value beside the parsed year. One row per (domain, source).';

INSERT INTO reference.workflow_field_map (workflow_slug, target, json_path, expected_type) VALUES
  ('clay-company-firmographics', 'founded', '{founded}', 'scalar'),
  ('companyenrich-company', 'founded', '{founded_year}', 'scalar'),
  ('crunchbase-company', 'founded', '{founded_date}', 'scalar'),
  ('vc-portfolio', 'founded', '{founded_date}', 'scalar'),
  ('crunchbase-portfolio', 'founded', '{founded_date}', 'scalar')
ON CONFLICT DO NOTHING;

-- Detections are keyed by the technology's normalized name, not by a shared
-- reference row: batches ingested at the same time that name the same new
-- technology would otherwise wait on each other's insert of that row.
-- reference.technologies is the view over them (db/views).
CREATE TABLE core.tech_on_site_detections (
  domain text NOT NULL,
  technology_key text NOT NULL,
  technology text NOT NULL,
  source text NOT NULL,
  first_detected timestamptz NOT NULL DEFAULT now(),
  last_detected timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, technology_key, source));
CREATE INDEX tech_on_site_detections_technology_idx ON core.tech_on_site_detections (technology_key);
COMMENT ON TABLE core.tech_on_site_detections IS 'When each source first and last reported a technology (normalized name technology_key, spelling as first seen) on a company''s site; a technology a later payload no longer lists keeps its last_detected.';
