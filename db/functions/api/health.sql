CREATE OR REPLACE FUNCTION api.health()
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Liveness for GET /health: the newest applied migration and server version.
  SELECT jsonb_build_object(
    'database', 'ok',
    'migration_version', (SELECT m.migration_id FROM public._yoyo_migration m
                          ORDER BY m.migration_id DESC LIMIT 1),
    'server_version', current_setting('server_version'));
$$;
COMMENT ON FUNCTION api.health() IS 'Database liveness and the newest applied migration id, for GET /health.';
