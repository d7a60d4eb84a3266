CREATE OR REPLACE FUNCTION reference.match_locations(p_raw text[], p_raw_country text[])
RETURNS TABLE (raw_location text, raw_country text, city text, state text, country text)
LANGUAGE sql
STABLE PARALLEL SAFE
ROWS 100  -- a batch holds few distinct locations: callers hash-join it to the batch, not merge-join after a sort
AS $$
  -- Set-based reference.match_location: one row per distinct
  -- (raw_location, raw_country) pair of the two parallel arrays, each pair
  -- matched once (provider locations repeat heavily across a batch). Join
  -- back on coalesce(x, '') of both columns, which stays hashable.
  SELECT d.raw_location, d.raw_country, m.city, m.state, m.country
  FROM (SELECT DISTINCT u.raw_location, u.raw_country
        FROM unnest(p_raw, p_raw_country) AS u(raw_location, raw_country)) AS d
  CROSS JOIN LATERAL reference.match_location(d.raw_location, d.raw_country) AS m;
$$;
COMMENT ON FUNCTION reference.match_locations(text[], text[]) IS
  'reference.match_location for many (raw_location, raw_country) pairs: one row per distinct pair, each matched once.';
