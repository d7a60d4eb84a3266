CREATE OR REPLACE FUNCTION api.add_location_lookup(p_raw_location text, p_city text, p_state text, p_country text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Add or replace a location lookup row (admin); the rematch trigger
-- re-matches every stored location it affects. The country is put in its
-- canonical name first (any case, aliases and ISO codes: 'usa', 'US'); one
-- that is not a country raises 22023 naming the field.
DECLARE
  v_row reference.location_lookup;
BEGIN
  INSERT INTO reference.location_lookup AS l (raw_location, city, state, country)
  VALUES (p_raw_location, p_city, p_state, (core.canonical_values('country', ARRAY[p_country]))[1])
  ON CONFLICT (raw_location) DO UPDATE SET city = excluded.city, state = excluded.state, country = excluded.country
  RETURNING l.* INTO v_row;
  RETURN to_jsonb(v_row) || coalesce((SELECT jsonb_build_object('dimension_rows', g.dimension_rows, 'golden_rows', g.golden_rows)
                                      FROM reference.rematch_log g ORDER BY g.id DESC LIMIT 1), '{}');
END;
$$;
COMMENT ON FUNCTION api.add_location_lookup(text, text, text, text) IS 'Admin: add/replace a location lookup row (triggers rematch).';
