CREATE OR REPLACE FUNCTION core.person_name_key(p_name text)
RETURNS text
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- A person's name as compared across sources: lower case, accents and
  -- punctuation removed, single spaces ('José  O''Neil' -> 'jose oneil').
  SELECT NULLIF(btrim(regexp_replace(regexp_replace(
           lower(public.unaccent('public.unaccent'::regdictionary, p_name)), '[''’.]', '', 'g'),
           '[^[:alnum:]]+', ' ', 'g')), '');
$$;
COMMENT ON FUNCTION core.person_name_key(text) IS 'Normalized person name (lower case, no accents or punctuation) for linking champions to people.';
