-- Privileges, re-applied by every deploy after the repeatable objects (as the
-- deploying user). PUBLIC gets nothing; hq_ingest may insert raw rows and call
-- api.ingest_*; hq_api may read core and call the other api.*.
REVOKE ALL ON SCHEMA raw, extracted, reference, core, api, client FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA raw, extracted, reference, core, api, client FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA raw, extracted, reference, core, api, client FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA raw, extracted, reference, core, api, client FROM PUBLIC;
REVOKE ALL ON ALL PROCEDURES IN SCHEMA raw, extracted, reference, core, api, client FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE hq_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE hq_owner REVOKE ALL ON TABLES FROM PUBLIC;

-- hq_ingest: insert raw payloads (INSERT, COPY) and call api.ingest_*.
GRANT USAGE ON SCHEMA raw, client, api TO hq_ingest;
GRANT INSERT ON ALL TABLES IN SCHEMA raw TO hq_ingest;
GRANT INSERT ON ALL TABLES IN SCHEMA client TO hq_ingest;
ALTER DEFAULT PRIVILEGES FOR ROLE hq_owner IN SCHEMA raw GRANT INSERT ON TABLES TO hq_ingest;

-- hq_api: read core, call api.* (query, lookup, status, admin wrappers).
GRANT USAGE ON SCHEMA core, api TO hq_api;
GRANT SELECT ON ALL TABLES IN SCHEMA core TO hq_api;
ALTER DEFAULT PRIVILEGES FOR ROLE hq_owner IN SCHEMA core GRANT SELECT ON TABLES TO hq_api;

DO $$
DECLARE
  v_fn record;
BEGIN
  FOR v_fn IN
    SELECT p.oid::regprocedure AS sig, p.proname, p.prokind
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'api'
  LOOP
    EXECUTE format('GRANT EXECUTE ON %s %s TO %I',
                   CASE v_fn.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
                   v_fn.sig,
                   CASE WHEN v_fn.proname LIKE 'ingest%' THEN 'hq_ingest' ELSE 'hq_api' END);
  END LOOP;
END $$;
GRANT EXECUTE ON FUNCTION api.health() TO hq_ingest;
GRANT EXECUTE ON FUNCTION api.verify_api_key(text, text) TO hq_ingest;
GRANT EXECUTE ON FUNCTION core.normalize_domain(text), core.normalize_linkedin_url(text) TO hq_ingest, hq_api;
GRANT SELECT ON TABLE public._yoyo_migration TO hq_owner;

-- Client leads (legacy import / client-lead area): row-level security on
-- client.leads and raw.client_lead_payloads applies to these roles, the
-- api.*client_lead* functions run as the caller (SECURITY INVOKER).
GRANT USAGE ON SCHEMA client TO hq_api;
GRANT SELECT ON TABLE client.leads TO hq_api, hq_ingest;
GRANT SELECT ON TABLE raw.client_lead_payloads TO hq_ingest;
GRANT EXECUTE ON FUNCTION api.bind_api_key(text, text) TO hq_ingest;
GRANT EXECUTE ON FUNCTION client.client_key(text) TO hq_ingest;
-- registering workflows is for the deploying user (hq workflows add), not the query role
REVOKE EXECUTE ON FUNCTION api.add_workflow(text, text, text, text, text, text, jsonb, text) FROM hq_api;

