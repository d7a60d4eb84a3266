-- The api.* functions one by one, as a client calls them (the HTTP routes are tested over a socket in tests/py).
BEGIN;
SELECT plan(73);
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

-- webhooks: replay protection, signing secrets, dead letters, bulk rejections
SELECT is(ARRAY[api.ingest_claim_webhook_id('companyenrich-company', 'wh-1'), api.ingest_claim_webhook_id('companyenrich-company', 'wh-1'),
                api.ingest_claim_webhook_id('clay-find-companies', 'wh-1')],
          ARRAY[true, false, true], 'api.ingest_claim_webhook_id: a webhook-id is claimed once per workflow; a replay is refused');
SELECT throws_ok($$SELECT api.ingest_claim_webhook_id('companyenrich-company', repeat('x', 256))$$, '22023', NULL,
                 'api.ingest_claim_webhook_id: an id over 255 characters is refused');
SELECT ok(api.set_webhook_secret('companyenrich-company') LIKE 'whsec_%', 'api.set_webhook_secret: a secret is set');
SELECT is((SELECT ARRAY[(w.result IS NULL)::text, cardinality(w.secrets)::text]
           FROM api.ingest_webhook('companyenrich-company', :'p_ce'::jsonb, NULL, 'api-webhook-1') w),
          ARRAY['true', '1'], 'api.ingest_webhook: a workflow with a signing secret gets its secrets back, nothing stored');
SELECT is(ARRAY[api.remove_webhook_secret('companyenrich-company'), api.remove_webhook_secret('companyenrich-company')], ARRAY[1, 0],
          'api.remove_webhook_secret: removes the secret once; then there is none');
SELECT is((SELECT ARRAY[w.result ->> 'extraction_status', (w.secrets IS NULL)::text]
           FROM api.ingest_webhook('companyenrich-company', :'p_ce'::jsonb, NULL, 'api-webhook-1') w),
          ARRAY['extracted', 'true'], 'api.ingest_webhook: without a secret the delivery is stored by api.ingest, its answer returned');
SELECT is((SELECT count(*)::int FROM raw.company_payloads WHERE idempotency_key = 'api-webhook-1'), 1,
          'api.ingest_webhook: one raw row, stored by the unsigned call only');
INSERT INTO raw.rejected_requests (path, workflow_slug, body, error, status, received_at) VALUES
  ('/ingest/clay-find-companies', 'clay-find-companies', '{}', 'domain: missing', 422, now() - interval '1 minute'),
  ('/ingest/clay-find-companies', 'clay-find-companies', '{}', 'raw_payload: not JSON', 422, now());
UPDATE raw.rejected_requests SET replayed_at = now() WHERE error = 'domain: missing';
SELECT results_eq($$SELECT workflow_slug, rejected, replayed, last_error FROM api.rejected_summary()$$,
  $$VALUES ('clay-find-companies'::text, 1::bigint, 1::bigint, 'raw_payload: not JSON'::text)$$,
  'api.rejected_summary: open and replayed dead letters per workflow, the last open error');
INSERT INTO raw.company_payloads (workflow_slug, raw_payload, idempotency_key)
VALUES ('companyenrich-company', '{"rejected_row": {"line": 7, "reason": "NUL byte", "text": "x"}}', 'bulk-9:7');
SELECT is(api.ingest_rejected('companyenrich-company', ARRAY['bulk-9:7', 'api-test-1'], ARRAY['line 7: a NUL byte', 'relabelled']), 1,
          'api.ingest_rejected: names the cause of a stored rejected row, and of nothing else');
SELECT is((SELECT extraction_error FROM raw.company_payloads WHERE idempotency_key = 'bulk-9:7'), 'line 7: a NUL byte',
          'api.ingest_rejected: the reason is the row''s extraction_error');
SELECT throws_ok($$SELECT api.ingest_rejected('no-such-workflow', '{}', '{}')$$, '22023', NULL,
                 'api.ingest_rejected: an unregistered workflow is refused');

-- workflows
SELECT is((SELECT (fields, raw_rows, failed)::text FROM api.workflow_list() WHERE workflow_slug = 'companyenrich-company'),
          (SELECT ((SELECT count(*) FROM reference.workflow_field_map WHERE workflow_slug = 'companyenrich-company'),
                   count(*), count(*) FILTER (WHERE extraction_status = 'failed'))::text
           FROM raw.company_payloads WHERE workflow_slug = 'companyenrich-company'),
          'api.workflow_list: field-map size, raw rows and failed rows of a workflow');
