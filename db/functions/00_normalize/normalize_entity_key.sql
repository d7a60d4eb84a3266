CREATE OR REPLACE FUNCTION core.normalize_entity_key(p_entity_type text, p_key text)
RETURNS text
LANGUAGE plpgsql
IMMUTABLE PARALLEL SAFE
AS $$
-- The stored form of an entity key: a company's normalized domain, a
-- person's normalized LinkedIn profile URL (/in/ only; a company page is
-- not a person). NULL when the key is not one. PL/pgSQL: it runs once per
-- staged raw row, and the SQL form (a sub-select, so never inlined) costs
-- several times more per call than this plus the normalizer.
DECLARE
  v_url text;
BEGIN
  IF p_entity_type = 'company' THEN
    RETURN core.normalize_domain(p_key);
  ELSIF p_entity_type = 'person' THEN
    v_url := core.normalize_linkedin_url(p_key);
    IF v_url LIKE 'https://www.linkedin.com/in/%' THEN
      RETURN v_url;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION core.normalize_entity_key(text, text) IS 'Normalized entity key: domain for companies, LinkedIn /in/ URL for people; NULL when invalid.';
