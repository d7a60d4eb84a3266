-- Role separation enforced in the database (basejump style): each role tries
-- each privileged call; only hq_admin creates/revokes keys, replays and sets
-- webhook secrets; the server's login role hq_app is no superuser and a
-- member of exactly hq_ingest, hq_api and hq_admin.
BEGIN;
SELECT plan(35);

SELECT has_role('hq_admin', 'admin role exists');
SELECT has_role('hq_app', 'server login role exists');
SELECT ok((SELECT rolcanlogin AND NOT rolsuper AND NOT rolinherit AND NOT rolcreaterole AND NOT rolcreatedb AND NOT rolbypassrls
           FROM pg_catalog.pg_roles WHERE rolname = 'hq_app'),
          'hq_app logs in, inherits nothing, is no superuser, creates no role or database, bypasses no RLS');
SELECT is((SELECT array_agg(r.rolname::text ORDER BY r.rolname) FROM pg_catalog.pg_auth_members m
           JOIN pg_catalog.pg_roles r ON r.oid = m.roleid WHERE m.member = 'hq_app'::regrole),
          ARRAY['hq_admin', 'hq_api', 'hq_ingest'], 'hq_app is a member of exactly hq_admin, hq_api, hq_ingest');
SELECT is((SELECT count(*)::int FROM pg_catalog.pg_auth_members m WHERE m.member IN ('hq_api'::regrole, 'hq_ingest'::regrole)),
          0, 'hq_api and hq_ingest are members of no role');

-- a key and a workflow to act on
SELECT lives_ok($$SELECT api.create_api_key('query', 'pgtap-victim')$$, 'superuser creates a query key');

-- hq_api: every admin call refused
SET LOCAL ROLE hq_api;
SELECT throws_ok($$SELECT api.create_api_key('admin', 'x')$$, '42501', NULL, 'hq_api cannot create keys');
SELECT throws_ok($$SELECT api.revoke_api_key('hq_query_')$$, '42501', NULL, 'hq_api cannot revoke keys');
SELECT throws_ok($$SELECT * FROM api.list_api_keys()$$, '42501', NULL, 'hq_api cannot list keys');
SELECT throws_ok($$SELECT api.replay(NULL, true)$$, '42501', NULL, 'hq_api cannot replay');
SELECT throws_ok($$SELECT api.add_job_title_lookup('x', 'X', 'Sales', 'VP')$$, '42501', NULL, 'hq_api cannot edit lookups');
SELECT throws_ok($$SELECT api.set_webhook_secret('clay-person-profile')$$, '42501', NULL, 'hq_api cannot set webhook secrets');
SELECT throws_ok($$SELECT api.ingest_webhook_secrets('clay-person-profile')$$, '42501', NULL, 'hq_api cannot read webhook secrets');
SELECT throws_ok($$SELECT * FROM api.ingest_webhook('clay-person-profile', '{}')$$, '42501', NULL,
                 'hq_api cannot call the webhook ingest (it returns the secrets)');
SELECT throws_ok($$SELECT count(*) FROM reference.api_keys$$, '42501', NULL, 'hq_api cannot read the key table');
SELECT lives_ok($$SELECT * FROM api.authenticate('not-a-key', 0)$$, 'hq_api may authenticate a request');
SELECT is((SELECT count(*)::int FROM api.authenticate('not-a-key', 0)), 0, 'an unknown key authenticates to nothing');
RESET ROLE;

-- hq_ingest: the same calls refused
SET LOCAL ROLE hq_ingest;
SELECT throws_ok($$SELECT api.create_api_key('admin', 'x')$$, '42501', NULL, 'hq_ingest cannot create keys');
SELECT throws_ok($$SELECT api.revoke_api_key('hq_query_')$$, '42501', NULL, 'hq_ingest cannot revoke keys');
SELECT throws_ok($$SELECT api.replay(NULL, true)$$, '42501', NULL, 'hq_ingest cannot replay');
SELECT throws_ok($$SELECT api.set_webhook_secret('clay-person-profile')$$, '42501', NULL, 'hq_ingest cannot set webhook secrets');
SELECT throws_ok($$SELECT api.add_location_lookup('x', 'X', NULL, 'Germany')$$, '42501', NULL, 'hq_ingest cannot edit lookups');
SELECT lives_ok($$SELECT api.ingest_webhook_secrets('clay-person-profile')$$, 'hq_ingest reads webhook secrets to verify signatures');
RESET ROLE;

-- hq_admin: each admin call allowed; no direct table access
SET LOCAL ROLE hq_admin;
SELECT matches(api.create_api_key('ingest', 'pgtap-admin-made'), '^hq_ingest_[0-9a-f]{64}$', 'hq_admin creates keys');
SELECT ok((SELECT count(*) > 0 FROM api.list_api_keys() WHERE name = 'pgtap-admin-made'), 'hq_admin lists keys');
SELECT is(api.revoke_api_key((SELECT id::text FROM api.list_api_keys() WHERE name = 'pgtap-victim')), 1, 'hq_admin revokes a key by id');
SELECT lives_ok($$SELECT api.replay(NULL, true)$$, 'hq_admin replays');
SELECT matches(api.set_webhook_secret('clay-person-profile'), '^whsec_[A-Za-z0-9+/=]{40,}$', 'hq_admin sets a webhook secret');
SELECT lives_ok($$SELECT api.add_job_title_lookup('pgtap head of things', 'Head of Things', 'Operations', 'Head')$$, 'hq_admin edits lookups');
SELECT throws_ok($$SELECT count(*) FROM reference.api_keys$$, '42501', NULL, 'hq_admin cannot read the key table directly');
SELECT throws_ok($$INSERT INTO core.companies (domain) VALUES ('x.com')$$, '42501', NULL, 'hq_admin cannot write core directly');
RESET ROLE;

-- the revoked key no longer authenticates; a prefix fitting two keys is refused
SELECT is((SELECT count(*)::int FROM api.list_api_keys() WHERE name = 'pgtap-victim' AND revoked_at IS NOT NULL), 1, 'the revoked key is marked revoked');
INSERT INTO reference.api_keys (id, scope, key_prefix, key_hash) VALUES
  ('abcd0000-0000-4000-8000-000000000001', 'query', 'hq_query_x1', '\x01'),
  ('abcd0000-0000-4000-8000-000000000002', 'query', 'hq_query_x2', '\x02');
SELECT throws_ok($$SELECT api.revoke_api_key('abcd0000')$$, '22023', NULL, 'an ambiguous id prefix revokes nothing and says so');
SELECT is(api.revoke_api_key('ABCD0000000040008000000000000002'), 1, 'an id in upper case without dashes revokes that one key');
SELECT is(api.revoke_api_key('ffffffff-not-an-id'), 0, 'an unknown id revokes nothing');
SELECT * FROM finish();
ROLLBACK;