SELECT is((SELECT fields::int FROM api.workflow_list() WHERE workflow_slug = 'client-leads'), 20,
          'api.workflow_list: the client-leads workflow maps its twenty fields');
SELECT is((SELECT e -> 'by_status' FROM jsonb_array_elements(api.workflows() -> 'data') e WHERE e ->> 'workflow_slug' = 'companyenrich-company'),
          (SELECT jsonb_build_object('pending', 0, 'skipped', 0, 'extracted', count(*) FILTER (WHERE extraction_status = 'extracted'),
                                     'failed', count(*) FILTER (WHERE extraction_status = 'failed'))
           FROM raw.company_payloads WHERE workflow_slug = 'companyenrich-company'),
          'api.workflows: raw rows by extraction status per workflow');
SELECT is(jsonb_array_length(api.workflows() -> 'data'), (SELECT count(*)::int FROM reference.enrichment_workflow_registry),
          'api.workflows: every registered workflow');

-- work lists
INSERT INTO core.companies_full (domain, name, sources) VALUES ('nocountry.example', 'No Country Inc', '{}');
INSERT INTO core.people_full (linkedin_url, full_name, country, job_function, seniority, company_domain, sources)
VALUES ('https://www.linkedin.com/in/waiting-one', 'Waiting One', 'France', 'Marketing', 'VP', 'nocountry.example', '{}');
SELECT is(api.worklist('company', 'company_country', 10) -> 'data',
          '[{"domain": "nocountry.example", "name": "No Country Inc", "country": null, "linkedin_url": null, "people_waiting": 1}]'::jsonb,
          'api.worklist: a company whose missing country keeps one person from being a lead');
SELECT is(api.worklist('person', 'company_country', 10) #>> '{data,0,linkedin_url}', 'https://www.linkedin.com/in/waiting-one',
          'api.worklist: the people waiting on that company');
SELECT throws_ok($$SELECT api.worklist('company', 'seniority')$$, '22023', NULL, 'api.worklist: a company has no seniority');
SELECT is(api.priority_load('[{"domain": "antimetal.com", "name": "Antimetal"}]') ->> 'inserted', '1', 'priority list loaded');
SELECT is((SELECT jsonb_build_object('in_hq', e -> 'in_hq', 'last_workflow', e -> 'last_workflow',
                                     'has_name', e -> 'golden_fields_present' ? 'name')
           FROM jsonb_array_elements(api.priority_companies(10) -> 'data') e WHERE e ->> 'domain' = 'antimetal.com'),
          '{"in_hq": true, "last_workflow": "companyenrich-company", "has_name": true}'::jsonb,
          'api.priority_companies: a priority company in HQ, its golden fields and last enrichment');

-- the existing system's lookup routes
SELECT is(api.legacy_job_title_update('Growth Wizard', 'Growth Lead', 'VP', 'Marketing') - 'dimension_rows' - 'golden_rows',
          '{"success": true, "latest_title": "growth wizard", "cleaned_job_title": "Growth Lead", "seniority_level": "VP", "job_function": "Marketing"}'::jsonb,
          'api.legacy_job_title_update: a lookup row from the legacy field names');
SELECT is(api.legacy_job_title_lookup('Growth Wizard'),
          '{"job_title": "Growth Wizard", "match_status": true, "cleaned_job_title": "Growth Lead", "seniority_level": "VP", "job_function": "Marketing"}'::jsonb,
          'api.legacy_job_title_lookup: answers in the legacy field names');
SELECT throws_ok($$SELECT api.legacy_job_title_update('Basket Guy', 'Basket Guy', 'VP', 'Basket Weaving')$$, '22023', NULL,
                 'api.legacy_job_title_update: a job function outside the canonical list is refused');
SELECT is(api.legacy_location_update('Greater Lyon Area', 'Lyon', NULL, 'France') ->> 'has_state', 'false',
          'api.legacy_location_update: a lookup row from the legacy field names');
SELECT is(api.legacy_location_lookup('Greater Lyon Area') - 'state',
          '{"location_name": "Greater Lyon Area", "match_status": true, "city": "Lyon", "country": "France", "has_city": true, "has_state": false, "has_country": true}'::jsonb,
          'api.legacy_location_lookup: answers in the legacy field names');
