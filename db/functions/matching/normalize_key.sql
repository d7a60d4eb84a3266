CREATE OR REPLACE FUNCTION reference.normalize_key(p_value text)
RETURNS text
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- Lookup key form: trimmed, lower-case, runs of white space as one space;
  -- NULL for NULL or blank input. Used when storing and when looking up.
  SELECT NULLIF(lower(regexp_replace(btrim(p_value), '\s+', ' ', 'g')), '');
$$;

COMMENT ON FUNCTION reference.normalize_key(text) IS
  'Normalized lookup key: trimmed, lower-case, single spaces; NULL when blank.';
