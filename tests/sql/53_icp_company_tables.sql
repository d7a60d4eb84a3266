-- ICP leads (company and person criteria, keyset pages), founded years from
-- every source, technologies with first/last detection, social URLs per
-- platform, unknown industries listed for review.
BEGIN;
SELECT plan(20);
\set p_ce `cat "$HQ_FIXTURES"/companyenrich-company.json`
\set p_li `cat "$HQ_FIXTURES"/clay-company-firmographics.json`
\set p_cb `cat "$HQ_FIXTURES"/crunchbase-company.json`
\set p_vc `cat "$HQ_FIXTURES"/vc-portfolio.json`
\set p_icp `cat "$HQ_FIXTURES"/icp-generation.json`
\set p_person `cat "$HQ_FIXTURES"/clay-person-profile.json`

INSERT INTO raw.company_payloads (workflow_slug, raw_payload) VALUES
  ('companyenrich-company', (:'p_ce')::jsonb || '{"industries": ["Software Development", "Quantum Widgetry"]}'),
  ('clay-company-firmographics', :'p_li'), ('crunchbase-company', :'p_cb');
INSERT INTO raw.vc_portfolio_companies (workflow_slug, raw_payload) VALUES ('vc-portfolio', (:'p_vc')::jsonb || '{"founded_date": "2020"}');

-- founded years from every source that has one
SELECT results_eq($$SELECT domain, source, raw_founded, founded_year FROM core.company_founded_years ORDER BY 1, 2$$,
  $$VALUES ('antimetal.com'::text, 'companyenrich'::text, '2021'::text, 2021), ('antimetal.com', 'vc_portfolio', '2020', 2020),
           ('ge.com', 'crunchbase', '1892-04-15', 1892), ('ironcladapp.com', 'linkedin', '2014', 2014)$$,
  'founded years: CompanyEnrich, VC portfolio, Crunchbase date, LinkedIn via Clay');

-- technologies: one reference row per name, first/last detected per (domain, technology, source)
SELECT results_eq($$SELECT d.technology, d.source FROM core.tech_on_site_detections d
                    WHERE d.domain = 'antimetal.com' ORDER BY 1$$,
  $$VALUES ('Cloudflare'::text, 'companyenrich'::text), ('Google Analytics', 'companyenrich'), ('HubSpot', 'companyenrich')$$,
  'technologies detected');
UPDATE core.tech_on_site_detections SET first_detected = now() - interval '30 days', last_detected = now() - interval '30 days';
INSERT INTO raw.company_payloads (workflow_slug, raw_payload) VALUES ('companyenrich-company',
  (:'p_ce')::jsonb || '{"technologies": ["hubspot", "Segment"], "industries": ["Software Development", "Quantum Widgetry"]}');
SELECT results_eq($$SELECT d.technology, d.first_detected < now() - interval '29 days', d.last_detected = now()
                    FROM core.tech_on_site_detections d ORDER BY 1$$,
  $$VALUES ('Cloudflare'::text, true, false), ('Google Analytics', true, false), ('HubSpot', true, true), ('Segment', false, true)$$,
  'a later payload: first_detected kept, last_detected moved for what it lists (any case), untouched for what it does not');
SELECT results_eq($$SELECT name_key, name, companies::int FROM reference.technologies ORDER BY 1$$,
  $$VALUES ('cloudflare'::text, 'Cloudflare'::text, 1), ('google analytics', 'Google Analytics', 1), ('hubspot', 'HubSpot', 1), ('segment', 'Segment', 1)$$,
  'reference.technologies: one row per technology name (case-insensitive)');

-- social URLs per platform
SELECT results_eq($$SELECT linkedin_url, twitter_url, crunchbase_url, facebook_url FROM core.company_social_profiles WHERE domain = 'antimetal.com'$$,
  $$VALUES ('https://www.linkedin.com/company/antimetal/'::text, 'https://twitter.com/antimetal'::text,
            'https://www.crunchbase.com/organization/antimetal'::text, NULL::text)$$, 'social URLs, one column per platform');

-- an unknown industry is listed for review, never added to the canonical list
SELECT is((SELECT row_count::int FROM reference.unmatched_values WHERE kind = 'industry' AND raw_value = 'Quantum Widgetry'), 1,
  'unknown industry listed in reference.unmatched_values');
SELECT is((SELECT count(*)::int FROM reference.company_industries WHERE name = 'Quantum Widgetry'), 0, 'and not in the canonical industries');
SELECT is((SELECT matched_industry FROM core.company_industries WHERE domain = 'antimetal.com' AND source = 'companyenrich'),
  'Software Development', 'the known industry is still matched');

