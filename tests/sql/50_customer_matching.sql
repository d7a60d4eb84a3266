-- Customers: the three Claygent formats, manual customers, each matching
-- path, and re-match on arrival through every workflow that writes companies.
BEGIN;
SELECT plan(43);
\set p_str `cat "$HQ_FIXTURES"/claygent-customers.string.json`
\set p_arr `cat "$HQ_FIXTURES"/claygent-customers.structured.json`
\set p_empty `cat "$HQ_FIXTURES"/claygent-customers.v2-empty.json`
\set p_manual `cat "$HQ_FIXTURES"/manual-company-customers.json`
\set p_find `cat "$HQ_FIXTURES"/clay-find-companies.json`
\set p_li `cat "$HQ_FIXTURES"/clay-company-firmographics.json`
\set p_ce `cat "$HQ_FIXTURES"/companyenrich-company.json`
\set p_cb `cat "$HQ_FIXTURES"/crunchbase-company.json`
\set p_vc `cat "$HQ_FIXTURES"/vc-portfolio.json`
\set p_person `cat "$HQ_FIXTURES"/clay-person-profile.json`

-- the name key
SELECT is(core.company_name_key('Figma, Inc.'), 'figma', 'name key: legal suffix and punctuation removed');
SELECT is(core.company_name_key('The Home Depot'), 'home depot', 'name key: leading "the" removed');
SELECT is(core.company_name_key('Nestlé S.A.'), 'nestle', 'name key: accents and S.A. removed');
SELECT is(core.company_name_key('Acme Co., Ltd.'), 'acme', 'name key: several trailing legal words removed');
SELECT is(core.company_name_key('Procter & Gamble GmbH'), 'procter gamble', 'name key: & and GmbH removed');
SELECT is(core.company_name_key('Ltd'), 'ltd', 'name key: a name made only of a legal word keeps it');
SELECT is(core.domain_label('bbc.co.uk'), 'bbc', 'domain label under a second-level public suffix');

-- format 1: a delimited string; no company known yet, so nothing is matched
INSERT INTO raw.company_customer_claygent_payloads (workflow_slug, raw_payload) VALUES ('claygent-customers', :'p_str');
SELECT results_eq($$SELECT customer_name, customer_domain, match_method FROM core.company_customers
                    WHERE origin_company_domain = 'xtrachef.com' ORDER BY customer_name$$,
  $$VALUES ('Choice Market'::text, NULL::text, NULL::text), ('Dos Toros Taqueria', NULL, NULL),
           ('Okay Cool Group', NULL, NULL), ('Sidewall Pizza Company', NULL, NULL)$$,
  'string format: four customers, unmatched');
SELECT is((SELECT customer_name_key FROM core.company_customers WHERE customer_name = 'Sidewall Pizza Company'), 'sidewall pizza',
  'the customer name key is stored');

-- format 3: an empty array extracts nothing and is not a failure
INSERT INTO raw.company_customer_claygent_payloads (workflow_slug, raw_payload) VALUES ('claygent-customers', :'p_empty');
SELECT is((SELECT extraction_status FROM raw.company_customer_claygent_payloads WHERE origin_company_domain = 'graphiant.com'),
  'extracted', 'empty format: extracted');
SELECT is((SELECT count(*)::int FROM core.company_customers WHERE origin_company_domain = 'graphiant.com'), 0, 'empty format: no customers');

-- companies the structured format's names can match
INSERT INTO core.companies (domain, name, linkedin_url) VALUES
  ('bamboohr.com', 'BambooHR LLC', 'https://www.linkedin.com/company/bamboohr'), ('monday.com', 'monday.com', NULL);

-- format 2: an array of objects
INSERT INTO raw.company_customer_claygent_payloads (workflow_slug, raw_payload) VALUES ('claygent-customers', :'p_arr');
SELECT results_eq($$SELECT customer_name, customer_domain, match_method, match_score, case_study_url, has_case_study
                    FROM core.company_customers WHERE origin_company_domain = 'zluri.com' ORDER BY customer_name$$,
  $$VALUES ('BambooHR'::text, 'bamboohr.com'::text, 'exact_name'::text, 1.0::numeric, 'https://www.zluri.com/case-studies/bamboohr'::text, true),
           ('Tipalti', NULL, NULL, NULL, NULL, false),
           ('monday.com', 'monday.com', 'domain_in_name', 1.0, 'https://www.zluri.com/case-studies/monday', true)$$,
  'structured format: exact normalized name, name that is a domain, one unmatched');
