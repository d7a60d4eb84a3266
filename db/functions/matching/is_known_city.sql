CREATE OR REPLACE FUNCTION reference.is_known_city(p_name text, p_country_code text DEFAULT NULL)
RETURNS boolean
LANGUAGE sql
STABLE PARALLEL SAFE
AS $$
  -- A GeoNames city by its name or one of its alternate names (Milano,
  -- München, Lisboa), in the given country when one is given.
  SELECT EXISTS (SELECT 1 FROM reference.cities ci
                 WHERE reference.normalize_key(ci.name) = reference.normalize_key(p_name)
                   AND (p_country_code IS NULL OR ci.country_code = p_country_code))
      OR EXISTS (SELECT 1 FROM reference.city_aliases ca
                 WHERE ca.alias = reference.normalize_key(p_name)
                   AND (p_country_code IS NULL OR ca.country_code = p_country_code));
$$;
COMMENT ON FUNCTION reference.is_known_city(text, text) IS 'Whether a name is a known city (GeoNames name or alternate name), optionally in one country.';
