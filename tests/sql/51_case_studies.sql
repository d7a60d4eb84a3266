-- Case studies: details kept (title, URL, customer, confidence, reasoning),
-- champions linked to the one person of that name at the customer company.
BEGIN;
SELECT plan(10);
\set p_cs `cat "$HQ_FIXTURES"/case-study-extraction.json`
\set p_person `cat "$HQ_FIXTURES"/clay-person-profile.json`

-- Alex Chen works at BambooHR; Jordan Park worked there before; two Riley Smiths work there
INSERT INTO raw.person_payloads (workflow_slug, raw_payload) VALUES
  ('clay-person-profile', (:'p_person')::jsonb || '{"url": "https://www.linkedin.com/in/alex-chen", "name": "Álex Chén",
    "experience": [{"company": "BambooHR", "company_domain": "bamboohr.com", "title": "Director of IT", "start_date": "2020-01-01", "is_current": true}]}'),
  ('clay-person-profile', (:'p_person')::jsonb || '{"url": "https://www.linkedin.com/in/jordan-park", "name": "Jordan Park",
    "experience": [{"company": "Zluri", "company_domain": "zluri.com", "title": "CIO", "start_date": "2024-01-01", "is_current": true},
                   {"company": "BambooHR", "company_domain": "bamboohr.com", "title": "IT Lead", "start_date": "2019-01-01", "end_date": "2023-12-01", "is_current": false}]}'),
  ('clay-person-profile', (:'p_person')::jsonb || '{"url": "https://www.linkedin.com/in/riley-smith-1", "name": "Riley Smith",
    "experience": [{"company": "BambooHR", "company_domain": "bamboohr.com", "title": "IT Manager", "start_date": "2021-01-01", "is_current": true}]}'),
  ('clay-person-profile', (:'p_person')::jsonb || '{"url": "https://www.linkedin.com/in/riley-smith-2", "name": "Riley Smith",
    "experience": [{"company": "BambooHR", "company_domain": "bamboohr.com", "title": "Engineer", "start_date": "2022-01-01", "is_current": true}]}');

INSERT INTO raw.case_study_extraction_payloads (workflow_slug, raw_payload) VALUES ('case-study-extraction',
  (:'p_cs')::jsonb || '{"champions": [{"full_name": "Alex Chen", "job_title": "Director of IT", "company_name": "BambooHR"},
                                      {"full_name": "Morgan Lee", "job_title": "IT Systems Manager"},
                                      {"full_name": "jordan  park"}, {"full_name": "Riley Smith"}]}');
SELECT results_eq($$SELECT origin_company_domain, case_study_url, customer_name, customer_domain, article_title, confidence, reasoning
                    FROM extracted.case_study_details$$,
  $$VALUES ('zluri.com'::text, 'https://www.zluri.com/case-studies/bamboohr'::text, 'BambooHR'::text, 'bamboohr.com'::text,
            'How BambooHR uncovered $60K in SaaS savings'::text, 'high'::text, 'The article names BambooHR''s IT leads as the champions.'::text)$$,
  'case study details: article title, URL, customer, confidence and reasoning kept');
SELECT results_eq($$SELECT full_name, job_title, person_linkedin_url, link_status FROM extracted.case_study_champions ORDER BY ordinal$$,
  $$VALUES ('Alex Chen'::text, 'Director of IT'::text, 'https://www.linkedin.com/in/alex-chen'::text, 'linked'::text),
           ('Morgan Lee', 'IT Systems Manager', NULL, 'unlinked'),
           ('jordan  park', NULL, 'https://www.linkedin.com/in/jordan-park', 'linked'),
           ('Riley Smith', NULL, NULL, 'ambiguous')$$,
  'champions: linked across accents and spacing, through a past job, unlinked when nobody fits, not linked when two people fit');
SELECT is((SELECT customer_domain FROM core.company_customers WHERE origin_company_domain = 'zluri.com' AND customer_name = 'BambooHR'),
  'bamboohr.com', 'the case study''s customer is a company customer too');

-- the same payload again: same rows, champions replaced not appended
INSERT INTO raw.case_study_extraction_payloads (workflow_slug, raw_payload) VALUES ('case-study-extraction',
  (:'p_cs')::jsonb || '{"champions": [{"full_name": "Alex Chen"}]}');
SELECT is((SELECT count(*)::int FROM extracted.case_study_details), 1, 're-delivery: one case study');
SELECT is((SELECT count(*)::int FROM extracted.case_study_champions), 1, 're-delivery: champions replaced as a set');

-- no domain given: the customer's domain comes from the name match
INSERT INTO core.companies (domain, name) VALUES ('rippling.com', 'Rippling');
INSERT INTO raw.person_payloads (workflow_slug, raw_payload) VALUES
  ('clay-person-profile', (:'p_person')::jsonb || '{"url": "https://www.linkedin.com/in/dana-w", "name": "Dana Wu",
    "experience": [{"company": "Rippling", "company_domain": "rippling.com", "title": "VP IT", "start_date": "2020-01-01", "is_current": true}]}');
INSERT INTO raw.case_study_extraction_payloads (workflow_slug, raw_payload) VALUES ('case-study-extraction',
  '{"origin_company_domain": "zluri.com", "case_study_url": "https://www.zluri.com/case-studies/rippling", "company_customer_name": "Rippling, Inc.",
    "article_title": "Rippling", "confidence": "medium", "reasoning": "named", "champions": [{"full_name": "Dana Wu"}]}');
SELECT results_eq($$SELECT d.customer_domain, c.person_linkedin_url FROM extracted.case_study_details d
                    JOIN extracted.case_study_champions c ON c.case_study_id = d.id WHERE d.customer_name = 'Rippling, Inc.'$$,
  $$VALUES ('rippling.com'::text, 'https://www.linkedin.com/in/dana-w'::text)$$,
  'no domain given: customer matched by name, champion linked at it');
SELECT is((SELECT match_method FROM core.company_customers WHERE customer_name = 'Rippling, Inc.'), 'exact_name', 'through the customer matcher');

-- a payload without champions or URL still records the case study
INSERT INTO raw.case_study_extraction_payloads (workflow_slug, raw_payload) VALUES ('case-study-extraction',
  '{"origin_company_domain": "zluri.com", "company_customer_name": "Unknown Co"}');
SELECT is((SELECT count(*)::int FROM extracted.case_study_details WHERE customer_name = 'Unknown Co' AND case_study_url IS NULL), 1,
  'a case study without a URL is kept');
SELECT is((SELECT extraction_status FROM raw.case_study_extraction_payloads WHERE raw_payload ->> 'company_customer_name' = 'Unknown Co'), 'extracted', 'and extracted');
SELECT is(core.person_name_key('  José  O''Neil '), 'jose oneil', 'person name key: accents, apostrophes and spacing');

SELECT * FROM finish();
ROLLBACK;
