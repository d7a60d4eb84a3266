-- Outbound jobs in SQL: the shared rate limiter, batch creation (dedupe,
-- reuse, refusals, one job per domain), relay marking once, the stop on a
-- refused row, priority-list idempotency, who may call the worker functions.
BEGIN;
SELECT plan(49);

-- one request per 10 s, so a slow machine between two statements cannot
-- blur the spacing; BETWEEN would call the volatile function twice (each
-- call reserves a slot), hence the subqueries
SELECT is(api.worker_slot('t:test', 0.1), 0::numeric, 'an idle target sends at once');
SELECT ok(w BETWEEN 9 AND 10, 'the next slot is 1/rate later') FROM (SELECT api.worker_slot('t:test', 0.1) AS w OFFSET 0) q;
SELECT ok(w BETWEEN 19 AND 20, 'and the one after 2/rate') FROM (SELECT api.worker_slot('t:test', 0.1) AS w OFFSET 0) q;
SELECT lives_ok($$SELECT api.worker_push_back('t:test', 60)$$, 'Retry-After pushes the target back');
SELECT ok(w BETWEEN 55 AND 60, 'no slot before the Retry-After is over') FROM (SELECT api.worker_slot('t:test', 0.1) AS w OFFSET 0) q;
SELECT throws_ok($$SELECT api.worker_slot('t:test', 0)$$, '22023', NULL, 'a zero rate is refused');

SELECT is(api.similar_batch_create(ARRAY['https://www.Acme.io/x', 'acme.io', 'globex.example', 'nope']) - 'batch_id',
          '{"total": 3, "queued": 2, "joined": 0, "reused": 0, "invalid": 1}'::jsonb,
          'domains normalized and deduplicated, junk refused, one job per domain');
SELECT is((SELECT count(*) FROM procrastinate.procrastinate_jobs WHERE task_name = 'hq.similar_fetch' AND status = 'todo'),
          2::bigint, 'the jobs are queued in the same transaction');
SELECT is(api.similar_batch_create(ARRAY['acme.io']) ->> 'joined', '1', 'a domain another batch is fetching joins its job');
SELECT lives_ok($$SELECT api.worker_similar_received((SELECT min(id) FROM raw.company_enrich_similar_batch_items WHERE domain = 'acme.io'), 200,
                                   '{"items": [{"domain": "similar-one.example", "name": "Similar One"}]}')$$,
                'an answer is kept as received');
SELECT is(api.worker_similar_start((SELECT min(id) FROM raw.company_enrich_similar_batch_items WHERE domain = 'acme.io'), 10) ->> 'status',
          'received', 'an answer received before a crash is stored, not fetched again');
SELECT is(api.worker_similar_store((SELECT min(id) FROM raw.company_enrich_similar_batch_items WHERE domain = 'acme.io')) ->> 'similar',
          '1', 'a response is stored and its similar company extracted');
SELECT is((SELECT array_agg(status ORDER BY id) FROM raw.company_enrich_similar_batch_items WHERE domain = 'acme.io'),
          ARRAY['done', 'done'], 'both batches waiting on the domain are done');
SELECT is((SELECT name FROM core.companies_full WHERE domain = 'similar-one.example'), 'Similar One',
          'the similar company has a golden record');
SELECT is(api.similar_batch_create(ARRAY['acme.io']) ->> 'reused', '1', 'a fetched domain is not fetched again');
SELECT is(api.similar_batch_create(ARRAY['acme.io'], true) ->> 'queued', '1', 'unless refetch is asked');
SELECT throws_ok($$SELECT api.similar_batch_create(array_fill('a.com'::text, ARRAY[10001]))$$, '22023', NULL,
                 'more than 10,000 domains are refused');

INSERT INTO raw.salesnav_exports (id, ingest_batch_id, webhook_url, rate_per_second)
VALUES ('00000000-0000-0000-0000-000000000001', 'x', 'https://api.clay.com/hook', 10);
INSERT INTO raw.salesnav_clay_outbox (export_id, row_num, payload, idempotency_key)
SELECT '00000000-0000-0000-0000-000000000001', n, jsonb_build_object('n', n), 'e:' || n FROM generate_series(1, 3) n;
SELECT is(ARRAY[api.worker_relay_sent((SELECT id FROM raw.salesnav_clay_outbox WHERE idempotency_key = 'e:1'), 200),
                api.worker_relay_sent((SELECT id FROM raw.salesnav_clay_outbox WHERE idempotency_key = 'e:1'), 200)],
          ARRAY[true, false], 'a row is marked sent once; a redelivery leaves the mark');
