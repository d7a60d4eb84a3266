-- Dashboard functions: lead blockers, mapping an unmatched value (rematch and lead counts), failed groups and their replay,
-- deliveries per day, the quality snapshot, the session secret and key checks.
BEGIN;
SELECT plan(33);
\set p_prof `cat "$HQ_FIXTURES"/clay-person-profile.json`
\set p_ce `cat "$HQ_FIXTURES"/companyenrich-company.json`

INSERT INTO raw.company_payloads (company_domain, workflow_slug, raw_payload) VALUES ('antimetal.com', 'companyenrich-company', :'p_ce');
-- Sam, complete except for a title nothing matches
INSERT INTO raw.person_payloads (workflow_slug, raw_payload)
VALUES ('clay-person-profile', jsonb_set(:'p_prof'::jsonb, '{experience,0,title}', '"Code Wrangler"') || '{"title": "Code Wrangler"}');
-- a malformed delivery, kept as failed
INSERT INTO raw.person_payloads (workflow_slug, raw_payload)
VALUES ('clay-person-profile', '{"url": "https://www.linkedin.com/in/kim-lee-1", "name": "Kim Lee", "experience": "CTO at Acme"}');

SELECT is(api.lead_blockers(), '[{"missing": ["job function", "seniority"], "people": 1}]'::jsonb,
  'lead_blockers: Sam lacks exactly a job function and a seniority');
SELECT is((SELECT count(*)::int FROM core.leads), 0, 'so no lead yet');
SELECT is(api.unmatched_work_list('title', 10) -> 0 ->> 'raw_value', 'Code Wrangler', 'the title is on the work list');
SELECT is(jsonb_array_length(api.unmatched_work_list('size', 10)), 0, 'kind filter');

-- map it: the lookup row goes in, the rematch runs, and the answer counts what changed
SELECT is((SELECT r - 'lookup' FROM api.map_unmatched_value('title', 'code wrangler',
             '{"cleaned_title": "Growth Lead", "job_function": "Marketing", "seniority": "Manager"}') AS r),
  '{"kind": "title", "raw_value": "code wrangler", "dimension_rows": 1, "golden_rows": 1, "people": 1, "leads_before": 0, "leads_after": 1}'::jsonb,
  'map_unmatched_value: one row re-matched, golden person and lead follow');
SELECT results_eq($$SELECT cleaned_title, job_function, seniority FROM core.leads$$,
  $$VALUES ('Growth Lead'::text, 'Marketing'::text, 'Manager'::text)$$, 'Sam is a lead now');
SELECT is(api.lead_blockers(), '[]'::jsonb, 'nothing blocks anyone');
SELECT is(jsonb_array_length(api.unmatched_work_list('title', 10)), 0, 'the work list is empty');
SELECT throws_ok($$SELECT api.map_unmatched_value('colour', 'x', '{}')$$, '22023', NULL, 'unknown kind: 22023');
SELECT throws_ok($$SELECT api.map_unmatched_value('title', '   ', '{}')$$, '22023', NULL, 'empty raw value: 22023');
SELECT throws_ok($$SELECT api.map_unmatched_value('size', 'tiny', '{"matched_value": "Huge"}')$$, '23503', NULL,
  'a value that is not canonical is refused');

-- failed groups and replay
SELECT is((SELECT (g -> 0) - 'last_seen' FROM api.failed_groups(10) AS g),
  '{"workflow_slug": "clay-person-profile", "error": "field experience (experience): expected array, got string", "rows": 1}'::jsonb,
  'failed_groups: grouped by workflow and error');
SELECT is(api.replay_failed('clay-person-profile', 'field experience (experience): expected array, got string') - 'errors',
  '{"replayed": 1, "extracted": 0, "failed": 1}'::jsonb, 'replay_failed reprocesses the group and says how it came out');
