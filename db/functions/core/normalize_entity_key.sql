CREATE OR REPLACE FUNCTION core.normalize_entity_key(p_entity_type text, p_key text)
RETURNS text
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- The stored form of an entity key: a company's normalized domain, a
  -- person's normalized LinkedIn profile URL (/in/ only; a company page is
  -- not a person). NULL when the key is not one.
  SELECT CASE p_entity_type
    WHEN 'company' THEN core.normalize_domain(p_key)
    WHEN 'person' THEN (SELECT u FROM core.normalize_linkedin_url(p_key) AS u WHERE u LIKE 'https://www.linkedin.com/in/%')
  END;
$$;
COMMENT ON FUNCTION core.normalize_entity_key(text, text) IS 'Normalized entity key: domain for companies, LinkedIn /in/ URL for people; NULL when invalid.';
