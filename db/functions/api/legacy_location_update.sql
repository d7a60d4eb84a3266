CREATE OR REPLACE FUNCTION api.legacy_location_update(p_location_name text, p_city text, p_state text, p_country text)
RETURNS jsonb
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- The existing Clay tables' location update (POST
  -- /run/reference/location/update): api.add_location_lookup with the
  -- legacy field names. Returns {success, location_name, city, state,
  -- country, has_city, has_state, has_country, dimension_rows, golden_rows}.
  SELECT jsonb_build_object('success', true, 'location_name', a ->> 'raw_location',
                            'city', a -> 'city', 'state', a -> 'state', 'country', a -> 'country',
                            'has_city', a ->> 'city' IS NOT NULL, 'has_state', a ->> 'state' IS NOT NULL,
                            'has_country', a ->> 'country' IS NOT NULL,
                            'dimension_rows', a -> 'dimension_rows', 'golden_rows', a -> 'golden_rows')
  FROM api.add_location_lookup(p_location_name, p_city, p_state, p_country) a;
$$;
COMMENT ON FUNCTION api.legacy_location_update(text, text, text, text) IS
  'Deprecated Clay route: add a location lookup row from legacy fields (location_name, city, state, country).';
