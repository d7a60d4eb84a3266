-- The api.* functions one by one, as a client calls them (the HTTP routes are tested over a socket in tests/py).
BEGIN;
SELECT plan(24);
\set p_ce `cat "$HQ_FIXTURES"/companyenrich-company.json`

SELECT is(api.health() ->> 'database', 'ok', 'api.health: database ok');
SELECT ok(api.health() ->> 'migration_version' IS NOT NULL, 'api.health: names the newest migration');

-- ingest: stored, processed by the trigger, idempotent per key
SELECT is(api.ingest('companyenrich-company', :'p_ce'::jsonb, NULL, 'api-test-1') ->> 'extraction_status', 'extracted',
          'api.ingest: payload stored and extracted in the same call');
SELECT is(api.ingest('companyenrich-company', :'p_ce'::jsonb, NULL, 'api-test-1') ->> 'raw_id',
          (SELECT id::text FROM raw.company_payloads WHERE idempotency_key = 'api-test-1'),
          'api.ingest: the same idempotency key returns the stored row');
SELECT is((SELECT count(*)::int FROM raw.company_payloads WHERE idempotency_key = 'api-test-1'), 1, 'api.ingest: one raw row per key');
SELECT is(api.ingest_target('companyenrich-company'),
          '{"raw_table": "raw.company_payloads", "key_column": "company_domain", "payload_key": "domain"}'::jsonb,
          'api.ingest_target: raw table, key column and payload key of a workflow');
INSERT INTO raw.company_payloads (company_domain, workflow_slug, raw_payload, idempotency_key)
VALUES ('antimetal.com', 'companyenrich-company', :'p_ce', 'bulk-7:1'), ('not a domain', 'companyenrich-company', :'p_ce', 'bulk-7:2');
SELECT is(api.ingest_summary('companyenrich-company', 'bulk-7') - 'top_errors',
          '{"rows": 2, "failed": 1, "pending": 0, "skipped": 0, "extracted": 1}'::jsonb,
          'api.ingest_summary: status counts of one bulk load');

-- status
SELECT is((SELECT extracted::int FROM api.pipeline_status() WHERE workflow_slug = 'companyenrich-company'), 2,
          'api.pipeline_status: extracted rows per workflow');
SELECT is((SELECT gap::int FROM api.coalescing_gaps() WHERE workflow_slug = 'companyenrich-company'), 0,
          'api.coalescing_gaps: every extracted company reached core');
SELECT results_eq($$SELECT * FROM api.coalescing_gaps()$$, $$SELECT * FROM reference.coalescing_gap_counts()$$,
                  'api.coalescing_gaps is reference.coalescing_gap_counts for API callers');

-- queries
SELECT is(api.companies('{}', 1) #>> '{data,0,domain}', 'antimetal.com', 'api.companies: the golden company');
SELECT is(api.companies('{"company_domains": ["nothing.example"]}', 1) -> 'data', '[]'::jsonb, 'api.companies: a filter that matches nothing');
SELECT is(api.leads('{}', 1), '{"data": [], "next_cursor": null}'::jsonb, 'api.leads: no people, no leads');
SELECT is(api.filter_values('seniorities') -> 0, '"Owner"'::jsonb, 'api.filter_values: canonical values in sort order');
SELECT throws_ok($$SELECT api.filter_values('seniority')$$, NULL, 'unknown filter ''seniority''',
                 'api.filter_values: an unknown filter is an error naming it');

-- lookups
SELECT is(api.lookup_job_title('VP of Marketing') - 'cleaned_title',
          '{"match_status": "matched", "job_function": "Marketing", "seniority": "VP"}'::jsonb, 'api.lookup_job_title');
SELECT is(api.lookup_location('Nowhere Land') ->> 'match_status', 'unmatched', 'api.lookup_location: unmatched');
SELECT is(api.add_location_lookup('Silicon Hills', 'Austin', 'Texas', 'United States') ->> 'raw_location', 'silicon hills',
          'api.add_location_lookup: stored under its normalized key');
SELECT is(api.lookup_location('Silicon Hills') ->> 'city', 'Austin', 'api.lookup_location: the new lookup row answers');
SELECT is(api.add_job_title_lookup('Chief Vibes Officer', 'Chief Vibes Officer', 'Operations', 'C-Suite') ->> 'seniority', 'C-Suite',
          'api.add_job_title_lookup: returns the stored row');

-- keys
SELECT api.create_api_key('query', 'api test') AS api_key \gset
SELECT ok(api.verify_api_key(:'api_key', 'query') IS NOT NULL, 'api.create_api_key / api.verify_api_key: the key grants its scope');
SELECT ok(api.verify_api_key(:'api_key', 'admin') IS NULL, 'api.verify_api_key: and no other');
SELECT is(api.revoke_api_key((SELECT id::text FROM reference.api_keys WHERE name = 'api test')), 1, 'api.revoke_api_key: one key revoked');
SELECT ok(api.verify_api_key(:'api_key', 'query') IS NULL, 'api.verify_api_key: a revoked key grants nothing');

SELECT * FROM finish();
ROLLBACK;