SELECT is((SELECT customer_linkedin_url FROM core.company_customers WHERE customer_name = 'BambooHR'),
  'https://www.linkedin.com/company/bamboohr', 'a match records the company''s LinkedIn URL');

-- manual customers: the domain and LinkedIn URL given
INSERT INTO raw.manual_company_customers (workflow_slug, raw_payload) VALUES ('manual-company-customers', :'p_manual');
SELECT results_eq($$SELECT customer_name, customer_domain, match_method, match_score, customer_linkedin_url, source
                    FROM core.company_customers WHERE origin_company_domain = 'securitypal.com'$$,
  $$VALUES ('Figma'::text, 'figma.com'::text, 'given'::text, 1.0::numeric, 'https://www.linkedin.com/company/figma'::text, 'manual'::text)$$,
  'manual customer: given domain and LinkedIn URL');
SELECT is((SELECT count(*)::int FROM core.companies WHERE domain = 'figma.com'), 1, 'a given customer domain becomes a company');

-- each matching path, through core.match_company_names
INSERT INTO core.companies (domain, name) VALUES
  ('datadoghq.com', 'Datadog'), ('acme.com', 'Acme'), ('acme.io', 'ACME Inc.'),
  ('nova-analytics.example', 'Nova Analytics'), ('nova-analytica.example', 'Nova Analytica'),
  ('homedepot.com', NULL);
SELECT results_eq($$SELECT name, domain, method FROM core.match_company_names(
                      ARRAY['Datadog, Inc.', 'Datadogg', 'Acme LLC', 'Nova Analytic', 'Home Depot', 'Nothing Like It', 'figma.com'])
                    ORDER BY name$$,
  $$VALUES ('Acme LLC'::text, NULL::text, 'ambiguous'::text), ('Datadog, Inc.', 'datadoghq.com', 'exact_name'),
           ('Datadogg', 'datadoghq.com', 'trigram'), ('Home Depot', 'homedepot.com', 'domain_label'),
           ('Nothing Like It', NULL, NULL), ('Nova Analytic', NULL, 'ambiguous'), ('figma.com', 'figma.com', 'domain_in_name')$$,
  'paths: exact, trigram, domain label, domain in the name; ambiguous exact and trigram names unmatched');
SELECT cmp_ok((SELECT score FROM core.match_company_names(ARRAY['Datadogg'])), '>=',
  (SELECT value FROM reference.match_settings WHERE name = 'customer_trgm_threshold'), 'a trigram match scores at least the threshold');
UPDATE reference.match_settings SET value = 0.95 WHERE name = 'customer_trgm_threshold';
SELECT is((SELECT domain FROM core.match_company_names(ARRAY['Datadogg'])), NULL, 'the threshold is read from reference.match_settings');
UPDATE reference.match_settings SET value = 0.6 WHERE name = 'customer_trgm_threshold';
UPDATE reference.match_settings SET value = 0 WHERE name = 'customer_trgm_margin';
SELECT is((SELECT method FROM core.match_company_names(ARRAY['Nova Analytic'])), 'trigram', 'so is the margin');
UPDATE reference.match_settings SET value = 0.15 WHERE name = 'customer_trgm_margin';
SELECT is(current_setting('pg_trgm.similarity_threshold'), '0.3', 'the matcher leaves the session''s trigram threshold as it was');

-- re-match on arrival: Tipalti (unmatched above) through every workflow that writes companies
SAVEPOINT arrival;
INSERT INTO raw.company_discovery (company_domain, workflow_slug, raw_payload)
VALUES ('tipalti.com', 'clay-find-companies', (:'p_find')::jsonb || '{"name": "Tipalti", "domain": "tipalti.com", "linkedin_url": "https://www.linkedin.com/company/tipalti"}');
SELECT results_eq($$SELECT customer_domain, match_method, customer_linkedin_url FROM core.company_customers WHERE customer_name = 'Tipalti'$$,
  $$VALUES ('tipalti.com'::text, 'exact_name'::text, 'https://www.linkedin.com/company/tipalti'::text)$$,
  'clay-find-companies: Tipalti matched when tipalti.com arrives, with its LinkedIn URL');
SELECT results_eq($$SELECT reference_table, operation, raw_keys, dimension_rows FROM reference.rematch_log ORDER BY id DESC LIMIT 1$$,
  $$VALUES ('core.companies'::text, 'customer_match'::text, ARRAY['Tipalti'], 1)$$, 'the re-match is logged in reference.rematch_log');