-- people: a VP of Legal at Ironclad (fits), a Director of Legal Operations at
-- Antimetal (too small), Sam Rivera at Antimetal (neither), a VP Legal at GE (too big, too old)
INSERT INTO raw.person_payloads (workflow_slug, raw_payload) VALUES
  ('clay-person-profile', :'p_person'),
  ('clay-person-profile', (:'p_person')::jsonb || '{"url": "https://www.linkedin.com/in/icp-a", "name": "Avery Legal", "title": "VP of Legal",
    "experience": [{"company": "Ironclad", "company_domain": "ironcladapp.com", "title": "VP of Legal", "start_date": "2022-01-01", "is_current": true}]}'),
  ('clay-person-profile', (:'p_person')::jsonb || '{"url": "https://www.linkedin.com/in/icp-c", "name": "Casey Ops", "title": "Director of Legal Operations",
    "experience": [{"company": "Antimetal", "company_domain": "antimetal.com", "title": "Director of Legal Operations", "start_date": "2022-01-01", "is_current": true}]}'),
  ('clay-person-profile', (:'p_person')::jsonb || '{"url": "https://www.linkedin.com/in/icp-d", "name": "Drew Counsel", "title": "VP Legal",
    "experience": [{"company": "GE", "company_domain": "ge.com", "title": "VP Legal", "start_date": "2022-01-01", "is_current": true}]}');
SELECT is((SELECT count(*)::int FROM core.leads), 4, 'four leads');

INSERT INTO raw.icp_payloads (workflow_slug, raw_payload) VALUES ('icp-generation', :'p_icp');
CREATE FUNCTION pg_temp.icp_names(p_domain text, p_limit int DEFAULT 50, p_cursor text DEFAULT NULL) RETURNS text[] LANGUAGE sql AS
  $$ SELECT array_agg(e ->> 'full_name' ORDER BY e ->> 'linkedin_url') FROM jsonb_array_elements(api.icp_leads(p_domain, p_limit, p_cursor) -> 'data') e $$;
SELECT is(pg_temp.icp_names('ironcladapp.com'), ARRAY['Avery Legal'], 'fixture ICP: industry, size, count range, country, founded, title and seniority');
SELECT is(api.icp_leads('nobody.example'), NULL, 'no ICP for the domain: NULL');

UPDATE reference.company_icp SET company_criteria = '{}', person_criteria = '{"title_contains_any": ["legal"]}';
SELECT is(pg_temp.icp_names('ironcladapp.com'), ARRAY['Avery Legal', 'Casey Ops', 'Drew Counsel'], 'title contains any (case-insensitive)');
UPDATE reference.company_icp SET person_criteria = '{"title_contains_all": ["vp", "legal"]}';
SELECT is(pg_temp.icp_names('ironcladapp.com'), ARRAY['Avery Legal', 'Drew Counsel'], 'title contains all');
UPDATE reference.company_icp SET person_criteria = '{"title_contains_any": ["legal"], "seniorities": ["Director"]}';
SELECT is(pg_temp.icp_names('ironcladapp.com'), ARRAY['Casey Ops'], 'seniorities');
UPDATE reference.company_icp SET person_criteria = '{"job_functions": ["Engineering"]}';
SELECT is(pg_temp.icp_names('ironcladapp.com'), ARRAY['Sam Rivera'], 'job functions');
UPDATE reference.company_icp SET person_criteria = '{}', company_criteria = '{"founded_max": 2000}';
SELECT is(pg_temp.icp_names('ironcladapp.com'), ARRAY['Drew Counsel'], 'founded-year range');
UPDATE reference.company_icp SET company_criteria = '{"founded_min": 2021, "founded_max": 2021}';
SELECT is(pg_temp.icp_names('ironcladapp.com'), ARRAY['Casey Ops', 'Sam Rivera'], 'founded year of the best-ranked source (crunchbase-like priority: companyenrich 2021 over vc_portfolio 2020)');
UPDATE reference.company_icp SET company_criteria = '{"employee_count_min": 10000}';
SELECT is(pg_temp.icp_names('ironcladapp.com'), ARRAY['Drew Counsel'], 'employee count range against the golden range');
UPDATE reference.company_icp SET company_criteria = '{"employee_count_min": 600, "employee_count_max": 700}';
SELECT is(pg_temp.icp_names('ironcladapp.com'), ARRAY['Avery Legal'], 'employee count range against a source''s exact count (612)');
UPDATE reference.company_icp SET company_criteria = '{"countries": ["Canada"]}';
SELECT is(pg_temp.icp_names('ironcladapp.com'), NULL, 'countries');

SELECT * FROM finish();
ROLLBACK;