SELECT ok(reference.is_known_city('München', 'DE') AND reference.is_known_city('Milano')
          AND NOT reference.is_known_city('Milano', 'FR') AND NOT reference.is_known_city('Nowhereville'),
          'reference.is_known_city: a city by its name or an alternate name, in its country only');
INSERT INTO raw.company_payloads (workflow_slug, raw_payload, idempotency_key)
VALUES ('companyenrich-company', :'p_ce', 'legacy:enrichment_results:42');
SELECT ok(api.legacy_import_report('test') -> 'raw' @> '[{"legacy_table": "enrichment_results", "workflow_slug": "companyenrich-company", "extracted": 1, "failed": 0}]',
          'api.legacy_import_report: imported raw rows per legacy table and workflow, by status');

-- outbound jobs: similar companies
SELECT api.similar_batch_create(ARRAY['initech.example', 'hooli.example']) ->> 'batch_id' AS similar_batch \gset
SELECT results_eq($$SELECT * FROM api.job_counts()$$, $$VALUES ('hq.similar_fetch'::text, 'todo'::text, 2::bigint)$$,
  'api.job_counts: jobs per task and status');
SELECT job_id AS initech_job FROM raw.company_enrich_similar_batch_items WHERE domain = 'initech.example' \gset
SELECT lives_ok($$SELECT api.worker_job_error($$ || :'initech_job' || $$, 1, 'HTTP 429: slow down', 429, 30)$$,
  'api.worker_job_error: a failed attempt is recorded');
SELECT is((api.job(:'initech_job') -> 'errors' -> 0) - 'at',
          '{"attempt": 1, "error": "HTTP 429: slow down", "http_status": 429, "retry_in_seconds": 30}'::jsonb,
          'api.job: a job with the error of each failed attempt');
SELECT is((SELECT array_agg(last_error ORDER BY id) FROM api.jobs('todo', 'hq.similar_fetch', 10)), ARRAY[NULL, 'HTTP 429: slow down'],
          'api.jobs: the queue''s jobs with their last error');
SELECT throws_ok($$SELECT * FROM api.jobs('stuck')$$, '22023', NULL, 'api.jobs: an unknown status is refused');
SELECT lives_ok($$SELECT api.worker_similar_received((SELECT id FROM raw.company_enrich_similar_batch_items WHERE domain = 'initech.example'),
                                                     200, '{"items": []}')$$, 'api.worker_similar_received: an answer is recorded');
SELECT is((SELECT response FROM raw.company_enrich_similar_batch_items WHERE domain = 'initech.example'), '{"items": []}'::jsonb,
          'api.worker_similar_received: the answer is kept with its item until it is stored');
SELECT lives_ok($$SELECT api.worker_similar_fail((SELECT id FROM raw.company_enrich_similar_batch_items WHERE domain = 'hooli.example'),
                                                 'HTTP 500', 500, false)$$, 'api.worker_similar_fail: a failed attempt is recorded');
SELECT is((SELECT (status, error) FROM raw.company_enrich_similar_batch_items WHERE domain = 'hooli.example'), ROW('pending'::text, 'HTTP 500'::text),
          'api.worker_similar_fail: an attempt that will be retried leaves the item pending, with its error');
SELECT lives_ok($$SELECT api.worker_similar_fail((SELECT id FROM raw.company_enrich_similar_batch_items WHERE domain = 'hooli.example'),
                                                 'HTTP 404: unknown', 404, true)$$, 'api.worker_similar_fail: the final attempt is recorded');
SELECT is((SELECT status FROM raw.company_enrich_similar_batch_items WHERE domain = 'hooli.example'), 'failed',
          'api.worker_similar_fail: the final attempt fails the item');
UPDATE raw.company_enrich_similar_batch_items SET job_id = NULL WHERE domain = 'initech.example';
SELECT is(api.worker_requeue_orphans(), 1, 'api.worker_requeue_orphans: a pending item without a job gets one');
SELECT ok((SELECT job_id IS NOT NULL FROM raw.company_enrich_similar_batch_items WHERE domain = 'initech.example'),
          'api.worker_requeue_orphans: the item names its new job');
