CREATE OR REPLACE FUNCTION reference.match_location(p_raw text, p_raw_country text DEFAULT NULL)
RETURNS TABLE (city text, state text, country text)
LANGUAGE plpgsql
STABLE PARALLEL SAFE
AS $$
-- Exact reference.location_lookup row first (metro areas, 'Remote'), else
-- parse the comma-separated parts: a trailing country (name, code or alias);
-- a region (full name or postal abbreviation) before it, which may imply the
-- country; the first part is the city, as written. State only when the text
-- names a region; country from the text, from p_raw_country, or inferred from
-- the region. An unknown city is kept only when a region or country matched.
-- Always one row (NULLs when nothing fits).
DECLARE
  v_key text := reference.normalize_key(p_raw);
  v_parts text[];
  v_n int;
  v_cc text;
  v_region text;
  v_region_cc text;
  v_last text;
  v_city text;
  v_hit record;
BEGIN
  city := NULL; state := NULL; country := NULL;
  IF v_key IS NULL THEN
    IF p_raw_country IS NOT NULL THEN
      SELECT c.name INTO country FROM reference.country_aliases a
        JOIN reference.countries c ON c.code2 = a.country_code
       WHERE a.alias = reference.normalize_key(p_raw_country);
    END IF;
    RETURN NEXT;
    RETURN;
  END IF;

  SELECT l.city, l.state, l.country INTO v_hit
    FROM reference.location_lookup l WHERE l.raw_location = v_key;
  IF FOUND THEN
    city := v_hit.city; state := v_hit.state; country := v_hit.country;
    RETURN NEXT;
    RETURN;
  END IF;

  SELECT array_agg(btrim(p) ORDER BY o) INTO v_parts
    FROM regexp_split_to_table(btrim(p_raw), '\s*,\s*') WITH ORDINALITY AS s(p, o)
   WHERE btrim(p) <> '';
  v_n := coalesce(array_length(v_parts, 1), 0);

  -- LinkedIn metro forms not in the lookup: 'Greater X', 'X Area', 'X Metropolitan Area'
  IF v_n >= 1 THEN
    v_parts[1] := btrim(regexp_replace(regexp_replace(v_parts[1], '^greater\s+', '', 'i'),
                                       '\s+(metropolitan area|metro area|metroplex|bay area|area)$', '', 'i'));
  END IF;

  -- trailing country
  IF v_n >= 1 THEN
    SELECT a.country_code INTO v_cc FROM reference.country_aliases a
     WHERE a.alias = reference.normalize_key(v_parts[v_n]);
    -- 'City, CA' / 'Atlanta, Georgia': a trailing country code or name that
    -- is also a region (abbreviation or name) of the raw_country, else of the
    -- US, is that region unless the city is known in the country it names
    -- ('Berlin, DE' is Germany, 'Tbilisi, Georgia' the country).
    IF v_cc IS NOT NULL AND v_n = 2
       AND EXISTS (SELECT 1 FROM reference.region_aliases ra
                   WHERE ra.alias = reference.normalize_key(v_parts[2])
                     AND ra.country_code = coalesce((SELECT a.country_code FROM reference.country_aliases a
                                                     WHERE a.alias = reference.normalize_key(p_raw_country)), 'US'))
       AND NOT reference.is_known_city(v_parts[1], v_cc) THEN
      v_cc := NULL;
    END IF;
    IF v_cc IS NOT NULL THEN
      v_n := v_n - 1;
    ELSE
      v_cc := NULL;
    END IF;
  END IF;
  IF v_cc IS NULL AND p_raw_country IS NOT NULL THEN
    SELECT a.country_code INTO v_cc FROM reference.country_aliases a
     WHERE a.alias = reference.normalize_key(p_raw_country);
  END IF;

  -- region: the last remaining part when a city precedes it, or a lone part that is no known city
  IF v_n >= 1 THEN
    v_last := reference.normalize_key(v_parts[v_n]);
    IF v_n >= 2 OR NOT reference.is_known_city(v_last, v_cc) THEN
      SELECT ra.region_name, ra.country_code INTO v_region, v_region_cc
        FROM reference.region_aliases ra
       WHERE ra.alias = v_last
         AND (v_cc IS NULL OR ra.country_code = v_cc)
       ORDER BY (ra.country_code = 'US') DESC, (ra.country_code = 'CA') DESC,
                (ra.alias = lower(ra.region_name)) DESC, ra.country_code
       LIMIT 1;
      IF v_region IS NOT NULL THEN
        -- a bare region name shared by several countries is ambiguous unless US/CA abbreviations or a country decide
        IF v_cc IS NULL AND v_region_cc NOT IN ('US', 'CA')
           AND (SELECT count(DISTINCT ra.country_code) FROM reference.region_aliases ra WHERE ra.alias = v_last) > 1 THEN
          v_region := NULL;
        ELSE
          v_n := v_n - 1;
          v_cc := coalesce(v_cc, v_region_cc);
        END IF;
      END IF;
    END IF;
  END IF;

  IF v_n >= 1 THEN
    v_city := v_parts[1];
    IF v_region IS NULL AND v_cc IS NULL
       AND NOT reference.is_known_city(v_city, NULL) THEN
      v_city := NULL;  -- unknown text with nothing else matched: not a guess
    END IF;
  END IF;

  city := v_city;
  state := v_region;
  SELECT c.name INTO country FROM reference.countries c WHERE c.code2 = v_cc;
  RETURN NEXT;
END;
$$;

COMMENT ON FUNCTION reference.match_location(text, text) IS
  'City (as written), state (only when named) and country (from text, raw_country or the region) for a raw location; lookup first, then parsing.';
