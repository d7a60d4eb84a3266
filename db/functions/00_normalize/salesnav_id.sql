CREATE OR REPLACE FUNCTION core.salesnav_id(p_url text, p_urn text DEFAULT NULL)
RETURNS text
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- The Sales Navigator profile id of a person as a canonical URL
  -- ('https://www.linkedin.com/in/ACwAA...', case kept): the URL itself when
  -- it is one, else the id inside a 'urn:li:fs_salesProfile:(ACwAA...)' URN.
  SELECT CASE
    WHEN core.normalize_linkedin_url(p_url) ~ '^https://www\.linkedin\.com/in/ACw' THEN core.normalize_linkedin_url(p_url)
    WHEN p_urn ~ 'ACw[A-Za-z0-9_-]+' THEN 'https://www.linkedin.com/in/' || substring(p_urn FROM 'ACw[A-Za-z0-9_-]+')
  END;
$$;
COMMENT ON FUNCTION core.salesnav_id(text, text) IS 'Sales Navigator id (as a /in/ACw... URL) from a profile URL or a fs_salesProfile URN; NULL when neither has one.';
