-- People pipeline: fixtures through plain INSERTs and COPY, Sales Navigator identity, leads, signals, bad rows.
BEGIN;
SELECT plan(40);
\set p_find `cat "$HQ_FIXTURES"/clay-find-people.json`
\set p_prof `cat "$HQ_FIXTURES"/clay-person-profile.json`
\set p_ce `cat "$HQ_FIXTURES"/companyenrich-company.json`
\set p_vc `cat "$HQ_FIXTURES"/vc-portfolio.json`

-- clay-find-people
INSERT INTO raw.person_discovery (workflow_slug, raw_payload) VALUES ('clay-find-people', :'p_find');
SELECT is((SELECT linkedin_url FROM raw.person_discovery), 'https://www.linkedin.com/in/jane-doe-4b1a2c', 'key from the payload, normalized (no trailing slash)');
SELECT results_eq($$SELECT raw_title, matched_cleaned_title, matched_job_function, matched_seniority FROM core.person_job_titles WHERE source = 'clay'$$,
  $$VALUES ('VP of Marketing'::text, 'VP of Marketing'::text, 'Marketing'::text, 'VP'::text)$$, 'title raw beside matched');
SELECT results_eq($$SELECT city, state, country, company_domain, job_start_date FROM core.people_full WHERE full_name = 'Jane Doe'$$,
  $$VALUES ('Austin'::text, 'Texas'::text, 'United States'::text, 'ironcladapp.com'::text, '2025-09-01'::date)$$, 'golden Jane Doe');
SELECT is((SELECT count(*)::int FROM extracted.person_discovery), 1, 'extracted.person_discovery holds the row');

-- clay-person-profile
INSERT INTO raw.person_payloads (linkedin_url, workflow_slug, raw_payload) VALUES ('linkedin.com/in/sam-rivera-88a1b2/', 'clay-person-profile', :'p_prof');
SELECT is((SELECT count(*)::int FROM extracted.person_experience), 3, 'one extracted row per job');
SELECT is((SELECT count(*)::int FROM extracted.person_education), 1, 'education extracted');
SELECT results_eq($$SELECT company_domain, title, start_date, is_current FROM core.person_work_history
                    WHERE linkedin_url = 'https://www.linkedin.com/in/sam-rivera-88a1b2' ORDER BY start_date$$,
  $$VALUES ('datadoghq.com'::text, 'Software Engineer'::text, '2019-07-01'::date, false),
           ('antimetal.com', 'Senior Software Engineer', '2023-01-01', false),
           ('antimetal.com', 'Director of Engineering', '2025-06-01', true)$$, 'work history from experience');
SELECT results_eq($$SELECT company_domain, job_start_date FROM core.person_tenure WHERE linkedin_url = 'https://www.linkedin.com/in/sam-rivera-88a1b2'$$,
  $$VALUES ('antimetal.com'::text, '2025-06-01'::date)$$, 'tenure = current job start');
SELECT results_eq($$SELECT company_domain FROM core.person_past_employer WHERE linkedin_url = 'https://www.linkedin.com/in/sam-rivera-88a1b2'$$,
  $$VALUES ('datadoghq.com'::text)$$, 'past employer excludes the current company');
SELECT results_eq($$SELECT domain, name FROM core.companies_full WHERE domain IN ('antimetal.com', 'datadoghq.com') ORDER BY 1$$,
  $$VALUES ('antimetal.com'::text, 'Antimetal'::text), ('datadoghq.com', 'Datadog')$$, 'companies seen in work history are added with their name');
SELECT is((SELECT count(*)::int FROM core.leads WHERE full_name = 'Sam Rivera'), 0, 'no lead while the company has no country');

INSERT INTO raw.company_payloads (company_domain, workflow_slug, raw_payload) VALUES ('antimetal.com', 'companyenrich-company', :'p_ce');
SELECT results_eq($$SELECT company_name, company_country, person_country, job_function, seniority FROM core.leads WHERE full_name = 'Sam Rivera'$$,
  $$VALUES ('Antimetal'::text, 'United States'::text, 'United States'::text, 'Engineering'::text, 'Director'::text)$$, 'Sam Rivera is a lead once Antimetal has a country');

-- idempotent
INSERT INTO raw.person_payloads (workflow_slug, raw_payload) VALUES ('clay-person-profile', :'p_prof');
SELECT is((SELECT count(*)::int FROM core.person_work_history WHERE linkedin_url = 'https://www.linkedin.com/in/sam-rivera-88a1b2'), 3, 'same profile twice: no duplicate jobs');
SELECT is((SELECT count(*)::int FROM core.people), 2, 'same profile twice: no duplicate person');
SELECT is((SELECT linkedin_slug FROM core.people WHERE full_name = 'Sam Rivera'), 'sam-rivera-88a1b2', 'slug of the stored key');

