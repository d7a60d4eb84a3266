CREATE OR REPLACE FUNCTION core.linkedin_slug(p_url text)
RETURNS text
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- The slug of a stored (already normalized) person key,
  -- 'https://www.linkedin.com/in/<slug>' -> '<slug>' (a Sales Navigator id
  -- keeps its case); NULL for anything else. One LIKE and a substr, inlined
  -- by the planner: it fills core.people.linkedin_slug for every new person.
  SELECT CASE WHEN p_url LIKE 'https://www.linkedin.com/in/_%'
              THEN substr(p_url, length('https://www.linkedin.com/in/') + 1) END;
$$;
COMMENT ON FUNCTION core.linkedin_slug(text) IS 'Slug of a normalized LinkedIn /in/ person key; NULL when the key is not one.';