SELECT lives_ok($$SELECT api.worker_relay_fail((SELECT id FROM raw.salesnav_clay_outbox WHERE idempotency_key = 'e:2'), 'HTTP 400: bad', 400, false, true)$$,
                'a refused row stops the export');
SELECT is((SELECT (status, error_message) FROM raw.salesnav_exports WHERE id = '00000000-0000-0000-0000-000000000001'),
          ROW('stopped'::text, 'row 2: HTTP 400: bad'::text), 'the export says which row and why');

SELECT is(api.priority_load('[{"domain": "WWW.Initech.example", "name": "Initech"}, {"website": "bad"}]') - 'errors',
          '{"rows": 2, "inserted": 1, "updated": 0, "unchanged": 0, "invalid": 1}'::jsonb, 'priority rows normalized');
SELECT is(api.priority_load('[{"domain": "initech.example", "name": "Initech"}]') ->> 'unchanged', '1',
          're-loading the same row changes nothing');

-- a stored export as hq.bulk leaves it: keys '<file batch>:<line>' (line 1 the
-- header), a record it could not read kept as {"rejected_row"}, and a forced
-- run of the same file, whose keys start with the same batch id
INSERT INTO raw.salesnav_scrapes (linkedin_url_user_profile, raw_payload, idempotency_key) VALUES
  ('https://www.linkedin.com/in/relay-a', '{"First name": "A", "LinkedIn URL (user profile)": "https://www.linkedin.com/in/relay-a"}', 'file:t60:2'),
  ('https://www.linkedin.com/in/relay-b', '{"First name": "B", "LinkedIn URL (user profile)": "https://www.linkedin.com/in/relay-b"}', 'file:t60:4'),
  (NULL, '{"rejected_row": {"line": 5, "reason": "bad bytes", "text": "x"}}', 'file:t60:5'),
  ('https://www.linkedin.com/in/relay-a', '{"First name": "A", "LinkedIn URL (user profile)": "https://www.linkedin.com/in/relay-a"}', 'file:t60:force-x:2');
CREATE TEMP TABLE t60_export AS
SELECT api.ingest_salesnav_export('file:t60', 'https://api.clay.com/hook', 'T', NULL, NULL, 10) AS r;
SELECT is((SELECT r - 'id' FROM t60_export), '{"rows": 2, "queued": 2, "status": "queued"}'::jsonb,
          'an export queues each readable record of its own file once');
SELECT is((SELECT array_agg(o.row_num || '=' || (o.payload ->> 'First name') ORDER BY o.row_num)
           FROM raw.salesnav_clay_outbox o WHERE o.export_id = (SELECT (r ->> 'id')::uuid FROM t60_export)),
          ARRAY['1=A', '2=B'], 'rows are numbered by their record order after the header');
SELECT throws_ok($$SELECT api.ingest_salesnav_export('file:t60', 'https://api.clay.com/hook', NULL, NULL, NULL, 0)$$,
                 '22023', NULL, 'a zero rate is refused');
SELECT is((SELECT api.salesnav_export_status((r ->> 'id')::uuid) - ARRAY['id', 'created_at', 'finished_at', 'failures']
           FROM t60_export) ->> 'pending', '2', 'the status counts the rows still to send');
SELECT is(api.salesnav_export_status('00000000-0000-0000-0000-0000000000ff'), NULL, 'an unknown export has no status');
SELECT is((SELECT api.job((o.job_id)) ->> 'task' FROM raw.salesnav_clay_outbox o
           WHERE o.export_id = (SELECT (r ->> 'id')::uuid FROM t60_export) AND o.row_num = 1),
          'hq.salesnav_relay', 'each row has its relay job');
SELECT is((SELECT jobs FROM api.job_counts() WHERE task = 'hq.salesnav_relay' AND status = 'todo'), 2::bigint,
          'the job counts see both relay jobs');
SELECT is((SELECT count(*) FROM api.jobs(p_task => 'hq.salesnav_relay')), 2::bigint, 'and so does the job list');

SELECT is(api.worker_relay_start((SELECT o.id FROM raw.salesnav_clay_outbox o
                                   WHERE o.export_id = (SELECT (r ->> 'id')::uuid FROM t60_export) AND o.row_num = 2))
            - ARRAY['row_id', 'export_id', 'wait_seconds', 'idempotency_key', 'webhook_url', 'rate_per_second', 'export_status', 'status'],
          jsonb_build_object('body', '{"First name": "B", "LinkedIn URL (user profile)": "https://www.linkedin.com/in/relay-b", '
                                     '"export_title": "T"}'::jsonb
                                     || jsonb_build_object('hq_idempotency_key', (SELECT r ->> 'id' FROM t60_export) || ':2'),
                             'row_num', 2, 'attempts', 1),
          'the worker sends the row as received, with the export''s fields and the row''s key');
