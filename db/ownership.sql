-- Ownership, applied by every deploy before the repeatable objects (as the
-- deploying user): objects created by migrations move to hq_owner, which then
-- owns and re-creates every function, view and trigger.
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
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d  -- extension members, owned sequences
                      WHERE d.objid = c.oid AND d.classid = 'pg_catalog.pg_class'::regclass
                        AND d.deptype IN ('e', 'a', 'i'))
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

