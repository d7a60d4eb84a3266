-- Ownership and privileges, re-applied by every deploy (as the deploying user).
-- hq_owner owns everything; PUBLIC gets nothing; hq_ingest may insert raw
-- rows and call api.ingest_*; hq_api may read core and call the other api.*.
DO $$
DECLARE
  v_obj record;
  v_schemas text[] := ARRAY['raw', 'extracted', 'reference', 'core', 'api', 'client'];
BEGIN
  -- Objects created by migrations (as the deploying user) move to hq_owner.
  FOR v_obj IN
    SELECT n.nspname, c.relname, c.relkind
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY (v_schemas)
      AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND c.relowner <> 'hq_owner'::regrole
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                      WHERE d.objid = c.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER %s %I.%I OWNER TO hq_owner',
                   CASE v_obj.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                      WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE'
                                      ELSE 'TABLE' END,
                   v_obj.nspname, v_obj.relname);
  END LOOP;
  FOR v_obj IN
    SELECT p.oid::regprocedure AS sig, p.prokind
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = ANY (v_schemas)
      AND p.proowner <> 'hq_owner'::regrole
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                      WHERE d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO hq_owner',
                   CASE v_obj.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, v_obj.sig);
  END LOOP;
END $$;

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