UPDATE raw.person_payloads SET raw_payload = raw_payload - 'experience' WHERE raw_payload ->> 'name' = 'Kim Lee';
SELECT is(api.replay_failed('clay-person-profile', 'field experience (experience): expected array, got string') - 'errors',
  '{"replayed": 1, "extracted": 1, "failed": 0}'::jsonb, 'once the payload is fixed, the replay extracts it');
SELECT is(api.failed_groups(10), '[]'::jsonb, 'no failed rows left');
SELECT throws_ok($$SELECT api.replay_failed('nope', 'x')$$, '22023', NULL, 'unknown workflow: 22023');

-- deliveries per day: every day present, today's deliveries counted
SELECT is(jsonb_array_length(api.deliveries_per_day(30)), 30, 'thirty days, zeros included');
SELECT is((SELECT (d -> -1 ->> 'extracted')::int FROM api.deliveries_per_day(30) AS d), 3, 'today: three deliveries extracted');

-- company and person pages
SELECT is((SELECT jsonb_agg(p ->> 'full_name' ORDER BY p ->> 'full_name') FROM jsonb_array_elements(api.company_people('https://WWW.Antimetal.com/', 10)) p),
  '["Sam Rivera"]'::jsonb, 'company_people: the people whose current company it is, by any domain form');
SELECT is((api.company_people('antimetal.com', 10) -> 0 ->> 'is_lead')::boolean, true, 'with their lead status');
SELECT is((SELECT jsonb_agg(d ->> 'workflow_slug' || ':' || (d ->> 'extraction_status')) FROM jsonb_array_elements(api.entity_deliveries('company', 'antimetal.com')) d),
  '["companyenrich-company:extracted"]'::jsonb, 'entity_deliveries: the raw deliveries about a company with their status');
SELECT is(jsonb_array_length(api.entity_deliveries('person', 'linkedin.com/in/kim-lee-1/')), 1, 'and about a person, by any URL form');
SELECT is(api.entity_deliveries('company', 'not a domain'), '[]'::jsonb, 'a key that is not one: nothing');

-- the quality snapshot
SELECT ok(api.quality_snapshot() IS NULL, 'no snapshot before the first refresh');
SELECT ok((api.refresh_quality() ->> 'took_ms') IS NOT NULL, 'refresh_quality computes the figures');
SELECT is(jsonb_array_length(api.quality_snapshot() #> '{data,workflows}'), (SELECT count(*)::int FROM reference.enrichment_workflow_registry),
  'and stores them: one row per workflow');

-- session secret and key checks
SELECT is(api.web_session_secret(), api.web_session_secret(), 'the session secret is generated once');
SELECT api.create_api_key('query', 'dash') AS k \gset
SELECT is(api.web_key_scope(:'k', NULL) ->> 'scope', 'query', 'web_key_scope by key');
SELECT is(api.web_key_scope(NULL, (api.web_key_scope(:'k', NULL) ->> 'id')::uuid) ->> 'name', 'dash', 'and by key id');
UPDATE reference.api_keys SET revoked_at = now() WHERE name = 'dash';
SELECT ok(api.web_key_scope(:'k', NULL) IS NULL, 'a revoked key has no scope');

-- the page's writes run only as hq_admin; its reads as hq_api
SELECT ok(NOT has_function_privilege('hq_api', 'api.map_unmatched_value(text, text, jsonb)', 'EXECUTE')
          AND NOT has_function_privilege('hq_api', 'api.replay_failed(text, text)', 'EXECUTE'), 'hq_api cannot map or replay');
SELECT ok(has_function_privilege('hq_admin', 'api.map_unmatched_value(text, text, jsonb)', 'EXECUTE')
          AND has_function_privilege('hq_admin', 'api.replay_failed(text, text)', 'EXECUTE'), 'hq_admin can');
SELECT ok(has_function_privilege('hq_api', 'api.refresh_quality()', 'EXECUTE')
          AND has_function_privilege('hq_api', 'api.lead_blockers()', 'EXECUTE'), 'hq_api reads and refreshes the quality figures');

SELECT * FROM finish();
ROLLBACK;