ROLLBACK TO SAVEPOINT arrival;
SELECT is((SELECT customer_domain FROM core.company_customers WHERE customer_name = 'Tipalti'), NULL, 'rolled back: Tipalti unmatched again');

SAVEPOINT arrival;
INSERT INTO raw.company_payloads (workflow_slug, raw_payload)
VALUES ('clay-company-firmographics', (:'p_li')::jsonb || '{"name": "Tipalti Inc.", "website": "https://tipalti.com"}');
SELECT is((SELECT customer_domain FROM core.company_customers WHERE customer_name = 'Tipalti'), 'tipalti.com', 'clay-company-firmographics: Tipalti matched');
ROLLBACK TO SAVEPOINT arrival;

SAVEPOINT arrival;
INSERT INTO raw.company_payloads (workflow_slug, raw_payload)
VALUES ('companyenrich-company', (:'p_ce')::jsonb || '{"name": "Tipalti", "domain": "tipalti.com"}');
SELECT is((SELECT customer_domain FROM core.company_customers WHERE customer_name = 'Tipalti'), 'tipalti.com', 'companyenrich-company: Tipalti matched');
ROLLBACK TO SAVEPOINT arrival;

SAVEPOINT arrival;
INSERT INTO raw.company_payloads (workflow_slug, raw_payload)
VALUES ('crunchbase-company', (:'p_cb')::jsonb || '{"name": "Tipalti Ltd", "website": "www.tipalti.com"}');
SELECT is((SELECT customer_domain FROM core.company_customers WHERE customer_name = 'Tipalti'), 'tipalti.com', 'crunchbase-company: Tipalti matched');
ROLLBACK TO SAVEPOINT arrival;

SAVEPOINT arrival;
INSERT INTO raw.vc_portfolio_companies (workflow_slug, raw_payload)
VALUES ('vc-portfolio', (:'p_vc')::jsonb || '{"company_name": "Tipalti", "website_domain": "tipalti.com"}');
SELECT is((SELECT customer_domain FROM core.company_customers WHERE customer_name = 'Tipalti'), 'tipalti.com', 'vc-portfolio: Tipalti matched');
ROLLBACK TO SAVEPOINT arrival;

SAVEPOINT arrival;
INSERT INTO raw.person_payloads (workflow_slug, raw_payload)
VALUES ('clay-person-profile', (:'p_person')::jsonb || jsonb_build_object('experience', jsonb_build_array(
  '{"url": "https://www.linkedin.com/company/tipalti", "title": "Controller", "company": "Tipalti", "company_domain": "tipalti.com", "start_date": "2024-01-01", "is_current": true}'::jsonb)));
SELECT is((SELECT customer_domain FROM core.company_customers WHERE customer_name = 'Tipalti'), 'tipalti.com', 'clay-person-profile: an employer named Tipalti at tipalti.com matches');
ROLLBACK TO SAVEPOINT arrival;

SAVEPOINT arrival;
INSERT INTO raw.manual_company_customers (workflow_slug, raw_payload)
VALUES ('manual-company-customers', '{"origin_company_domain": "ramp.com", "company_customer_name": "Tipalti Solutions", "company_customer_domain": "tipalti.com"}');
SELECT results_eq($$SELECT customer_domain, match_method FROM core.company_customers WHERE customer_name = 'Tipalti'$$,
  $$VALUES ('tipalti.com'::text, 'domain_label'::text)$$, 'a customer workflow giving tipalti.com: the bare domain''s label matches');
ROLLBACK TO SAVEPOINT arrival;

SAVEPOINT arrival;
INSERT INTO core.company_names (domain, source, raw_name, cleaned_name) VALUES ('bamboohr.com', 'manual', 'Tipalti', 'Tipalti');
SELECT is((SELECT customer_domain FROM core.company_customers WHERE customer_name = 'Tipalti'), 'bamboohr.com',
  'a new name for a known company (core.company_names) re-matches too');
SELECT results_eq($$SELECT reference_table FROM reference.rematch_log ORDER BY id DESC LIMIT 1$$, $$VALUES ('core.company_names'::text)$$,
  'logged against core.company_names');
ROLLBACK TO SAVEPOINT arrival;

-- a name that becomes ambiguous is not re-matched; a matched row is not changed by later arrivals
INSERT INTO core.companies (domain, name) VALUES ('tipalti.example', 'Tipalti');
INSERT INTO core.companies (domain, name) VALUES ('tipalti.com', 'Tipalti');
SELECT results_eq($$SELECT customer_domain, match_method FROM core.company_customers WHERE customer_name = 'Tipalti'$$,
  $$VALUES ('tipalti.example'::text, 'exact_name'::text)$$, 'first arrival matches; a second company of the same name changes nothing');