SELECT is(api.salesnav_export_resume('00000000-0000-0000-0000-000000000001') ->> 'status', 'queued',
          'resume queues a stopped export again');
SELECT is((SELECT array_agg(status ORDER BY row_num) FROM raw.salesnav_clay_outbox
           WHERE export_id = '00000000-0000-0000-0000-000000000001'), ARRAY['sent', 'pending', 'pending'],
          'its refused row is pending again, the sent one stays sent');
SELECT is(api.salesnav_export_resume('00000000-0000-0000-0000-0000000000ff'), NULL, 'resuming an unknown export gives NULL');
SELECT lives_ok($$SELECT api.worker_requeue_orphans()$$, 'rows and items without a live job get one');
SELECT is(api.worker_requeue_orphans(), 0, 'after which nothing is left without its job');
SELECT lives_ok($$SELECT api.worker_job_error((SELECT job_id FROM raw.salesnav_clay_outbox WHERE export_id = '00000000-0000-0000-0000-000000000001' AND row_num = 3),
                                           1, 'HTTP 503', 503, 2.5)$$, 'a failed attempt records its error');
SELECT is((api.job((SELECT job_id FROM raw.salesnav_clay_outbox WHERE export_id = '00000000-0000-0000-0000-000000000001' AND row_num = 3))
            -> 'errors' -> 0) - 'at',
          '{"attempt": 1, "error": "HTTP 503", "http_status": 503, "retry_in_seconds": 2.5}'::jsonb, 'and the job shows it');

CREATE TEMP TABLE t60_similar AS SELECT (api.similar_batch_create(ARRAY['settle.example']) ->> 'batch_id')::uuid AS id;
SELECT is(api.similar_batch_status((SELECT id FROM t60_similar)) ->> 'pending', '1', 'a new batch has its domain pending');
SELECT lives_ok($$SELECT api.worker_similar_fail((SELECT t.id FROM raw.company_enrich_similar_batch_items t
                                                 WHERE t.batch_id = (SELECT id FROM t60_similar)), 'HTTP 404', 404, true)$$,
                'an answer retrying cannot change fails the item');
SELECT lives_ok($$SELECT api.worker_similar_settle('settle.example', NULL)$$, 'settling the domain');
SELECT is(api.similar_batch_status((SELECT id FROM t60_similar)) - ARRAY['batch_id', 'created_at', 'started_at', 'finished_at', 'rate_per_second'],
          '{"status": "completed", "total": 1, "done": 0, "failed": 1, "pending": 0, "cancelled": 0, "reused": 0, "refetch": false,
            "failures": [{"domain": "settle.example", "input": "settle.example", "error": "HTTP 404", "http_status": 404, "attempts": 0}],
            "similar_companies": 0, "eta_seconds": 0}'::jsonb,
          'completes the batch, its failure listed');
SELECT is(api.similar_batch_status('00000000-0000-0000-0000-0000000000ff'), NULL, 'an unknown batch has no status');

SELECT is((SELECT e - 'loaded_at' FROM jsonb_array_elements(api.priority_companies(1000) -> 'data') e WHERE e ->> 'domain' = 'initech.example'),
          '{"domain": "initech.example", "name": "Initech", "linkedin_url": null, "source": "manual", "in_hq": false,
            "golden_fields_present": [], "golden_fields_missing": null, "last_enriched_at": null, "last_workflow": null}'::jsonb,
          'the priority list shows the loaded company, not yet in HQ (so what it misses is not known)');
SELECT is(api.worklist('person', 'seniority', 10) - 'data' - 'next_cursor', '{"entity": "person", "missing": "seniority"}'::jsonb,
          'a work list names what it lists');
SELECT throws_ok($$SELECT api.worklist('deal', 'seniority')$$, '22023', NULL, 'a work list of something else is refused');
SELECT throws_ok($$SELECT api.worklist('person', 'favourite_colour')$$, '22023', NULL, 'and so is a field no lead needs');

SET LOCAL ROLE hq_api;
SELECT throws_ok($$SELECT api.worker_relay_sent(1, 200)$$, '42501', NULL, 'only the worker role may mark relay rows sent');
RESET ROLE;
SET LOCAL ROLE hq_worker;
SELECT throws_ok($$SELECT count(*) FROM raw.salesnav_clay_outbox$$, '42501', NULL, 'the worker reads no raw table directly');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