-- Sales Navigator export via COPY, flat columns
\copy raw.salesnav_scrapes (first_name,last_name,email,phone_number,profile_headline,profile_summary,job_title,job_description,job_started_on,linkedin_url_user_profile,location,company,linkedin_company_profile_urn,linkedin_url_company,company_website,company_description,company_headcount,company_industries,company_registered_address,matching_filters,linkedin_user_profile_urn) from program 'cat "$HQ_FIXTURES"/salesnav-export.csv' csv header
SELECT is((SELECT count(*)::int FROM raw.salesnav_scrapes WHERE extraction_status = 'extracted'), 2, 'both Sales Navigator rows extracted');
SELECT results_eq($$SELECT matched_city, matched_state, matched_country FROM core.person_locations
                    WHERE linkedin_url = 'https://www.linkedin.com/in/ACwAAAABcXEBf_KoScKF4iNQAIwY6be4wPIYyWQ'$$,
  $$VALUES ('Pacifica'::text, 'California'::text, 'United States'::text)$$, 'Matthew Lanier kept under his Sales Navigator id, location matched');
SELECT is((SELECT job_start_date FROM core.people_full WHERE full_name = 'Matthew Lanier'), '2024-08-01'::date, 'MM-YYYY start date');
SELECT ok((SELECT raw_payload ->> 'job_started_on' = '08-2024' FROM raw.salesnav_scrapes WHERE last_name = 'Lanier'), 'raw_payload filled with the row as received');
SELECT is((SELECT matched_employee_range FROM core.company_employee_ranges WHERE domain = 'formhealth.co' AND source = 'salesnav'), '201-500', 'headcount "206" matched for the company');

-- merge on a shared identifier (the profile URN)
INSERT INTO raw.person_payloads (workflow_slug, raw_payload) VALUES ('clay-person-profile',
  '{"url": "https://www.linkedin.com/in/matthew-lanier", "name": "Matthew Lanier", "title": "CISO",
    "linkedin_user_profile_urn": "urn:li:fs_salesProfile:(ACwAAAABcXEBf_KoScKF4iNQAIwY6be4wPIYyWQ)",
    "experience": [{"company": "Form Health", "company_domain": "formhealth.co", "title": "CISO", "start_date": "2024-08", "is_current": true}]}');
SELECT is((SELECT count(*)::int FROM core.people WHERE full_name = 'Matthew Lanier'), 1, 'one person after the merge');
SELECT is((SELECT linkedin_slug FROM core.people WHERE full_name = 'Matthew Lanier'), 'matthew-lanier', 'the merged person carries the public slug');
SELECT is((SELECT count(*)::int FROM core.person_locations WHERE linkedin_url LIKE '%ACwAAAAB%'), 0, 'no dimension row left under the Sales Navigator id');
SELECT is((SELECT p.linkedin_url FROM core.person_identifiers i JOIN core.people p ON p.id = i.person_id
           WHERE i.identifier_type = 'salesnav_id' AND i.identifier LIKE '%ACwAAAAB%'),
          'https://www.linkedin.com/in/matthew-lanier', 'the Sales Navigator id stays as an identifier of the public profile');
SELECT is((SELECT count(*)::int FROM core.person_work_history WHERE linkedin_url = 'https://www.linkedin.com/in/matthew-lanier' AND source = 'salesnav'), 1,
          'Sales Navigator work history re-keyed');
SELECT cmp_ok((SELECT count(*)::int FROM core.leads WHERE full_name = 'Matthew Lanier'), '<=', 1, 'no duplicate leads for one human');
-- a later Sales Navigator row for the same id lands on the public person
INSERT INTO raw.salesnav_scrapes (first_name, last_name, job_title, linkedin_url_user_profile, location)
VALUES ('Matthew', 'Lanier', 'CISO', 'https://www.linkedin.com/in/ACwAAAABcXEBf_KoScKF4iNQAIwY6be4wPIYyWQ', 'Pacifica, California, United States');
SELECT is((SELECT count(*)::int FROM core.people WHERE full_name = 'Matthew Lanier'), 1, 'a later Sales Navigator row joins the merged person');
-- never on a name alone
INSERT INTO raw.person_payloads (workflow_slug, raw_payload) VALUES ('clay-person-profile',
  '{"url": "https://www.linkedin.com/in/matthew-lanier-2", "name": "Matthew Lanier", "title": "Chef",
    "experience": [{"company": "Bistro", "company_domain": "bistro.example", "title": "Chef", "is_current": true}]}');