SELECT results_eq($$SELECT domain, method FROM core.match_company_names(ARRAY['Tipalti'])$$,
  $$VALUES (NULL::text, 'ambiguous'::text)$$, 'with two companies of that name a new customer named Tipalti stays unmatched');

-- the customer-alumni signal follows the match
INSERT INTO raw.person_payloads (workflow_slug, raw_payload) VALUES ('clay-person-profile', :'p_person');
INSERT INTO raw.company_payloads (workflow_slug, raw_payload) VALUES ('companyenrich-company', :'p_ce');
INSERT INTO raw.manual_company_customers (workflow_slug, raw_payload)
VALUES ('manual-company-customers', '{"origin_company_domain": "acmecorp.example", "company_customer_name": "Datadog Inc."}');
SELECT results_eq($$SELECT customer_domain, match_method FROM core.company_customers WHERE origin_company_domain = 'acmecorp.example'$$,
  $$VALUES ('datadoghq.com'::text, 'exact_name'::text)$$, 'manual customer without a domain: matched by name');
SELECT is((SELECT array_agg(e ->> 'full_name') FROM jsonb_array_elements(api.leads_by_company_customers('{}', 'acmecorp.example') -> 'data') e),
  ARRAY['Sam Rivera'], 'customer-alumni signal: a lead who worked at the matched customer');
INSERT INTO raw.manual_company_customers (workflow_slug, raw_payload)
VALUES ('manual-company-customers', '{"origin_company_domain": "late.example", "company_customer_name": "Antimetall"}');
SELECT is((SELECT customer_domain FROM core.company_customers WHERE origin_company_domain = 'late.example'), 'antimetal.com',
  'trigram path through the pipeline (Antimetall -> Antimetal)');
SELECT is((SELECT match_method FROM core.company_customers WHERE origin_company_domain = 'late.example'), 'trigram', 'recorded as trigram');
SELECT cmp_ok((SELECT match_score FROM core.company_customers WHERE origin_company_domain = 'late.example'), '<', 1.0, 'with its similarity as the score');

-- a customer whose company arrives later: matched when a person's employer
-- names it; the lead appears (and the signal serves it) once the company's
-- country is known, all in the writing transactions
INSERT INTO raw.manual_company_customers (workflow_slug, raw_payload)
VALUES ('manual-company-customers', '{"origin_company_domain": "early.example", "company_customer_name": "Quuxly Robotics, Inc."}');
INSERT INTO raw.person_payloads (workflow_slug, raw_payload)
VALUES ('clay-person-profile', (:'p_person')::jsonb || jsonb_build_object('experience', jsonb_build_array(
  '{"url": "https://www.linkedin.com/company/quuxly", "title": "Director of Engineering", "company": "Quuxly Robotics", "company_domain": "quuxly.example", "start_date": "2024-01-01", "is_current": true}'::jsonb)));
SELECT is((SELECT customer_domain FROM core.company_customers WHERE origin_company_domain = 'early.example'), 'quuxly.example',
  'the person pipeline naming the employer matched the customer');
SELECT is(jsonb_array_length(api.leads_by_company_customers('{}', 'early.example') -> 'data'), 0, 'no lead while the company has no country');
INSERT INTO raw.company_discovery (workflow_slug, raw_payload)
VALUES ('clay-find-companies', '{"domain": "quuxly.example", "name": "Quuxly Robotics", "location": "Austin, TX", "country": "United States"}');
SELECT is((SELECT array_agg(e ->> 'company_domain') FROM jsonb_array_elements(api.leads_by_company_customers('{}', 'early.example') -> 'data') e),
  ARRAY['quuxly.example'], 'once complete, the customer-alumni signal serves the lead');

-- replaying the same payload changes nothing
INSERT INTO raw.company_customer_claygent_payloads (workflow_slug, raw_payload) VALUES ('claygent-customers', :'p_arr');
SELECT is((SELECT count(*)::int FROM core.company_customers WHERE origin_company_domain = 'zluri.com'), 3, 'same payload twice: same rows');
SELECT is((SELECT count(*)::int FROM core.company_name_keys WHERE domain = 'bamboohr.com' AND kind = 'name'), 1,
  'one key per distinct name of a company');

SELECT * FROM finish();
ROLLBACK;
