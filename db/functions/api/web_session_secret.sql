CREATE OR REPLACE FUNCTION api.web_session_secret()
RETURNS text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- The dashboard's cookie-signing secret: created on the first call (two
-- uuids of strong randomness, 244 bits), then the same for every worker.
-- ON CONFLICT makes two workers starting at once agree on one row.
BEGIN
  INSERT INTO reference.web_secrets (name, secret)
  VALUES ('session', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))
  ON CONFLICT (name) DO NOTHING;
  RETURN (SELECT s.secret FROM reference.web_secrets s WHERE s.name = 'session');
END;
$$;
COMMENT ON FUNCTION api.web_session_secret() IS 'Dashboard session-signing secret, generated once and shared by every server process on this database.';
