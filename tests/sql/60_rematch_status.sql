-- No manual backfills: rematch on reference changes, rematch log, enrichment status, coalescing gaps, replay.
BEGIN;
SELECT plan(25);
\set p_prof `cat "$HQ_FIXTURES"/clay-person-profile.json`
\set p_ce `cat "$HQ_FIXTURES"/companyenrich-company.json`
\set p_cb `cat "$HQ_FIXTURES"/crunchbase-company.json`
\set p_find `cat "$HQ_FIXTURES"/clay-find-companies.json`

INSERT INTO raw.company_payloads (company_domain, workflow_slug, raw_payload) VALUES ('antimetal.com', 'companyenrich-company', :'p_ce');
-- Sam's profile, with a title nothing matches yet
INSERT INTO raw.person_payloads (workflow_slug, raw_payload)
VALUES ('clay-person-profile', jsonb_set(:'p_prof'::jsonb, '{experience,0,title}', '"Chief Vibes Wrangler"') || '{"title": "Chief Vibes Wrangler"}');
SELECT results_eq($$SELECT matched_job_function, matched_seniority FROM core.person_job_titles WHERE raw_title = 'Chief Vibes Wrangler'$$,
  $$VALUES (NULL::text, NULL::text)$$, 'unknown title: no job function or seniority yet');
SELECT is((SELECT count(*)::int FROM core.leads), 0, 'so no lead');
SELECT results_eq($$SELECT row_count FROM reference.unmatched_values WHERE kind = 'title' AND raw_value = 'Chief Vibes Wrangler'$$,
  $$VALUES (1::bigint)$$, 'reference.unmatched_values lists the title with its row count');

-- INSERT a lookup row: matched, golden and lead follow in the same statement
INSERT INTO reference.job_title_lookup (raw_title, cleaned_title, job_function, seniority)
VALUES ('  CHIEF vibes   wrangler ', 'Chief Vibes Wrangler', 'Human Resources', 'C-Suite');
SELECT results_eq($$SELECT job_function, seniority FROM core.leads WHERE full_name = 'Sam Rivera'$$,
  $$VALUES ('Human Resources'::text, 'C-Suite'::text)$$, 'lookup INSERT turns the title into a match and the person into a lead');
SELECT results_eq($$SELECT reference_table, operation, raw_keys, dimension_rows FROM reference.rematch_log ORDER BY id DESC LIMIT 1$$,
  $$VALUES ('reference.job_title_lookup'::text, 'INSERT'::text, '{"chief vibes wrangler"}'::text[], 1)$$, 'rematch_log row for the statement');
SELECT cmp_ok((SELECT golden_rows FROM reference.rematch_log ORDER BY id DESC LIMIT 1), '>=', 1, 'golden rows counted');

-- UPDATE changes the match back
UPDATE reference.job_title_lookup SET job_function = 'Operations' WHERE raw_title = 'chief vibes wrangler';
SELECT is((SELECT job_function FROM core.people_full WHERE full_name = 'Sam Rivera'), 'Operations', 'lookup UPDATE re-matches');
-- DELETE un-matches: back to the rules (no function), and the lead goes
DELETE FROM reference.job_title_lookup WHERE raw_title = 'chief vibes wrangler';
SELECT is((SELECT job_function FROM core.people_full WHERE full_name = 'Sam Rivera'), NULL, 'lookup DELETE un-matches');
SELECT is((SELECT count(*)::int FROM core.leads), 0, 'and the lead disappears');

-- a new rule re-matches the titles its pattern covers
INSERT INTO reference.job_title_rules (priority, pattern, job_function, seniority) VALUES (1, 'vibes', 'Human Resources', 'C-Suite');
SELECT is((SELECT job_function FROM core.leads WHERE full_name = 'Sam Rivera'), 'Human Resources', 'rule INSERT re-matches matching titles');
SELECT is((SELECT operation FROM reference.rematch_log WHERE reference_table = 'reference.job_title_rules' ORDER BY id DESC LIMIT 1), 'INSERT', 'rule change logged');

-- location lookup
INSERT INTO raw.company_discovery (company_domain, workflow_slug, raw_payload)
VALUES ('mystery.example', 'clay-find-companies', '{"name": "Mystery", "location": "The Big Apple"}');
SELECT is((SELECT country FROM core.companies_full WHERE domain = 'mystery.example'), NULL, 'unknown location unmatched');
INSERT INTO reference.location_lookup (raw_location, city, state, country) VALUES ('The Big Apple', 'New York', 'New York', 'United States');
SELECT results_eq($$SELECT city, country FROM core.companies_full WHERE domain = 'mystery.example'$$,
  $$VALUES ('New York'::text, 'United States'::text)$$, 'location lookup INSERT re-matches company locations');

-- the same lookup re-matches person locations
INSERT INTO raw.person_discovery (workflow_slug, raw_payload) VALUES ('clay-find-people',
  '{"url": "https://www.linkedin.com/in/gotham-gal", "name": "Gotham Gal", "location_name": "the big  apple"}');
