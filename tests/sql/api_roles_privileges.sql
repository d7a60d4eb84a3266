-- Roles and least privilege: hq_ingest cannot read core; hq_api cannot write.
BEGIN;
SELECT plan(16);
SELECT has_role('hq_owner', 'owner role exists');
SELECT has_role('hq_ingest', 'ingest role exists');
SELECT has_role('hq_api', 'api role exists');
SELECT schemas_are(ARRAY['public', 'raw', 'extracted', 'reference', 'core', 'api', 'client', 'procrastinate'], 'exactly the project schemas');
SELECT is((SELECT count(*)::int FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname IN ('raw','extracted','reference','core','api','client') AND c.relkind IN ('r','v','p')
             AND c.relowner <> 'hq_owner'::regrole), 0, 'hq_owner owns every table and view');
SELECT is((SELECT count(*)::int FROM pg_catalog.pg_namespace n
           WHERE n.nspname IN ('raw','extracted','reference','core','api','client')
             AND has_schema_privilege('public', n.oid, 'USAGE')), 0, 'PUBLIC has no usage on project schemas');
SELECT is((SELECT count(*)::int FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname IN ('raw','extracted','reference','core','api','client')
             AND p.prosecdef AND NOT coalesce(p.proconfig::text LIKE '%search_path=%', false)), 0,
          'every SECURITY DEFINER function pins search_path');
SELECT is((SELECT count(*)::int FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname IN ('raw','extracted','reference','core','api','client')
             AND has_function_privilege('public', p.oid, 'EXECUTE')), 0, 'PUBLIC may execute no project function');

SET LOCAL ROLE hq_ingest;
SELECT throws_ok('SELECT count(*) FROM core.companies', '42501', NULL, 'hq_ingest cannot read core');
SELECT throws_ok('SELECT count(*) FROM reference.api_keys', '42501', NULL, 'hq_ingest cannot read api keys');
-- the bulk loader's header -> column map comes from SQL (core.snake_case), callable as hq_ingest
SELECT is(api.ingest_columns('salesnav-export', ARRAY[E'\ufeffFirst Name', 'LinkedIn URL (user profile)', 'Not A Column', 'id', 'Raw Payload']),
          '{"\ufeffFirst Name": "first_name", "LinkedIn URL (user profile)": "linkedin_url_user_profile"}'::jsonb,
          'api.ingest_columns: headers in snake_case onto existing flat columns; managed columns and unknown headers left out');
SELECT throws_ok($$SELECT api.ingest_columns('no-such-workflow', ARRAY['x'])$$, '22023', NULL, 'api.ingest_columns: unknown workflow refused');
RESET ROLE;

SET LOCAL ROLE hq_api;
SELECT throws_ok($$INSERT INTO core.companies (domain) VALUES ('x.com')$$, '42501', NULL, 'hq_api cannot write core');
SELECT throws_ok($$INSERT INTO raw.company_discovery (company_domain, workflow_slug, raw_payload) VALUES ('x.com', 'clay-find-companies', '{}')$$,
                 '42501', NULL, 'hq_api cannot write raw');
SELECT throws_ok($$DELETE FROM core.companies$$, '42501', NULL, 'hq_api cannot delete from core');
RESET ROLE;

SELECT is((SELECT count(*)::int FROM information_schema.role_table_grants g
           WHERE g.grantee = 'hq_api' AND g.privilege_type IN ('INSERT','UPDATE','DELETE','TRUNCATE')), 0,
          'hq_api holds no write privilege on any table');
SELECT * FROM finish();
ROLLBACK;