SELECT is((SELECT count(*)::int FROM core.people WHERE full_name = 'Matthew Lanier'), 2, 'same name, other company: another person');

-- bad rows are kept as failed with a precise error; the rest of the statement goes through
INSERT INTO raw.person_payloads (workflow_slug, raw_payload) VALUES
  ('clay-person-profile', '{"url": "https://example.com/jim", "name": "Jim"}'),
  ('clay-person-profile', '{"url": "https://www.linkedin.com/in/kim", "name": "Kim", "experience": "lots"}'),
  ('clay-person-profile', '{"url": "https://www.linkedin.com/in/lee", "name": "Lee"}');
SELECT alike((SELECT extraction_error FROM raw.person_payloads WHERE raw_payload ->> 'name' = 'Jim'), '%is not a LinkedIn profile URL%', 'non-LinkedIn key fails precisely');
SELECT alike((SELECT extraction_error FROM raw.person_payloads WHERE raw_payload ->> 'name' = 'Kim'), '%experience%expected array, got string%', 'wrong type names the field');
SELECT is((SELECT extraction_status FROM raw.person_payloads WHERE raw_payload ->> 'name' = 'Lee'), 'extracted', 'good row of the same statement extracted');

-- a lead disappears when the data that completes it goes away
DELETE FROM core.company_locations WHERE domain = 'antimetal.com';
SELECT is((SELECT count(*)::int FROM core.leads WHERE full_name = 'Sam Rivera'), 0, 'lead removed when the company loses its country');
INSERT INTO raw.vc_portfolio_companies (workflow_slug, raw_payload) VALUES ('vc-portfolio', :'p_vc');
SELECT is((SELECT count(*)::int FROM core.leads WHERE full_name = 'Sam Rivera'), 1, 'and back when a source supplies it');

-- signals
SELECT is(api.leads_new_in_role('{}', 36500) -> 'data' -> 0 ->> 'linkedin_url' IS NOT NULL, true, 'new in role (wide window) finds leads');
SELECT ok((SELECT bool_or(e ->> 'full_name' = 'Sam Rivera') FROM jsonb_array_elements(api.leads_recently_promoted('{}', 36500) -> 'data') e), 'recently promoted: Senior Software Engineer -> Director at Antimetal');
SELECT is(api.leads_by_past_employer('{}', ARRAY['https://www.datadoghq.com']) -> 'data' -> 0 ->> 'full_name', 'Sam Rivera', 'by past employer');
SELECT is(api.leads_at_vc_portfolio('{}', ARRAY['Framework Ventures']) -> 'data' -> 0 ->> 'full_name', 'Sam Rivera', 'at VC portfolio, firm filter');

-- by company customers: SecurityPal lists Antimetal (Sam's current company) and
-- Datadog (his past employer) as customers; Jane Doe's Ironclad is not one
INSERT INTO raw.manual_company_customers (workflow_slug, raw_payload) VALUES
  ('manual-company-customers', '{"origin_company_domain": "securitypal.com", "company_customer_name": "Antimetal", "company_customer_domain": "https://antimetal.com/"}');
SELECT is((SELECT array_agg(e ->> 'full_name') FROM jsonb_array_elements(api.leads_by_company_customers('{}', 'securitypal.com') -> 'data') e),
          ARRAY['Sam Rivera'], 'by company customers: a lead working at a customer');
DELETE FROM core.company_customers WHERE origin_company_domain = 'securitypal.com';
INSERT INTO raw.manual_company_customers (workflow_slug, raw_payload) VALUES
  ('manual-company-customers', '{"origin_company_domain": "www.SecurityPal.com", "company_customer_name": "Datadog", "company_customer_domain": "datadoghq.com"}');
SELECT is((SELECT array_agg(e ->> 'full_name') FROM jsonb_array_elements(api.leads_by_company_customers('{}', 'securitypal.com') -> 'data') e),
          ARRAY['Sam Rivera'], 'by company customers: a lead who worked at a customer');
SELECT is(jsonb_array_length(api.leads_by_company_customers('{}', 'ironcladapp.com') -> 'data'), 0, 'by company customers: none for a company without customers');

SELECT * FROM finish();
ROLLBACK;
