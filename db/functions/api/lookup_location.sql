CREATE OR REPLACE FUNCTION api.lookup_location(p_location text, p_country text DEFAULT NULL)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Match one location: {match_status: matched|partial|unmatched, city,
  -- state, country}; 'matched' when a country was found and every part the
  -- text names matched, 'partial' when only some parts are known.
  SELECT jsonb_build_object(
    'match_status', CASE WHEN m.country IS NOT NULL AND (m.city IS NOT NULL OR m.state IS NOT NULL OR p_location !~ ',') THEN 'matched'
                         WHEN num_nonnulls(m.city, m.state, m.country) > 0 THEN 'partial' ELSE 'unmatched' END,
    'city', m.city, 'state', m.state, 'country', m.country)
  FROM reference.match_location(p_location, p_country) m;
$$;
COMMENT ON FUNCTION api.lookup_location(text, text) IS 'Match a location string (and optional country): match_status plus city, state, country.';