-- HTTP API area (#16): dead letters go in only through api.ingest_reject,
-- which drops secret headers; hq_ingest gets no direct INSERT on the table.
REVOKE ALL ON TABLE raw.rejected_requests FROM hq_ingest, hq_api;
GRANT EXECUTE ON FUNCTION api.ingest_reject(text, text, text, jsonb, bytea, text, integer) TO hq_ingest;

-- == server (#16.6, #17.5): admin functions run only as hq_admin ==
-- Creating and revoking keys, listing them, replaying raw rows, editing
-- lookups and setting webhook secrets: hq_admin only; the loop above granted
-- them to hq_api, so they are taken back here (by name, whatever their
-- signature). Every role authenticates its requests with api.authenticate.
GRANT USAGE ON SCHEMA api TO hq_admin;
DO $$
DECLARE
  v_fn record;
BEGIN
  FOR v_fn IN
    SELECT p.oid::regprocedure AS sig, p.prokind
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'api'
      AND p.proname IN ('create_api_key', 'revoke_api_key', 'list_api_keys', 'replay',
                        'add_job_title_lookup', 'add_location_lookup',
                        'set_webhook_secret', 'remove_webhook_secret',
                        'replay_rejected', 'legacy_job_title_update', 'legacy_location_update')
  LOOP
    EXECUTE format('REVOKE EXECUTE ON %s %s FROM hq_api, hq_ingest',
                   CASE v_fn.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, v_fn.sig);
    EXECUTE format('GRANT EXECUTE ON %s %s TO hq_admin',
                   CASE v_fn.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, v_fn.sig);
  END LOOP;
END $$;
GRANT EXECUTE ON FUNCTION api.authenticate(text, integer) TO hq_ingest, hq_api, hq_admin;
GRANT EXECUTE ON FUNCTION api.health(), api.verify_api_key(text, text) TO hq_admin;

-- == dashboard (#18): its writes run only as hq_admin ==
-- Mapping an unmatched value (a lookup write and its rematch) and replaying
-- failed rows are admin actions, like api.add_job_title_lookup and
-- api.replay: taken back from hq_api (the loop above granted them) and given
-- to hq_admin. api.refresh_quality only rewrites a derived snapshot; it stays
-- with hq_api, which renders the quality page.
REVOKE EXECUTE ON FUNCTION api.map_unmatched_value(text, text, jsonb), api.replay_failed(text, text) FROM hq_api, hq_ingest;
GRANT EXECUTE ON FUNCTION api.map_unmatched_value(text, text, jsonb), api.replay_failed(text, text) TO hq_admin;

-- Jobs (#21): the queue (schema procrastinate) and the worker role.
-- procrastinate's functions and triggers name their tables unqualified:
-- pinned to their schema, they work whoever calls them (an api.* function
-- queueing jobs under its own search_path, the worker's pool).
DO $$
DECLARE
  v_fn record;
BEGIN
  FOR v_fn IN
    SELECT p.oid::regprocedure AS sig, p.prokind
    FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'procrastinate'
  LOOP
    EXECUTE format('ALTER %s %s SET search_path = procrastinate, pg_catalog',
                   CASE v_fn.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, v_fn.sig);
  END LOOP;
  -- api.worker_*: the worker's calls (mark rows sent, store responses), for hq_worker only
  FOR v_fn IN
    SELECT p.oid::regprocedure AS sig
    FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'api' AND p.proname LIKE 'worker\_%'
  LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM hq_api, hq_ingest', v_fn.sig);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO hq_worker', v_fn.sig);
  END LOOP;
END $$;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA procrastinate FROM PUBLIC;
GRANT USAGE ON SCHEMA procrastinate TO hq_worker;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA procrastinate TO hq_worker;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA procrastinate TO hq_worker;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA procrastinate TO hq_worker;
GRANT USAGE ON SCHEMA api TO hq_worker;
GRANT EXECUTE ON FUNCTION api.health(), api.job(bigint), api.jobs(text, text, int), api.job_counts() TO hq_worker;

-- HTTP API contract (#16): core.normalize_domain runs as its caller (SECURITY
-- INVOKER), so the roles that may call it also need the IDNA helpers it calls
-- (api.client_leads, a SECURITY INVOKER function for row-level security,
-- normalizes client domains as hq_api).
GRANT EXECUTE ON FUNCTION core.idna_to_ascii(text), core.punycode_encode(text) TO hq_ingest, hq_api;
