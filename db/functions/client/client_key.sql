CREATE OR REPLACE FUNCTION client.client_key(p_domain text)
RETURNS text
LANGUAGE sql
IMMUTABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- A client domain as raw.client_lead_payloads stores it, so row-level
  -- security compares it with hq.client_domain: normalized
  -- (core.normalize_domain), else as given (the trigger then flags the row).
  -- For the ingest role, which has no access to schema core.
  SELECT coalesce(core.normalize_domain(p_domain), p_domain);
$$;
COMMENT ON FUNCTION client.client_key(text) IS 'Client domain normalized (core.normalize_domain), else as given; callable by hq_ingest.';
