CREATE OR REPLACE FUNCTION core.normalize_linkedin_url(p_value text)
RETURNS text
LANGUAGE plpgsql
IMMUTABLE STRICT PARALLEL SAFE
AS $$
-- Canonical https://www.linkedin.com/in/<slug> or /company/<slug>.
-- Accepts missing scheme, country/mobile subdomains, /pub/ and Sales
-- Navigator lead URLs. Public slugs are lower-cased; Sales Navigator ids
-- (ACwAA..., ACoAA...) are case-sensitive and keep their case. NULL when
-- the text is not a LinkedIn person or company URL. Runs once per ingested
-- row and job, so: PL/pgSQL, a fast path for canonical URLs (a prefix
-- test and one search for a character outside [a-z0-9._%-]; the call
-- itself costs more than either), else one capture-free match (capture
-- groups make PostgreSQL's regex engine backtrack, about ten times slower),
-- then split_part. A slug over 400 characters (LinkedIn's own have at most
-- 100) is not a profile: NULL, so that a bogus key is flagged, never
-- stored as a key too long for a btree entry.
DECLARE
  v_url text;
  v_rest text;
  v_kind text;
  v_slug text;
BEGIN
  -- fast path: already canonical (lower-case ASCII slug) is returned as
  -- is; whatever else goes through the full rules below
  v_slug := CASE WHEN left(p_value, 28) = 'https://www.linkedin.com/in/' THEN substr(p_value, 29)
                 WHEN left(p_value, 33) = 'https://www.linkedin.com/company/' THEN substr(p_value, 34) END;
  IF v_slug <> '' AND length(v_slug) <= 400 AND v_slug !~ '[^a-z0-9._%-]' THEN
    RETURN p_value;
  END IF;
  v_url := btrim(p_value);
  IF v_url !~* '^(https?://)?([a-z][a-z][a-z]?\.|www\.|m\.)?linkedin\.com/(sales/(lead|people)|in|pub|company)/[^/?#,[:space:]]+[^[:space:]]*$' THEN
    RETURN NULL;
  END IF;
  v_rest := substr(v_url, strpos(lower(v_url), 'linkedin.com/') + length('linkedin.com/'));
  v_kind := lower(split_part(v_rest, '/', 1));
  v_slug := split_part(split_part(split_part(split_part(v_rest, '/', CASE v_kind WHEN 'sales' THEN 3 ELSE 2 END),
                                             '?', 1), '#', 1), ',', 1);
  IF length(v_slug) > 400 THEN
    RETURN NULL;
  END IF;
  IF v_kind = 'company' THEN
    RETURN 'https://www.linkedin.com/company/' || lower(v_slug);
  ELSIF v_slug ~ '^AC[a-zA-Z]AA' THEN      -- Sales Navigator id (also from a /sales/lead/ URL)
    RETURN 'https://www.linkedin.com/in/' || v_slug;
  END IF;
  RETURN 'https://www.linkedin.com/in/' || lower(v_slug);
END;
$$;

COMMENT ON FUNCTION core.normalize_linkedin_url(text) IS
  'Canonical LinkedIn person/company URL (https://www.linkedin.com/in|company/<slug>, lower-case slug, Sales Navigator ids keep case); NULL when not a LinkedIn URL.';
