-- The SQL behind the HTTP API: canonical filter values, the Clay envelope,
-- idempotency digests, dead letters and their replay, entity functions.
BEGIN;
SELECT plan(29);
\set p_prof `cat "$HQ_FIXTURES"/clay-person-profile.json`
\set p_ce `cat "$HQ_FIXTURES"/companyenrich-company.json`
\set p_vc `cat "$HQ_FIXTURES"/vc-portfolio.json`

-- canonical values: any case, aliases, and a 22023 naming the field otherwise
SELECT is(core.canonical_values('seniorities', ARRAY['vp', 'DIRECTOR']), ARRAY['VP', 'Director'], 'seniorities match case-insensitively');
SELECT is(core.canonical_values('countries', ARRAY['usa', 'United Kingdom', 'de']),
          ARRAY['United States', 'United Kingdom', 'Germany'], 'countries by name, alias or ISO code');
SELECT is(core.canonical_values('job_functions', ARRAY['sales engineering', 'hr']), ARRAY['Sales', 'Human Resources'],
          'job functions by reference.job_function_aliases');
SELECT is(core.canonical_values('industries', ARRAY['software development']), ARRAY['Software Development'], 'industries any case');
SELECT is(core.canonical_values('company_domains', ARRAY['https://WWW.Antimetal.com/x']), ARRAY['antimetal.com'], 'domains normalized');
SELECT throws_ok($$SELECT core.canonical_values('seniorities', ARRAY['vp', 'Vice'])$$, '22023',
                 '''Vice'' is not a canonical value of seniorities', 'a non-canonical value raises 22023');
SELECT throws_like($$SELECT core.filter_sql('{"job_functions": ["Marketingg"]}', 'leads')$$,
                   '%not a canonical value of job_functions%', 'the filter builder checks values');
SELECT is(core.filter_sql('{"countries": ["us"], "seniorities": ["vp"]}', 'leads'),
          'true AND t.company_country = ANY (''{"United States"}''::text[]) AND t.seniority = ANY (''{VP}''::text[])',
          'countries is the company''s country, values canonical');
INSERT INTO reference.job_function_aliases (alias, job_function) VALUES ('  Growth   HACKING ', 'Marketing');
SELECT is((SELECT alias FROM reference.job_function_aliases WHERE job_function = 'Marketing' AND alias LIKE 'growth%'),
          'growth hacking', 'an alias is stored normalized');

-- the Clay envelope, unwrapped before the raw table
SELECT is(api.ingest_unwrap('clay-person-profile', '{"linkedin_url": "x", "workflow_slug": "clay-person-profile", "raw_payload": "{\"a\": 1}"}'),
          '{"payload": {"a": 1}, "keys": {"linkedin_url": "x"}}'::jsonb, 'a JSON-string raw_payload is parsed');
SELECT is(api.ingest_unwrap('x', '{"domain": "a.com"}'), '{"payload": {"domain": "a.com"}, "keys": {}}'::jsonb,
          'a plain payload is the payload');
SELECT throws_ok($$SELECT api.ingest_unwrap('clay-find-people', '{"workflow_slug": "clay-person-profile", "raw_payload": {}}')$$,
                 '22023', NULL, 'an envelope for another workflow is refused');
SELECT is((api.ingest('clay-person-profile', jsonb_build_object('linkedin_url', 'https://linkedin.com/in/sam-rivera-88a1b2/',
            'workflow_slug', 'clay-person-profile', 'raw_payload', :'p_prof'::text)) ->> 'extraction_status'), 'extracted',
          'an envelope is ingested');
SELECT is((SELECT raw_payload FROM raw.person_payloads), :'p_prof'::jsonb, 'the raw row holds the provider payload alone');

-- idempotency digests
CREATE TEMP TABLE t_ce AS SELECT :'p_ce'::jsonb AS p;
SELECT lives_ok($$SELECT api.ingest('companyenrich-company', (SELECT p FROM t_ce), NULL, 'k-1')$$, 'first delivery');
SELECT is(api.ingest('companyenrich-company', :'p_ce'::jsonb, NULL, 'k-1') ->> 'extraction_status', 'extracted', 'a retry gets the answer');
SELECT throws_ok($$SELECT api.ingest('crunchbase-company', (SELECT p FROM t_ce), NULL, 'k-1')$$, 'HQI22', NULL,
                 'the key on another workflow sharing the raw table is refused');
SELECT throws_ok($$SELECT api.ingest('companyenrich-company', (SELECT p FROM t_ce) || '{"name": "Other"}', NULL, 'k-1')$$, 'HQI22', NULL,
                 'the key with another body is refused');
SELECT throws_ok($$SELECT api.ingest('no-such-workflow', '{}')$$, 'HQW04', 'workflow_slug ''no-such-workflow'' is not registered',
                 'an unknown workflow raises HQW04');

-- dead letters: secrets dropped, replay once the workflow exists
SELECT isnt(api.ingest_reject('/ingest/ce-v2', 'ce-v2', NULL,
              '{"X-API-Key": "k", "Authorization": "b", "Cookie": "c", "Webhook-Signature": "s", "X-Trace": "t"}',
              convert_to(:'p_vc', 'UTF8'), 'workflow_slug ''ce-v2'' is not registered', 404), NULL, 'a request is kept');
SELECT is((SELECT headers FROM raw.rejected_requests), '{"x-trace": "t"}'::jsonb, 'secret headers are dropped');
SELECT is(api.replay_rejected() ->> 'still_rejected', '1', 'replay before the fix leaves it rejected');
INSERT INTO reference.enrichment_workflow_registry (workflow_slug, provider, platform, payload_type, entity_type, source, raw_table,
  extracted_table, core_tables, key_column, payload_key)
SELECT 'ce-v2', provider, platform, payload_type, entity_type, source, raw_table, extracted_table, core_tables, key_column, payload_key
FROM reference.enrichment_workflow_registry WHERE workflow_slug = 'vc-portfolio';
INSERT INTO reference.workflow_field_map (workflow_slug, target, json_path, expected_type)
SELECT 'ce-v2', target, json_path, expected_type FROM reference.workflow_field_map WHERE workflow_slug = 'vc-portfolio';
SELECT is(api.replay_rejected('ce-v2') ->> 'replayed', '1', 'replay after the fix stores it');
SELECT is((SELECT count(*)::int FROM raw.rejected_requests WHERE replayed_at IS NOT NULL AND raw_id IS NOT NULL), 1, 'marked replayed');
SELECT is(api.replay_rejected() ->> 'replayed', '0', 'a replayed request is not replayed again');

-- entity functions
SELECT is(api.company_detail('https://WWW.Antimetal.com/about') -> 'golden' -> 'name',
          '{"value": "Antimetal", "source": "companyenrich"}'::jsonb, 'company by any domain form, golden with its source');
SELECT ok(api.company_detail('nothing.example') IS NULL, 'an unknown company is NULL');
SELECT is(api.person_detail('uk.linkedin.com/in/Sam-Rivera-88a1b2') ->> 'linkedin_url', 'https://www.linkedin.com/in/sam-rivera-88a1b2',
          'person by any URL form');
SELECT is(jsonb_array_length(api.search_companies('antimetal') -> 'data'), 1, 'search finds the company by name');

SELECT * FROM finish();
ROLLBACK;