SELECT results_eq($$SELECT city, country FROM core.people_full WHERE full_name = 'Gotham Gal'$$,
  $$VALUES ('New York'::text, 'United States'::text)$$, 'a person location matched by the lookup on ingest');
UPDATE reference.location_lookup SET city = NULL, state = NULL, country = 'United Kingdom' WHERE raw_location = 'the big apple';
SELECT results_eq($$SELECT city, country FROM core.people_full WHERE full_name = 'Gotham Gal'$$,
  $$VALUES (NULL::text, 'United Kingdom'::text)$$, 'location lookup UPDATE re-matches person locations');

-- single-value lookups (company type, revenue): each distinct raw value matched once
INSERT INTO raw.company_payloads (company_domain, workflow_slug, raw_payload) VALUES ('bootstrap.example', 'companyenrich-company',
  '{"domain": "bootstrap.example", "name": "Bootstrap", "type": "Bootstrapped  Shop", "revenue": "A lot of money"}');
INSERT INTO reference.company_type_lookup (raw_value, matched_value) VALUES ('bootstrapped shop', 'Private Company');
INSERT INTO reference.revenue_range_lookup (raw_value, matched_value) VALUES ('a lot of money', '$1B-$10B');
SELECT results_eq($$SELECT company_type, revenue_range FROM core.companies_full WHERE domain = 'bootstrap.example'$$,
  $$VALUES ('Private Company'::text, '$1B-$10B'::text)$$, 'company type and revenue lookup INSERTs re-match');
DELETE FROM reference.company_type_lookup WHERE raw_value = 'bootstrapped shop';
SELECT results_eq($$SELECT raw_type, matched_type FROM core.company_types WHERE domain = 'bootstrap.example'$$,
  $$VALUES ('Bootstrapped  Shop'::text, NULL::text)$$, 'company type lookup DELETE un-matches, raw value kept');

-- priority change flips a golden value
INSERT INTO raw.company_payloads (workflow_slug, raw_payload) VALUES ('crunchbase-company', :'p_cb');
INSERT INTO raw.company_payloads (company_domain, workflow_slug, raw_payload) VALUES ('ge.com', 'clay-company-firmographics', '{"name": "Ge"}');
SELECT is((SELECT sources ->> 'name' FROM core.companies_full WHERE domain = 'ge.com'), 'crunchbase', 'crunchbase wins by default');
INSERT INTO reference.source_priority (field, source, priority) VALUES ('name', 'linkedin', 0);
SELECT results_eq($$SELECT name, sources ->> 'name' FROM core.companies_full WHERE domain = 'ge.com'$$,
  $$VALUES ('Ge'::text, 'linkedin'::text)$$, 'a field-specific priority row flips the golden name');

-- enrichment status: completed, failed, not_run
INSERT INTO raw.company_discovery (company_domain, workflow_slug, raw_payload) VALUES ('antimetal.com', 'clay-find-companies', '{"size": 123}');
SELECT is(api.enrichment_status('company', 'https://www.antimetal.com/') - 'enrichments',
  jsonb_build_object('entity_type', 'company', 'entity_key', 'antimetal.com',
                     'coverage', (SELECT jsonb_build_object('total_workflows', n, 'completed', 1, 'failed', 1, 'not_run', n - 2)
                                  FROM (SELECT count(*)::int AS n FROM reference.enrichment_workflow_registry WHERE entity_type = 'company') c)),
  'status coverage for a company with one workflow completed, one failed');
SELECT is((SELECT e ->> 'status' FROM jsonb_array_elements(api.enrichment_status('company', 'antimetal.com') -> 'enrichments') e
           WHERE e ->> 'workflow_slug' = 'companyenrich-company'), 'completed', 'completed workflow');
SELECT ok((SELECT (e ->> 'records_in_extracted')::int = 1 AND (e ->> 'records_in_core')::int > 5
           FROM jsonb_array_elements(api.enrichment_status('company', 'antimetal.com') -> 'enrichments') e
           WHERE e ->> 'workflow_slug' = 'companyenrich-company'), 'counts in extracted and core');
SELECT results_eq($$SELECT entities_in_extracted, entities_in_core, gap FROM reference.coalescing_gaps WHERE workflow_slug = 'crunchbase-company'$$,
  $$VALUES (1::bigint, 1::bigint, 0::bigint)$$, 'coalescing gaps per workflow');

-- replay after a fix: failed row becomes extracted, no duplicates in core
UPDATE reference.workflow_field_map SET expected_type = 'scalar' WHERE workflow_slug = 'clay-find-companies' AND target = 'size';
SELECT is(api.replay('clay-find-companies'), 1, 'replay reprocesses the failed row');
SELECT is((SELECT extraction_status FROM raw.company_discovery WHERE company_domain = 'antimetal.com'), 'extracted', 'now extracted');

SELECT * FROM finish();
ROLLBACK;
