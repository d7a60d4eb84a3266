CREATE OR REPLACE FUNCTION api.set_webhook_secret(p_workflow_slug text, p_grace interval DEFAULT interval '24 hours')
RETURNS text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Set or rotate a workflow's Standard Webhooks signing secret (admin) and
-- return it once: whsec_ and 32 random bytes in base64. After a rotation
-- the previous secret stays valid for p_grace, so a sender can switch over
-- without a failed delivery; a zero grace cuts it off at once.
DECLARE
  v_secret text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM reference.enrichment_workflow_registry r WHERE r.workflow_slug = p_workflow_slug) THEN
    RAISE EXCEPTION 'workflow_slug % is not registered', coalesce(quote_literal(p_workflow_slug), 'NULL')
      USING ERRCODE = '22023';
  END IF;
  v_secret := 'whsec_' || encode(decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'), 'base64');
  INSERT INTO reference.webhook_secrets AS s (workflow_slug, secret)
  VALUES (p_workflow_slug, v_secret)
  ON CONFLICT (workflow_slug) DO UPDATE
    SET previous_secret = s.secret,
        previous_valid_until = now() + greatest(coalesce(p_grace, interval '0'), interval '0'),
        secret = excluded.secret,
        rotated_at = now();
  RETURN v_secret;
END;
$$;
COMMENT ON FUNCTION api.set_webhook_secret(text, interval) IS 'Set or rotate a workflow''s webhook signing secret (returned once); the previous one stays valid for p_grace.';