SELECT is((SELECT jsonb_build_object('total', q.s -> 'total', 'done', q.s -> 'done', 'failed', q.s -> 'failed', 'pending', q.s -> 'pending',
                                      'failure', (q.s #> '{failures,0}') - 'input')
           FROM (SELECT api.similar_batch_status(:'similar_batch') AS s) q),
          '{"total": 2, "done": 0, "failed": 1, "pending": 1,
            "failure": {"domain": "hooli.example", "error": "HTTP 404: unknown", "http_status": 404, "attempts": 0}}'::jsonb,
          'api.similar_batch_status: counts by item status and the failures with their reasons');
UPDATE raw.company_enrich_similar_batch_items SET status = 'done', finished_at = now() WHERE domain = 'initech.example';
SELECT lives_ok($$SELECT api.worker_similar_settle('initech.example', NULL)$$, 'api.worker_similar_settle: the domain is settled');
SELECT is((SELECT status FROM raw.company_enrich_similar_batches WHERE id = :'similar_batch'), 'completed',
          'api.worker_similar_settle: a batch with no pending item left is completed');

-- outbound jobs: a Sales Navigator export relayed to Clay
INSERT INTO raw.salesnav_scrapes (first_name, last_name, linkedin_url_user_profile, company, idempotency_key) VALUES
  ('Ann', 'Lee', 'https://www.linkedin.com/in/ann-lee-sn', 'Initech', 'sn-1:1'),
  ('Bob', 'Ray', 'https://www.linkedin.com/in/bob-ray-sn', 'Initech', 'sn-1:2');
SELECT throws_ok($$SELECT api.ingest_salesnav_export('sn-1', 'https://api.clay.com/hook/abc', NULL, NULL, NULL, 0)$$, '22023', NULL,
                 'api.ingest_salesnav_export: a rate of 0 is refused');
SELECT api.ingest_salesnav_export('sn-1', 'https://api.clay.com/hook/abc', 'Initech people', '2026-01-05', NULL, 5) AS sn_export \gset
SELECT is((:'sn_export')::jsonb - 'id', '{"rows": 2, "queued": 2, "status": "queued"}'::jsonb,
          'api.ingest_salesnav_export: one outbox row and one job per stored row');
SELECT (:'sn_export')::jsonb ->> 'id' AS sn_id \gset
SELECT is(api.worker_relay_start((SELECT id FROM raw.salesnav_clay_outbox WHERE export_id = :'sn_id' AND row_num = 1))
          - 'row_id' - 'export_id' - 'wait_seconds' - 'body' - 'idempotency_key',
          '{"row_num": 1, "status": "pending", "attempts": 1, "export_status": "running", "webhook_url": "https://api.clay.com/hook/abc", "rate_per_second": 5}'::jsonb,
          'api.worker_relay_start: an attempt is claimed and the export is running');
SELECT lives_ok($$SELECT api.worker_relay_fail((SELECT id FROM raw.salesnav_clay_outbox WHERE export_id = '$$ || :'sn_id' || $$' AND row_num = 2),
                                               'HTTP 400: bad row', 400, false, true)$$, 'a refused row stops the export');
SELECT is(api.salesnav_export_status(:'sn_id') - 'id' - 'created_at' - 'finished_at' - 'ingest_batch_id' - 'export_timestamp' - 'notes' - 'rate_per_second',
          '{"status": "stopped", "error_message": "row 2: HTTP 400: bad row", "total": 2, "sent": 0, "pending": 1, "failed": 1, "attempts": 1,
            "export_title": "Initech people", "webhook_host": "api.clay.com",
            "failures": [{"row_num": 2, "error": "HTTP 400: bad row", "http_status": 400}]}'::jsonb,
          'api.salesnav_export_status: counts, why it stopped, the failed rows, the webhook host only');
SELECT is(api.salesnav_export_resume(:'sn_id') - 'id' - 'created_at' - 'finished_at' - 'ingest_batch_id' - 'export_timestamp' - 'notes'
          - 'rate_per_second' - 'export_title' - 'webhook_host' - 'attempts',
          '{"status": "queued", "error_message": null, "total": 2, "sent": 0, "pending": 2, "failed": 0, "failures": []}'::jsonb,
          'api.salesnav_export_resume: failed rows are pending again and the export is queued');

SELECT * FROM finish();
ROLLBACK;
